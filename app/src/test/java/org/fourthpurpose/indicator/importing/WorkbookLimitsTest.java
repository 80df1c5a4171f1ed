package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted workbooks, made here: small files that would take a reader's memory, refused unread. */
class WorkbookLimitsTest {

  @TempDir Path dir;

  /** Writes part of a workbook's XML. */
  interface Part {
    void write(Writer out) throws IOException;
  }

  private Path workbook(String name, Part sheet, Part strings) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      Writer writer = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
      writer.write("<worksheet><sheetData>");
      sheet.write(writer);
      writer.write("</sheetData></worksheet>");
      writer.flush();
      zip.closeEntry();
      if (strings != null) {
        zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
        Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
        w.write("<sst>");
        strings.write(w);
        w.write("</sst>");
        w.flush();
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void aRowOfTwentyMillionCellsIsRefusedAtItsThousandAndFirstCell() throws IOException {
    Path file =
        workbook(
            "wide.xlsx",
            out -> {
              out.write("<row r=\"1\">");
              for (int i = 0; i < 20_000_000; i++) {
                out.write("<c/>");
              }
              out.write("</row>");
            },
            null);
    assertThat(Files.size(file)).isLessThan(1_000_000);

    assertThatThrownBy(() -> WorkbookLimits.check(file, "wide.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("wide.xlsx")
        .hasMessageContaining("Line 1")
        .hasMessageContaining("more than 1000 cells in one row");
  }

  @Test
  void oneHugeSharedStringIsRefused() throws IOException {
    Path file =
        workbook(
            "string.xlsx",
            out -> out.write("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
            out -> {
              out.write("<si><t>");
              String chunk = "x".repeat(1_000_000);
              for (int i = 0; i < 100; i++) {
                out.write(chunk);
              }
              out.write("</t></si>");
            });

    // Refused from the bytes, before an XML parser would hold the whole text in memory.
    assertThatThrownBy(() -> WorkbookLimits.check(file, "string.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("has one text or tag of more than 262144 bytes");
  }

  @Test
  void aSharedStringJustOverACellsLengthIsRefusedAndOneAtTheLimitPasses() throws IOException {
    Path longest =
        workbook(
            "longest.xlsx",
            out -> out.write("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
            // Escaped, as writers do: six bytes a character, still under the byte limit.
            out -> out.write("<si><t>" + "&amp;".repeat(32_767) + "</t></si>"));
    WorkbookLimits.check(longest, "longest.xlsx");

    Path tooLong =
        workbook(
            "too-long.xlsx",
            out -> out.write("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
            out -> out.write("<si><t>" + "y".repeat(40_000) + "</t></si>"));
    assertThatThrownBy(() -> WorkbookLimits.check(tooLong, "too-long.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("a text longer than 32767 characters");
  }

  @Test
  void tooManyOrTooMuchSharedTextIsRefused() throws IOException {
    Path many =
        workbook(
            "many.xlsx",
            out -> out.write("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
            out -> {
              for (int i = 0; i <= WorkbookLimits.MAXIMUM_SHARED_STRINGS; i++) {
                out.write("<si><t>s</t></si>");
              }
            });
    assertThatThrownBy(() -> WorkbookLimits.check(many, "many.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("has more than 1000000 different texts in its cells");

    Path much =
        workbook(
            "much.xlsx",
            out -> out.write("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"),
            out -> {
              String text = "<si><t>" + "z".repeat(30_000) + "</t></si>";
              for (int i = 0; i < 300; i++) {
                out.write(text);
              }
            });
    assertThatThrownBy(() -> WorkbookLimits.check(much, "much.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("has more than 8388608 characters of text in its cells");
  }

  @Test
  void anEndlessAttributeInASheetIsRefusedFromItsBytes() throws IOException {
    Path file =
        workbook(
            "attribute.xlsx",
            out -> {
              out.write("<row r=\"");
              String chunk = "9".repeat(1_000_000);
              for (int i = 0; i < 20; i++) {
                out.write(chunk);
              }
              out.write("\"></row>");
            },
            null);
    assertThatThrownBy(() -> WorkbookLimits.check(file, "attribute.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("attribute.xlsx")
        .hasMessageContaining("has one text or tag of more than 262144 bytes");
  }

  @Test
  void aWorkbookThatUnpacksBeyondTheLimitIsRefused() throws IOException {
    Path file =
        workbook(
            "bomb.xlsx",
            out -> {
              out.write("<row r=\"1\"><c><v>1</v></c></row>");
              // Short elements, so only the unpacked size is at fault.
              String padding = "<x/>".repeat(250_000);
              for (int i = 0; i < 20; i++) {
                out.write(padding);
              }
            },
            null);

    assertThatThrownBy(() -> WorkbookLimits.check(file, "bomb.xlsx", 10L * 1024 * 1024))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("unpacks to more than 10 MB");
  }

  @Test
  void anOrdinaryWorkbookPassesAndNonsenseIsRefusedAsNotAWorkbook() throws IOException {
    Path file =
        workbook(
            "tidy.xlsx",
            out -> {
              for (int r = 1; r <= 1000; r++) {
                out.write("<row r=\"" + r + "\"><c><v>" + r + "</v></c><c><v>2</v></c></row>");
              }
            },
            out -> out.write("<si><t>indicator_id</t></si>"));
    assertThatCode(() -> WorkbookLimits.check(file, "tidy.xlsx")).doesNotThrowAnyException();

    Path text = dir.resolve("text.xlsx");
    Files.writeString(text, "area_code,value\nE54000008,1\n");
    assertThatThrownBy(() -> WorkbookLimits.check(text, "text.xlsx"))
        .isInstanceOf(ImportFileException.class)
        .hasMessageContaining("not an Excel workbook");
  }

  @Test
  void aWorkbookWrittenByAStreamingWriterPasses() throws IOException {
    // Such writers leave the sizes in the entries' local headers empty.
    Path file = dir.resolve("written.xlsx");
    try (OutputStream out = Files.newOutputStream(file);
        org.dhatim.fastexcel.Workbook workbook =
            new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
      org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("values");
      sheet.value(0, 0, "indicator_id");
      sheet.value(1, 0, "employment-rate");
      sheet.value(1, 1, 75.5);
    }
    assertThatCode(() -> WorkbookLimits.check(file, "written.xlsx")).doesNotThrowAnyException();
  }
}
