package org.fourthpurpose.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.web.InvalidInputException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads a backup file as a stream: the header first, then each part's data in turn through a {@link
 * BackupReader}. The file may be gzip-compressed or plain JSON (told apart by its first bytes).
 */
final class BackupFile implements AutoCloseable {

  private final JsonParser json;
  private final String name;
  private final BackupLimits limits;
  private final Set<String> partsRead = new HashSet<>();

  private BackupFile(JsonParser json, String name, BackupLimits limits) {
    this.json = json;
    this.name = name;
    this.limits = limits;
  }

  static BackupFile open(Path path, String name, BackupLimits limits) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
      in.mark(2);
      int first = in.read();
      int second = in.read();
      in.reset();
      if (first == 0x1f && second == 0x8b) {
        in = new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024);
      }
      return new BackupFile(
          limits.jsonFactory().createParser(ObjectReadContext.empty(), in), name, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the header, up to the start of the data. */
  BackupHeader header() {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw notABackup();
    }
    String format = null;
    Integer version = null;
    String product = null;
    String icbCode = null;
    OffsetDateTime exportedAt = null;
    List<BackupHeader.Part> parts = null;
    while (true) {
      JsonToken token = json.nextToken();
      if (token != JsonToken.PROPERTY_NAME) {
        throw here("the backup has no data");
      }
      String field = json.currentName();
      if (field.equals("data")) {
        break;
      }
      JsonToken value = json.nextToken();
      switch (field) {
        case "format" -> format = text(value, field);
        case "formatVersion" -> version = whole(value, field);
        case "productVersion" -> product = text(value, field);
        case "icbCode" -> icbCode = text(value, field);
        case "exportedAt" -> exportedAt = time(text(value, field));
        case "parts" -> parts = parts(value);
        default -> {
          if (!BackupHeader.FORMAT.equals(format)) {
            throw notABackup();
          }
          throw here("the header field '" + field + "' is not part of the backup format");
        }
      }
    }
    if (!BackupHeader.FORMAT.equals(format)) {
      throw notABackup();
    }
    if (version == null || icbCode == null || exportedAt == null || parts == null) {
      throw here(
          "the header must give formatVersion, icbCode, exportedAt and parts before the data");
    }
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw here("the data should be an object with one field per part");
    }
    return new BackupHeader(format, version, product, icbCode, exportedAt, List.copyOf(parts));
  }

  /** The next part's name, its data about to be read; or null after the last part. */
  String nextPart() {
    JsonToken token = json.nextToken();
    if (token == JsonToken.END_OBJECT) {
      if (json.nextToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw here("there is more after the end of the backup's data");
      }
      return null;
    }
    if (token != JsonToken.PROPERTY_NAME) {
      throw here("a part's name should come here");
    }
    String part = json.currentName();
    if (!partsRead.add(part)) {
      throw here("the part '" + part + "' is given twice");
    }
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw here("the part '" + part + "' should be an object of sections");
    }
    return part;
  }

  BackupReader reader(String part) {
    return new BackupReader(json, name, part, limits);
  }

  private List<BackupHeader.Part> parts(JsonToken token) {
    if (token != JsonToken.START_ARRAY) {
      throw here("parts should be a list");
    }
    List<BackupHeader.Part> parts = new ArrayList<>();
    while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT || parts.size() >= 100) {
        throw here("parts should be a short list of objects");
      }
      String partName = null;
      Integer version = null;
      Map<String, Long> counts = null;
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "name" -> partName = text(value, field);
          case "formatVersion" -> version = whole(value, field);
          case "counts" -> counts = counts(value);
          default -> throw here("the field '" + field + "' of a part is not part of the format");
        }
      }
      if (partName == null || version == null || counts == null) {
        throw here("each part must give its name, formatVersion and counts");
      }
      parts.add(new BackupHeader.Part(partName, version, counts));
    }
    return parts;
  }

  private Map<String, Long> counts(JsonToken token) {
    if (token != JsonToken.START_OBJECT) {
      throw here("counts should be an object of whole numbers");
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.PROPERTY_NAME) {
      String section = json.currentName();
      if (json.nextToken() != JsonToken.VALUE_NUMBER_INT || counts.size() >= 100) {
        throw here("the count of '" + section + "' should be a whole number");
      }
      counts.put(section, json.getLongValue());
    }
    return counts;
  }

  private String text(JsonToken token, String field) {
    if (token != JsonToken.VALUE_STRING) {
      throw here("the header field '" + field + "' should be a text");
    }
    return json.getString();
  }

  private int whole(JsonToken token, String field) {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw here("the header field '" + field + "' should be a whole number");
    }
    return json.getIntValue();
  }

  private OffsetDateTime time(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw here("exportedAt '" + text + "' is not a time such as 2026-04-01T09:30:00Z");
    }
  }

  private InvalidInputException notABackup() {
    return here("this is not a Fourth Purpose workspace backup");
  }

  private InvalidInputException here(String message) {
    TokenStreamLocation at = json.currentTokenLocation();
    return BackupReader.problem(name, at.getLineNr(), at.getColumnNr(), message);
  }

  @Override
  public void close() {
    json.close();
  }
}
