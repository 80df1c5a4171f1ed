package org.fourthpurpose.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void writesPlainFieldsAsTheyAreWithCrlfAfterEachRecord() throws IOException {
    assertThat(write(List.of("area", "count"), List.of("E1", "65")))
        .isEqualTo("area,count\r\nE1,65\r\n");
  }

  @Test
  void quotesOnlyFieldsWithCommasQuotesOrLineBreaksAndDoublesTheirQuotes() throws IOException {
    assertThat(write(List.of("Leeds, West", "said \"hi\"", "two\nlines", "plain", "cr\r")))
        .isEqualTo("\"Leeds, West\",\"said \"\"hi\"\"\",\"two\nlines\",plain,\"cr\r\"\r\n");
  }

  @Test
  void writesNullAndEmptyFieldsAsNothing() throws IOException {
    assertThat(write(Arrays.asList("a", null, "", "b"))).isEqualTo("a,,,b\r\n");
  }

  @Test
  void writesWhatTheReaderReadsBackUnchanged() throws IOException {
    List<String> awkward = List.of("\"", ",", "\r\n", " spaced ", "x\"y,z", "");

    String text = write(awkward);

    try (CsvReader reader = new CsvReader(new StringReader(text))) {
      assertThat(reader.next()).get().extracting(CsvRecord::fields).isEqualTo(awkward);
      assertThat(reader.next()).isEmpty();
    }
  }

  @SafeVarargs
  private static String write(List<String>... records) throws IOException {
    StringWriter out = new StringWriter();
    CsvWriter writer = new CsvWriter(out);
    for (List<String> record : records) {
      writer.writeRecord(record);
    }
    writer.flush();
    return out.toString();
  }
}
