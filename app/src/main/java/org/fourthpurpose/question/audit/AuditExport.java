package org.fourthpurpose.question.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.question.audit.AuditResults.QuestionResult;
import org.fourthpurpose.question.audit.AuditResults.ValueCount;

/**
 * The audit's results as a table for CSV and Excel: only what the results page shows (the same
 * disclosure-controlled figures), one row per answer value or free-text answer, and a row saying so
 * for each hidden sector or question. Every text is defused so a spreadsheet never runs it.
 */
final class AuditExport {

  private AuditExport() {}

  static final List<String> HEADER =
      List.of(
          "group",
          "sector",
          "group_respondents",
          "shown",
          "question_number",
          "question",
          "type",
          "answered",
          "mean",
          "value",
          "count",
          "text",
          "note");

  static List<List<Object>> rows(AuditResults results) {
    List<List<Object>> rows = new ArrayList<>();
    if (results.overall().suppressed()) {
      rows.add(
          row(
              "overall",
              "",
              null,
              false,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              results.overall().reason()));
    } else {
      addQuestions(rows, "overall", "", results.respondents(), results.overall().questions());
    }
    for (AuditResults.SectorGroup g : results.bySector()) {
      if (g.suppressed()) {
        rows.add(
            row(
                "sector",
                g.sector(),
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                g.reason()));
      } else {
        addQuestions(rows, "sector", g.sector(), g.respondents(), g.questions());
      }
    }
    return rows;
  }

  private static void addQuestions(
      List<List<Object>> rows, String group, String sector, Integer n, List<QuestionResult> qs) {
    int number = 0;
    for (QuestionResult q : qs) {
      number++;
      if (q.suppressed()) {
        rows.add(
            row(
                group,
                sector,
                n,
                false,
                number,
                q.text(),
                q.type(),
                null,
                null,
                null,
                null,
                null,
                q.reason()));
        continue;
      }
      for (ValueCount c : q.counts()) {
        rows.add(
            row(
                group,
                sector,
                n,
                true,
                number,
                q.text(),
                q.type(),
                q.answered(),
                q.mean(),
                c.value(),
                c.count(),
                null,
                null));
      }
      for (String t : q.texts()) {
        rows.add(
            row(
                group,
                sector,
                n,
                true,
                number,
                q.text(),
                q.type(),
                q.answered(),
                null,
                null,
                null,
                t,
                null));
      }
    }
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** The results and their notes as a workbook: Results, then Notes. */
  static byte[] xlsx(RelationshipAudit audit, AuditResults results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Fourth Purpose", "1.0");
      Worksheet sheet = workbook.newWorksheet("Results");
      for (int c = 0; c < HEADER.size(); c++) {
        sheet.value(0, c, HEADER.get(c));
        sheet.style(0, c).bold().set();
      }
      sheet.freezePane(0, 1);
      List<List<Object>> rows = rows(results);
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v == null) {
            continue;
          }
          if (v instanceof Number n) {
            sheet.value(r + 1, c, n);
          } else if (v instanceof Boolean b) {
            sheet.value(r + 1, c, b);
          } else {
            sheet.value(r + 1, c, CsvText.defuse(v.toString()));
          }
        }
      }
      Worksheet notes = workbook.newWorksheet("Notes");
      notes.value(0, 0, CsvText.defuse(audit.title()));
      notes.style(0, 0).bold().set();
      int r = 1;
      for (String note : results.notes()) {
        notes.value(r++, 0, CsvText.defuse(note));
      }
      notes.value(r + 1, 0, CsvText.defuse("Questions follow " + AuditTemplate.SOURCE + "."));
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
