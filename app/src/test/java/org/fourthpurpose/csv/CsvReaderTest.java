package org.fourthpurpose.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsPlainRecordsWithTheLineEachStartsOn() throws IOException {
    List<CsvRecord> records = readAll("area,count\nE1,65\nE2,1045\n");

    assertThat(records)
        .containsExactly(
            new CsvRecord(1, List.of("area", "count")),
            new CsvRecord(2, List.of("E1", "65")),
            new CsvRecord(3, List.of("E2", "1045")));
  }

  @Test
  void acceptsCrlfLfAndLoneCrLineEndingsAndAMissingFinalLineBreak() throws IOException {
    List<CsvRecord> records = readAll("a,b\r\n1,2\n3,4\r5,6");

    assertThat(records)
        .extracting(CsvRecord::fields)
        .containsExactly(
            List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
    assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void unquotesFieldsWithEmbeddedCommasDoubledQuotesAndLineBreaks() throws IOException {
    List<CsvRecord> records =
        readAll(
            "name,note\r\n\"Leeds, West\",\"said \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\nlast,y\r\n");

    assertThat(records.get(1).fields()).containsExactly("Leeds, West", "said \"hi\"");
    assertThat(records.get(2).fields()).containsExactly("two\r\nlines", "x");
    assertThat(records.get(3).line())
        .as("a record after a two-line field starts on line 5")
        .isEqualTo(5);
  }

  @Test
  void keepsEmptyFieldsIncludingTrailingOnesAndQuotedEmptyStrings() throws IOException {
    assertThat(readAll("a,,\"\",\n").get(0).fields()).containsExactly("a", "", "", "");
  }

  @Test
  void keepsSpacesAroundUnquotedFieldsAsTheyAre() throws IOException {
    assertThat(readAll(" a , b \n").get(0).fields()).containsExactly(" a ", " b ");
  }

  @Test
  void skipsAByteOrderMarkAndEmptyLinesButCountsThemInLineNumbers() throws IOException {
    List<CsvRecord> records = readAll("\uFEFFa,b\n\n\r\n1,2\n\n");

    assertThat(records)
        .containsExactly(new CsvRecord(1, List.of("a", "b")), new CsvRecord(4, List.of("1", "2")));
  }

  @Test
  void returnsNothingForEmptyInput() throws IOException {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\r\n\n")).isEmpty();
  }

  @Test
  void refusesAFieldLongerThanAnExcelCellAtItsPlaceWithoutReadingTheRest() throws IOException {
    String longest = "x".repeat(CsvReader.MAXIMUM_FIELD_LENGTH);
    assertThat(readAll("a," + longest + "\n").get(0).fields()).containsExactly("a", longest);

    // An endless field (here a quote never closed) stops at the limit, not at the heap's end.
    java.io.Reader endless =
        new java.io.Reader() {
          boolean first = true;

          @Override
          public int read(char[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, 'y');
            if (first) {
              buffer[offset] = 'a';
              buffer[offset + 1] = ',';
              buffer[offset + 2] = '"';
              first = false;
            }
            return length;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> new CsvReader(endless).next())
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("a field longer than 32767 characters")
        .satisfies(
            e -> {
              assertThat(((CsvFormatException) e).line()).isEqualTo(1);
              assertThat(((CsvFormatException) e).column()).isEqualTo(3 + 32_767 + 1);
            });
  }

  @Test
  void refusesARecordWithMoreFieldsThanItReads() throws IOException {
    String most = ",".repeat(CsvReader.MAXIMUM_FIELDS - 1);
    assertThat(readAll("h\n" + most + "\n").get(1).fields()).hasSize(CsvReader.MAXIMUM_FIELDS);
    assertThatThrownBy(() -> readAll("h\n" + most + ",\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "a record has more than 1000 fields, the most this service reads (line 2, column 1001)");
  }

  @Test
  void readsRecordsLongerThanItsBuffer() throws IOException {
    String longField = "x".repeat(20_000);

    assertThat(readAll("\"" + longField + "\"," + longField + "\n").get(0).fields())
        .containsExactly(longField, longField);
  }

  @Test
  void reportsAQuotedFieldThatIsNeverClosedWithWhereItOpened() {
    assertThatThrownBy(() -> readAll("a,b\n1,\"unfinished\n2,3\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage(
            "unbalanced quotes: the quoted field opened at line 2, column 3 is never closed"
                + " (line 4, column 1)")
        .satisfies(
            e -> {
              assertThat(((CsvFormatException) e).line()).isEqualTo(4);
              assertThat(((CsvFormatException) e).column()).isEqualTo(1);
            });
  }

  @Test
  void rejectsAQuoteInsideAnUnquotedFieldAtItsColumn() {
    assertThatThrownBy(() -> readAll("a,b\n1,ab\"c\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("a double quote inside an unquoted field")
        .hasMessageEndingWith("(line 2, column 5)");
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> readAll("\"a\"b,c\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("unexpected text after the closing quote")
        .hasMessageEndingWith("(line 1, column 4)");
  }

  private static List<CsvRecord> readAll(String text) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(text))) {
      for (Optional<CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        records.add(next.get());
      }
    }
    return records;
  }
}
