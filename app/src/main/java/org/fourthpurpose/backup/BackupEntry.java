package org.fourthpurpose.backup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.web.InvalidInputException;

/**
 * One entry of a backup section as read: its fields by name, with typed accessors that refuse a
 * missing or mistyped value with a problem naming the part, section, entry and field. A field the
 * part never reads is refused too (when the entry ends), so nothing in a backup is silently lost.
 */
public final class BackupEntry {

  /** The value of a field given as JSON null. */
  static final Object NULL = new Object();

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();
  private final Place place;

  /** Where the entry is: its part, section, number (from 1) and position in the file. */
  record Place(String file, String part, String section, long number, int line, int column) {

    String path(String field) {
      return "$.data."
          + part
          + "."
          + section
          + "["
          + (number - 1)
          + "]"
          + (field == null ? "" : "." + field);
    }
  }

  BackupEntry(Place place) {
    this.place = place;
  }

  void put(String field, Object value) {
    values.put(field, value);
  }

  boolean has(String field) {
    return values.containsKey(field);
  }

  int size() {
    return values.size();
  }

  /** The entry's number in its section, from 1. */
  public long number() {
    return place.number();
  }

  /** A whole number that must be there. */
  public long id(String field) {
    Long value = optionalInteger(field);
    if (value == null) {
      throw problem(field, "a whole number is needed");
    }
    return value;
  }

  /** A whole number, or null. */
  public Long optionalInteger(String field) {
    Object value = get(field);
    if (value == NULL) {
      return null;
    }
    if (value instanceof Long l) {
      return l;
    }
    throw problem(field, "a whole number is needed, not " + describe(value));
  }

  /** A whole number between the bounds given. */
  public int integer(String field, int min, int max) {
    long value = id(field);
    if (value < min || value > max) {
      throw problem(field, "must be between " + min + " and " + max);
    }
    return (int) value;
  }

  /** A text that must be there (it may be empty). */
  public String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw problem(field, "a text is needed");
    }
    return value;
  }

  /** A text, or null. */
  public String optionalText(String field) {
    Object value = get(field);
    if (value == NULL) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw problem(field, "a text is needed, not " + describe(value));
  }

  /** A text of at most {@code max} characters that must be there. */
  public String text(String field, int max) {
    String value = text(field);
    checkLength(field, value, max);
    return value;
  }

  /** A text of at most {@code max} characters, or null. */
  public String optionalText(String field, int max) {
    String value = optionalText(field);
    checkLength(field, value, max);
    return value;
  }

  private void checkLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw problem(field, "is longer than " + max + " characters");
    }
  }

  /** A decimal, or null; {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} are read too. */
  public Double decimal(String field) {
    Object value = get(field);
    if (value == NULL) {
      return null;
    }
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Long l) {
      return l.doubleValue();
    }
    if (value instanceof String s
        && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
      return Double.valueOf(s);
    }
    throw problem(field, "a number is needed, not " + describe(value));
  }

  /** True or false, which must be there. */
  public boolean bool(String field) {
    Object value = get(field);
    if (value instanceof Boolean b) {
      return b;
    }
    throw problem(field, "true or false is needed, not " + describe(value));
  }

  /** A point in time (ISO-8601 with its offset) that must be there. */
  public OffsetDateTime timestamp(String field) {
    OffsetDateTime value = optionalTimestamp(field);
    if (value == null) {
      throw problem(field, "a time is needed");
    }
    return value;
  }

  /** A point in time (ISO-8601 with its offset), or null. */
  public OffsetDateTime optionalTimestamp(String field) {
    String text = optionalText(field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(field, "'" + text + "' is not a time such as 2026-04-01T09:30:00Z");
    }
  }

  /** A date (ISO-8601) that must be there. */
  public LocalDate date(String field) {
    String text = text(field);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(field, "'" + text + "' is not a date such as 2026-04-01");
    }
  }

  /** A list of texts that must be there. */
  @SuppressWarnings("unchecked")
  public List<String> texts(String field) {
    Object value = get(field);
    if (value instanceof List<?> list) {
      return (List<String>) list;
    }
    throw problem(field, "a list of texts is needed, not " + describe(value));
  }

  /**
   * The problem to throw when a field's value cannot be used: it names the part, the section, the
   * entry's number, the field and the JSON path, with the line and column where the entry starts.
   */
  public InvalidInputException problem(String field, String message) {
    return BackupReader.problem(
        place.file(),
        place.line(),
        place.column(),
        "Part '"
            + place.part()
            + "', "
            + place.section()
            + " entry "
            + place.number()
            + (field == null ? "" : ", field '" + field + "'")
            + " ("
            + place.path(field)
            + "): "
            + message);
  }

  /** Refuses the entry if it has a field the part did not read. */
  void finish() {
    for (String field : values.keySet()) {
      if (!read.contains(field)) {
        throw problem(field, "this field is not part of the backup format");
      }
    }
  }

  private Object get(String field) {
    read.add(field);
    Object value = values.get(field);
    if (value == null) {
      throw problem(field, "the field is missing");
    }
    return value;
  }

  private static String describe(Object value) {
    if (value == NULL) {
      return "null";
    }
    if (value instanceof String) {
      return "a text";
    }
    if (value instanceof Boolean) {
      return "true or false";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a number";
  }
}
