package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the log keeps a text: short, on one line, defused, and the same after a database trip. */
class AuditTextTest {

  @Test
  void keepsAnOrdinaryTextAsItIs() {
    assertThat(AuditLog.text("group 3 'North coast'", 100)).isEqualTo("group 3 'North coast'");
    assertThat(AuditLog.text("-3.5", 100)).isEqualTo("-3.5");
  }

  @Test
  void makesBlankTextNull() {
    assertThat(AuditLog.text(null, 100)).isNull();
    assertThat(AuditLog.text("", 100)).isNull();
    assertThat(AuditLog.text(" \t\r\n", 100)).isNull();
  }

  @Test
  void putsEverythingOnOneLine() {
    assertThat(AuditLog.text("first line\r\nsecond\tline\u0000", 100))
        .isEqualTo("first line  second line");
  }

  @Test
  void defusesWhatASpreadsheetWouldRunAsItsCsvExportWould() {
    assertThat(AuditLog.text("=HYPERLINK(\"http://x\")", 100))
        .isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(AuditLog.text("@SUM(A1)", 100)).isEqualTo("'@SUM(A1)");
    // A tab in front would be defused, but it becomes a space and is stripped first.
    assertThat(AuditLog.text("\t+1+1", 100)).isEqualTo("'+1+1");
  }

  @Test
  void cutsALongTextToItsLimitWithAnEllipsis() {
    String cut = AuditLog.text("x".repeat(5000), AuditLog.SUMMARY_LIMIT);
    assertThat(cut).hasSize(2000).endsWith("x…");
    assertThat(AuditLog.text("y".repeat(2000), AuditLog.SUMMARY_LIMIT)).isEqualTo("y".repeat(2000));
    assertThat(AuditLog.text("z".repeat(2001), AuditLog.SUMMARY_LIMIT))
        .hasSize(2000)
        .isEqualTo("z".repeat(1999) + "…");
  }

  @Test
  void neverCutsACharacterInTwoOrKeepsAnUnpairedHalf() {
    // U+1F600 is two UTF-16 chars; cutting between them would leave half a character.
    String faces = "a" + "\uD83D\uDE00".repeat(10);
    String cut = AuditLog.text(faces, 5);
    assertThat(cut).isEqualTo("a\uD83D\uDE00…");
    assertThat(AuditLog.text("lone \uD83D half", 100)).isEqualTo("lone \uFFFD half");
    assertThat(AuditLog.text("\uDE00 low", 100)).isEqualTo("\uFFFD low");
  }
}
