package org.fourthpurpose.backup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one part of a backup as named sections, each an array of entries written one at a time
 * straight to the output, so a part with a million rows never holds them in memory:
 *
 * <pre>{@code
 * out.section("groups", () -> jdbc.sql("select ...").query(rs -> {
 *   out.entry().id("id", n++).text("name", rs.getString("name")).end();
 * }));
 * }</pre>
 */
public final class BackupWriter {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final JsonGenerator json;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Entry entry = new Entry();
  private String section;
  private long count;

  BackupWriter(JsonGenerator json) {
    this.json = json;
  }

  /** Writes a section: {@code body} adds its entries with {@link #entry()}. */
  public void section(String name, Runnable body) {
    if (section != null) {
      throw new IllegalStateException("section " + section + " is still open");
    }
    if (counts.containsKey(name)) {
      throw new IllegalStateException("section " + name + " was written already");
    }
    json.writeName(name);
    json.writeStartArray();
    section = name;
    count = 0;
    body.run();
    if (entry.open) {
      throw new IllegalStateException("an entry of " + name + " was not ended");
    }
    json.writeEndArray();
    counts.put(name, count);
    section = null;
  }

  /** Starts the next entry of the current section; end it with {@link Entry#end()}. */
  public Entry entry() {
    if (section == null) {
      throw new IllegalStateException("entries go in a section");
    }
    if (entry.open) {
      throw new IllegalStateException("the previous entry of " + section + " was not ended");
    }
    count++;
    json.writeStartObject();
    entry.open = true;
    return entry;
  }

  /** How many entries each section written so far has, in the order written. */
  Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  /** The fields of one entry; every method writes at once and returns the entry. */
  public final class Entry {

    private boolean open;

    private Entry() {}

    /** A whole number that is never null (a backup id, a count, a version). */
    public Entry id(String field, long value) {
      json.writeName(field);
      json.writeNumber(value);
      return this;
    }

    public Entry integer(String field, Long value) {
      json.writeName(field);
      if (value == null) {
        json.writeNull();
      } else {
        json.writeNumber(value);
      }
      return this;
    }

    public Entry text(String field, String value) {
      json.writeName(field);
      if (value == null) {
        json.writeNull();
      } else {
        json.writeString(value);
      }
      return this;
    }

    /**
     * A decimal, written as the shortest text that reads back to the same {@code double}; the
     * values that are not numbers are written as the strings {@code NaN}, {@code Infinity} and
     * {@code -Infinity}.
     */
    public Entry decimal(String field, Double value) {
      json.writeName(field);
      if (value == null) {
        json.writeNull();
      } else if (value.isNaN() || value.isInfinite()) {
        json.writeString(value.toString());
      } else {
        json.writeNumber(value.doubleValue());
      }
      return this;
    }

    public Entry bool(String field, Boolean value) {
      json.writeName(field);
      if (value == null) {
        json.writeNull();
      } else {
        json.writeBoolean(value);
      }
      return this;
    }

    /** A point in time, written in UTC as ISO-8601 with its offset ({@code …Z}). */
    public Entry timestamp(String field, OffsetDateTime value) {
      return text(
          field,
          value == null ? null : TIMESTAMP.format(value.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    public Entry date(String field, LocalDate value) {
      return text(field, value == null ? null : value.toString());
    }

    /** A list of texts (none of them null). */
    public Entry texts(String field, List<String> values) {
      json.writeName(field);
      json.writeStartArray();
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
      return this;
    }

    /** Ends the entry. */
    public void end() {
      json.writeEndObject();
      open = false;
    }
  }
}
