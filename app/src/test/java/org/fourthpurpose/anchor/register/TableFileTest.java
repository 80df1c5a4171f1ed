package org.fourthpurpose.anchor.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableFileTest {

  static final Set<String> ALLOWED = Set.of("name", "type", "staff");

  @Test
  void readsACsvWithAByteOrderMarkSkippingBlankRowsAndKeepingLineNumbers() {
    TableFile file =
        TableFile.read(
            "a.csv",
            "\uFEFFName,Type\n\nWirral Council,local-authority\n,\n\"Two\nlines\",vcse\n"
                .getBytes(StandardCharsets.UTF_8),
            List.of("name", "type"),
            ALLOWED);
    assertThat(file.rows()).extracting(TableFile.TableRow::line).containsExactly(3L, 5L);
    assertThat(file.cell(file.rows().get(1), "name")).isEqualTo("Two\nlines");
    assertThat(file.cell(file.rows().get(0), "staff")).isEmpty();
    assertThat(file.column("type")).isEqualTo("B (type)");
  }

  @Test
  void refusesMoreRowsThanTheLimit() {
    StringBuilder text = new StringBuilder("name,type\n");
    for (int i = 0; i <= TableFile.MAXIMUM_ROWS; i++) {
      text.append("Org ").append(i).append(",vcse\n");
    }
    assertThatThrownBy(
            () ->
                TableFile.read(
                    "big.csv",
                    text.toString().getBytes(StandardCharsets.UTF_8),
                    List.of("name"),
                    ALLOWED))
        .isInstanceOf(TableRefused.class)
        .hasMessageContaining("Line 10002: has more than 10000 rows");
  }

  @Test
  void refusesMalformedCsvAtItsLine() {
    assertThatThrownBy(
            () ->
                TableFile.read(
                    "bad.csv",
                    "name,type\nA,vcse\n\"B,vcse\n".getBytes(StandardCharsets.UTF_8),
                    List.of("name"),
                    ALLOWED))
        .isInstanceOf(TableRefused.class)
        .hasMessage(
            "bad.csv was not imported: Line 4: unbalanced quotes: the quoted field opened at"
                + " line 3, column 1 is never closed");
  }

  @Test
  void refusesAnEmptyFileAndAHeaderWithoutRows() {
    assertThatThrownBy(() -> TableFile.read("e.csv", new byte[0], List.of(), ALLOWED))
        .hasMessageContaining("is empty");
    assertThatThrownBy(
            () ->
                TableFile.read(
                    "h.csv", "name,type\n".getBytes(StandardCharsets.UTF_8), List.of(), ALLOWED))
        .hasMessageContaining("Line 1: has a header but no rows");
  }
}
