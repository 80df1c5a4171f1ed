package org.fourthpurpose.equity.waitinglist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.web.Downloads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The disclosure-controlled tables of an analysis as CSV (one file, a row per group of every
 * breakdown) and as an Excel workbook (a sheet per breakdown, the findings first), numbers as
 * numbers and every text defused ({@link CsvText#defuse}) so a spreadsheet shows it and never runs
 * it. Suppressed figures are empty cells.
 */
final class EquityDownloads {

  static final List<String> HEADER =
      List.of(
          "censusDate",
          "breakdown",
          "group",
          "secondGroup",
          "waiting",
          "medianDays",
          "p92Days",
          "over18Weeks",
          "over52Weeks",
          "percentOver18Weeks",
          "suppressed",
          "rateRatio",
          "rateRatioLower95",
          "rateRatioUpper95",
          "standardisedRatio",
          "standardisedLower95",
          "standardisedUpper95",
          "synthetic");

  private EquityDownloads() {}

  static List<List<Object>> rows(EquityAnalysis a, Map<String, List<GroupRow>> tables) {
    List<List<Object>> rows = new ArrayList<>();
    for (EquityTable t : EquityTable.values()) {
      for (GroupRow r : tables.getOrDefault(t.slug(), List.of())) {
        rows.add(
            Arrays.asList(
                a.censusDate().toString(),
                t.slug(),
                r.group(),
                r.secondGroup(),
                r.waiting(),
                r.medianDays(),
                r.p92Days(),
                r.over18Weeks(),
                r.over52Weeks(),
                r.percentOver18Weeks(),
                r.suppressed(),
                r.rateRatio(),
                r.rateRatioLower(),
                r.rateRatioUpper(),
                r.standardisedRatio(),
                r.standardisedLower(),
                r.standardisedUpper(),
                a.synthetic()));
      }
    }
    return rows;
  }

  static String csvText(EquityAnalysis a, Map<String, List<GroupRow>> tables) {
    CsvText text = new CsvText().row(HEADER);
    rows(a, tables).forEach(text::row);
    return text.toString();
  }

  static ResponseEntity<String> csv(EquityAnalysis a, Map<String, List<GroupRow>> tables) {
    CsvText text = new CsvText().row(HEADER);
    rows(a, tables).forEach(text::row);
    return Downloads.csv(text, fileName(a, "csv"));
  }

  static String fileName(EquityAnalysis a, String extension) {
    return "waiting-list-equity-"
        + a.icbCode()
        + "-"
        + a.censusDate()
        + (a.synthetic() ? "-synthetic" : "")
        + "."
        + extension;
  }

  static ResponseEntity<byte[]> xlsx(
      EquityAnalysis a, Map<String, List<GroupRow>> tables, List<String> findings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Fourth Purpose", "1.0");
      Worksheet about = workbook.newWorksheet("About");
      about.value(0, 0, "Waiting-list equity analysis of " + a.icbCode() + " at " + a.censusDate());
      about.style(0, 0).bold().set();
      about.value(
          1,
          0,
          "Counts are rounded to the nearest 5; groups of 1 to 7 and figures that would reveal"
              + " them are suppressed (empty cells).");
      if (a.synthetic()) {
        about.value(2, 0, "SYNTHETIC: made-up data for demonstration, not real patients.");
      }
      int line = 4;
      for (String finding : findings) {
        about.value(line++, 0, CsvText.defuse(finding));
      }
      List<List<Object>> rows = rows(a, tables);
      for (EquityTable t : EquityTable.values()) {
        List<List<Object>> these = rows.stream().filter(r -> t.slug().equals(r.get(1))).toList();
        if (these.isEmpty()) {
          continue;
        }
        Worksheet sheet = workbook.newWorksheet(t.slug());
        for (int c = 0; c < HEADER.size(); c++) {
          sheet.value(0, c, HEADER.get(c));
          sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        for (int r = 0; r < these.size(); r++) {
          List<Object> row = these.get(r);
          for (int c = 0; c < row.size(); c++) {
            Object value = row.get(c);
            if (value == null) {
              continue;
            }
            if (value instanceof Number n) {
              sheet.value(r + 1, c, n);
            } else if (value instanceof Boolean b) {
              sheet.value(r + 1, c, b);
            } else {
              sheet.value(r + 1, c, CsvText.defuse(value.toString()));
            }
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName(a, "xlsx")).build().toString())
        .body(out.toByteArray());
  }
}
