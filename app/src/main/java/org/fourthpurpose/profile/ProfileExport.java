package org.fourthpurpose.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.Indicator;

/**
 * An ICS profile as a table for download: one row per indicator, the same columns in the CSV, the
 * Excel workbook and the API. Column names are a published contract.
 */
final class ProfileExport {

  private ProfileExport() {}

  /** The download's columns: {@link ExportRow}'s components, in order. */
  static final List<String> COLUMNS = CsvText.columns(ExportRow.class);

  /** One indicator of a profile as the downloads and the API give it, fields in column order. */
  record ExportRow(
      String themeCode,
      String theme,
      String indicatorId,
      String indicator,
      String unit,
      String period,
      String areaCode,
      String odsCode,
      String areaName,
      Double value,
      Double lower95,
      Double upper95,
      Double lower998,
      Double upper998,
      Double numerator,
      Double denominator,
      Double englandValue,
      String comparisonWithEngland,
      String comparator,
      Double comparatorValue,
      String comparisonWithComparator,
      String recentTrend,
      Integer rank,
      int ranked,
      boolean local,
      String source) {

    static ExportRow of(ThemeProfile t, ProfileRow r) {
      AreaComparison a = r.area();
      return new ExportRow(
          t.theme().code(),
          t.theme().title(),
          r.indicator().id(),
          r.indicator().title(),
          r.indicator().unit(),
          a.period(),
          a.areaCode(),
          a.odsCode(),
          a.areaName(),
          a.value(),
          a.lower95(),
          a.upper95(),
          a.lower998(),
          a.upper998(),
          a.numerator(),
          a.denominator(),
          r.englandValue(),
          a.comparison(),
          r.comparator().label(),
          r.comparator().value(),
          r.comparatorSignificance() == null
              ? null
              : r.comparatorSignificance().name().toLowerCase(Locale.ROOT),
          r.trend(),
          r.rank(),
          r.ranked(),
          r.local(),
          r.indicator().source());
    }
  }

  static List<ExportRow> exportRows(IcsProfile profile) {
    List<ExportRow> rows = new ArrayList<>();
    for (ThemeProfile t : profile.themes()) {
      for (ProfileRow r : t.rows()) {
        rows.add(ExportRow.of(t, r));
      }
    }
    return rows;
  }

  static List<List<Object>> rows(IcsProfile profile) {
    return exportRows(profile).stream().map(CsvText::values).toList();
  }

  /** One period of one indicator in the trends download, fields in column order. */
  record TrendExportRow(
      String themeCode,
      String indicatorId,
      String indicator,
      String period,
      String areaCode,
      Double value,
      Double lower95,
      Double upper95,
      String comparator,
      Double comparatorValue) {}

  static final List<String> TREND_COLUMNS = CsvText.columns(TrendExportRow.class);

  static List<List<Object>> trendRows(IcsProfile profile, List<IcsProfiles.TrendRow> trends) {
    List<List<Object>> rows = new ArrayList<>();
    for (IcsProfiles.TrendRow t : trends) {
      rows.add(
          CsvText.values(
              new TrendExportRow(
                  t.indicator().themeCode(),
                  t.indicator().id(),
                  t.indicator().title(),
                  t.period().period(),
                  profile.icb().code(),
                  t.period().value(),
                  t.period().lower95(),
                  t.period().upper95(),
                  label(profile),
                  t.period().comparatorValue())));
    }
    return rows;
  }

  static CsvText trendsCsv(IcsProfile profile, List<IcsProfiles.TrendRow> trends) {
    CsvText csv = new CsvText().row(TREND_COLUMNS);
    trendRows(profile, trends).forEach(csv::row);
    return csv;
  }

  static CsvText csv(IcsProfile profile) {
    CsvText csv = new CsvText().row(COLUMNS);
    rows(profile).forEach(csv::row);
    return csv;
  }

  /** A workbook: the profile, its summary, and each indicator's source and licence. */
  static byte[] xlsx(IcsProfile profile, List<IcsProfiles.TrendRow> trends) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Fourth Purpose", "1.0");
      Worksheet sheet = workbook.newWorksheet("Profile");
      for (int c = 0; c < COLUMNS.size(); c++) {
        sheet.value(0, c, COLUMNS.get(c));
        sheet.style(0, c).bold().set();
      }
      write(sheet, rows(profile));
      sheet.freezePane(0, 1);
      Worksheet summary = workbook.newWorksheet("Summary");
      int line = 0;
      summary.value(
          line++,
          0,
          CsvText.defuse(profile.icb().shortName() + " compared with " + label(profile)));
      summary.value(line++, 0, CsvText.defuse("Comparator: " + profile.comparatorMethod()));
      line++;
      for (IcsProfile.SummarySentence s : profile.summary()) {
        summary.value(line++, 0, CsvText.defuse(s.text()));
        for (ProfileRow r : s.indicators()) {
          summary.value(line, 0, CsvText.defuse(r.indicator().title()));
          summary.value(line++, 1, r.value());
        }
      }
      Worksheet sources = workbook.newWorksheet("Sources");
      List<String> headers =
          List.of("indicatorId", "indicator", "definition", "source", "licence", "attribution");
      for (int c = 0; c < headers.size(); c++) {
        sources.value(0, c, headers.get(c));
        sources.style(0, c).bold().set();
      }
      int r = 1;
      for (ProfileRow row : profile.rows()) {
        Indicator i = row.indicator();
        List<String> cells =
            List.of(i.id(), i.title(), i.definition(), i.source(), i.licence(), i.attribution());
        for (int c = 0; c < cells.size(); c++) {
          sources.value(r, c, CsvText.defuse(cells.get(c)));
        }
        r++;
      }
      Worksheet trendSheet = workbook.newWorksheet("Trends");
      for (int c = 0; c < TREND_COLUMNS.size(); c++) {
        trendSheet.value(0, c, TREND_COLUMNS.get(c));
        trendSheet.style(0, c).bold().set();
      }
      write(trendSheet, trendRows(profile, trends));
      trendSheet.freezePane(0, 1);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("The profile workbook could not be written", e);
    }
    return out.toByteArray();
  }

  /** Writes rows under a header row: numbers as numbers, text as text, nulls as empty cells. */
  private static void write(Worksheet sheet, List<List<Object>> rows) {
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        if (v instanceof Number n) {
          double d = n.doubleValue();
          if (!Double.isNaN(d) && !Double.isInfinite(d)) {
            sheet.value(r + 1, c, d);
          }
        } else if (v != null) {
          sheet.value(r + 1, c, CsvText.defuse(v.toString()));
        }
      }
    }
  }

  static String label(IcsProfile profile) {
    return profile.comparator().isEngland() ? "England" : profile.comparatorLabel();
  }
}
