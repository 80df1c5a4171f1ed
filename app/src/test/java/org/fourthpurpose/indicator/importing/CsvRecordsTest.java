package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  @Test
  void splitsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsLines() {
    CsvRecords records =
        new CsvRecords(
            new StringReader("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,"),
            "f.csv");
    assertThat(records.next()).containsExactly("a", "b");
    assertThat(records.recordLine()).isEqualTo(1);
    assertThat(records.next()).containsExactly("x, y", "say \"hi\"");
    assertThat(records.recordLine()).isEqualTo(2);
    assertThat(records.next()).containsExactly("two\nlines", "z");
    assertThat(records.recordLine()).isEqualTo(3);
    assertThat(records.next()).containsExactly("last", "");
    assertThat(records.recordLine()).isEqualTo(5);
    assertThat(records.next()).isNull();
  }

  @Test
  void refusesAFieldLongerThanACellAndARowWiderThanAnImportReads() {
    String longest = "x".repeat(CsvRecords.MAXIMUM_FIELD_LENGTH);
    assertThat(new CsvRecords(new StringReader("a," + longest + "\n"), "f.csv").next())
        .containsExactly("a", longest);
    CsvRecords tooLong =
        new CsvRecords(new StringReader("a,b\n1,\"" + longest + "x\"\n"), "long.csv");
    tooLong.next();
    assertThatThrownBy(tooLong::next)
        .isInstanceOf(ImportFileException.class)
        .satisfies(
            e -> {
              ImportFileException problem = (ImportFileException) e;
              assertThat(problem.file()).isEqualTo("long.csv");
              assertThat(problem.problem().line()).isEqualTo(2);
              assertThat(problem.problem().column()).isEqualTo("2");
              assertThat(problem.problem().message())
                  .isEqualTo(
                      "a field is longer than 32767 characters, the most a cell can hold (is a"
                          + " quote left open?)");
            });

    String widest = ",".repeat(CsvRecords.MAXIMUM_FIELDS - 1);
    assertThat(new CsvRecords(new StringReader(widest + "\n"), "f.csv").next())
        .hasSize(CsvRecords.MAXIMUM_FIELDS);
    assertThatThrownBy(() -> new CsvRecords(new StringReader(widest + ",\n"), "wide.csv").next())
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("a row has more than 1000 fields");
  }

  @Test
  void reportsAQuotedFieldLeftOpenAtTheLineItStarts() {
    CsvRecords records = new CsvRecords(new StringReader("a,b\n\"open,1\n2\n"), "f.csv");
    records.next();
    assertThatThrownBy(records::next)
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("Line 2")
        .hasMessageContaining("not closed");
  }

  @Test
  void turnsFingertipsPooledPeriodsIntoTheAcceptedForms() {
    assertThat(FingertipsRowSource.period("2020 - 22")).isEqualTo("2020-2022");
    assertThat(FingertipsRowSource.period("2019/20 - 21/22")).isEqualTo("2019/20-2021/22");
    assertThat(FingertipsRowSource.period("2022/23")).isEqualTo("2022/23");
  }

  @Test
  void namesExcelColumnsByLetter() {
    assertThat(XlsxRowSource.letter(0)).isEqualTo("A");
    assertThat(XlsxRowSource.letter(25)).isEqualTo("Z");
    assertThat(XlsxRowSource.letter(26)).isEqualTo("AA");
  }
}
