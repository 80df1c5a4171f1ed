package org.fourthpurpose.backup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fourthpurpose.web.InvalidInputException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;

/**
 * Reads one part of a backup section by section, in the order the part wrote them, one entry at a
 * time, so that memory stays bounded whatever the size of the part. Each entry is checked against
 * the {@link BackupLimits} as it is read.
 */
public final class BackupReader {

  private final JsonParser json;
  private final String file;
  private final String part;
  private final BackupLimits limits;
  private final Map<String, Long> counts = new LinkedHashMap<>();

  BackupReader(JsonParser json, String file, String part, BackupLimits limits) {
    this.json = json;
    this.file = file;
    this.part = part;
    this.limits = limits;
  }

  /**
   * Reads the section {@code name}, which must come next, handing each entry to {@code each}; an
   * entry's fields that {@code each} did not read are refused once it returns.
   */
  public void section(String name, Consumer<BackupEntry> each) {
    JsonToken token = json.nextToken();
    if (token != JsonToken.PROPERTY_NAME) {
      throw here("the section '" + name + "' is missing");
    }
    if (!name.equals(json.currentName())) {
      throw here("the section '" + name + "' should come next, not '" + json.currentName() + "'");
    }
    if (json.nextToken() != JsonToken.START_ARRAY) {
      throw here("the section '" + name + "' should be a list of entries");
    }
    long number = 0;
    while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw here("each entry of '" + name + "' should be an object");
      }
      number++;
      TokenStreamLocation at = json.currentTokenLocation();
      BackupEntry entry =
          new BackupEntry(
              new BackupEntry.Place(file, part, name, number, at.getLineNr(), at.getColumnNr()));
      readFields(entry);
      each.accept(entry);
      entry.finish();
    }
    counts.put(name, number);
  }

  /** Checks that the part has no more sections. */
  void finish() {
    JsonToken token = json.nextToken();
    if (token == JsonToken.PROPERTY_NAME) {
      throw here("the section '" + json.currentName() + "' is not part of the backup format");
    }
    if (token != JsonToken.END_OBJECT) {
      throw here("the part should end here");
    }
  }

  /** How many entries each section read had. */
  Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  private void readFields(BackupEntry entry) {
    JsonToken token;
    while ((token = json.nextToken()) != JsonToken.END_OBJECT) {
      String field = json.currentName();
      if (entry.has(field)) {
        throw entry.problem(field, "the field is given twice");
      }
      if (entry.size() >= limits.maxFieldsPerEntry()) {
        throw entry.problem(null, "an entry has at most " + limits.maxFieldsPerEntry() + " fields");
      }
      entry.put(field, value(entry, field, json.nextToken()));
    }
  }

  private Object value(BackupEntry entry, String field, JsonToken token) {
    try {
      return switch (token) {
        case VALUE_STRING -> json.getString();
        case VALUE_NUMBER_INT -> json.getLongValue();
        case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NULL -> BackupEntry.NULL;
        case START_ARRAY -> texts(entry, field);
        default -> throw entry.problem(field, "a value here cannot be an object");
      };
    } catch (InputCoercionException e) {
      throw entry.problem(field, "the number is too large");
    }
  }

  private List<String> texts(BackupEntry entry, String field) {
    List<String> texts = new ArrayList<>();
    JsonToken token;
    while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_STRING) {
        throw entry.problem(field, "the list may hold only texts");
      }
      if (texts.size() >= limits.maxListItems()) {
        throw entry.problem(field, "a list has at most " + limits.maxListItems() + " texts");
      }
      texts.add(json.getString());
    }
    return List.copyOf(texts);
  }

  private InvalidInputException here(String message) {
    TokenStreamLocation at = json.currentTokenLocation();
    return problem(
        file,
        at.getLineNr(),
        at.getColumnNr(),
        "Part '" + part + "' (" + "$.data." + part + "): " + message);
  }

  /** The problem every unusable backup is refused with. */
  static InvalidInputException problem(String file, int line, int column, String message) {
    return InvalidInputException.inFile(
        "invalid-backup",
        "The backup cannot be restored",
        file,
        line > 0 ? (long) line : null,
        column > 0 ? column : null,
        message);
  }
}
