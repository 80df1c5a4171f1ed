package org.fourthpurpose.csv;

import java.util.List;

/**
 * One record of a CSV file: its fields, unquoted, and the line it starts on.
 *
 * @param line the physical line, from 1, on which the record starts (a quoted field with line
 *     breaks makes a record span several lines)
 * @param fields the field values, without the enclosing quotes and with doubled quotes undone
 */
public record CsvRecord(long line, List<String> fields) {

  public CsvRecord {
    fields = List.copyOf(fields);
  }

  /** The number of fields. */
  public int size() {
    return fields.size();
  }

  /** The field at a 0-based index. */
  public String field(int index) {
    return fields.get(index);
  }
}
