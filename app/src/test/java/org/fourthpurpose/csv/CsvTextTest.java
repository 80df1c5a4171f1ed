package org.fourthpurpose.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTextTest {

  @Test
  void quotesEachAwkwardFieldOnceAndWritesNumbersPlainly() {
    String csv =
        new CsvText()
            .row("areaName", "value")
            .row("Bath and North East Somerset, Swindon and Wiltshire", 12.50)
            .row("Say \"hello\"", 1.0E-7)
            .row(null, Double.NaN)
            .toString();

    assertThat(csv.split("\r?\n"))
        .containsExactly(
            "areaName,value",
            "\"Bath and North East Somerset, Swindon and Wiltshire\",12.5",
            "\"Say \"\"hello\"\"\",0.0000001",
            ",");
  }

  record Row(String areaCode, Double value, String note) {}

  @Test
  void writesTheColumnsAndValuesOfRecordsInComponentOrder() {
    String csv =
        new CsvText()
            .header(Row.class)
            .record(new Row("E54000008", -1.5, "fine"))
            .record(new Row("E54000010", null, null))
            .toString();

    assertThat(CsvText.columns(Row.class)).containsExactly("areaCode", "value", "note");
    assertThat(csv.split("\r?\n"))
        .containsExactly("areaCode,value,note", "E54000008,-1.5,fine", "E54000010,,");
  }

  @Test
  void defusesTextASpreadsheetWouldRunButKeepsNegativeNumbers() {
    String csv =
        new CsvText()
            .row("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "-3.25", -4.0, "-")
            .toString();

    assertThat(csv.strip())
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",+1,'-2+3,'@SUM(A1),'\tx,-3.25,-4,'-");
    assertThat(CsvText.defuse("plain")).isEqualTo("plain");
    assertThat(CsvText.defuse("\rcmd")).isEqualTo("'\rcmd");
  }

  @Test
  void givesARecordsFieldsForAStreamedDownloadByTheSameRule() {
    record Row(String name, Double value, Long count, String missing) {}

    assertThat(CsvText.fields(new Row("=HYPERLINK(\"x\")", -1.50, 42L, null)))
        .containsExactly("'=HYPERLINK(\"x\")", "-1.5", "42", "");
  }
}
