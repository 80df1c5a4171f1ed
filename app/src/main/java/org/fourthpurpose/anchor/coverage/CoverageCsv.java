package org.fourthpurpose.anchor.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.coverage.Coverage.Commitments;
import org.fourthpurpose.anchor.coverage.Coverage.Committer;
import org.fourthpurpose.anchor.coverage.Coverage.IndicatorCoverage;
import org.fourthpurpose.anchor.coverage.Coverage.ThemeCoverage;
import org.fourthpurpose.csv.CsvText;

/**
 * The coverage matrix as CSV: a row per theme, each followed by a row per indicator, with the same
 * need, organisations (names joined by "; ") per pillar and finding as the page. Written as {@link
 * CsvText}, which defuses formulas in organisation names.
 */
final class CoverageCsv {

  static final List<String> HEADER = header();

  private CoverageCsv() {}

  private static List<String> header() {
    List<String> h =
        new ArrayList<>(
            List.of(
                "level",
                "theme_code",
                "theme",
                "indicator_code",
                "indicator",
                "in_need",
                "worse_than_england",
                "worse_than_comparator",
                "comparator",
                "finding",
                "organisations"));
    for (Pillar p : Pillar.values()) {
      h.add(p.code().replace('-', '_'));
    }
    return List.copyOf(h);
  }

  static CsvText write(Coverage coverage) {
    CsvText csv = new CsvText();
    csv.row(HEADER);
    String comparator = coverage.needs().comparatorLabel();
    for (ThemeCoverage t : coverage.themes()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  "theme",
                  t.themeCode(),
                  t.title(),
                  "",
                  "",
                  String.valueOf(t.inNeed()),
                  "",
                  "",
                  comparator,
                  t.finding().code()));
      cells(row, t.committed());
      csv.row(row);
      for (IndicatorCoverage i : t.indicators()) {
        List<String> r =
            new ArrayList<>(
                List.of(
                    "indicator",
                    t.themeCode(),
                    t.title(),
                    i.need().indicatorId(),
                    i.need().title(),
                    i.need().inNeed() ? "1" : "0",
                    String.valueOf(i.need().worseThanEngland()),
                    String.valueOf(i.need().worseThanComparator()),
                    comparator,
                    i.finding().code()));
        cells(r, i.committed());
        csv.row(r);
      }
    }
    return csv;
  }

  private static void cells(List<String> row, Commitments committed) {
    row.add(names(committed.organisations()));
    for (Pillar p : Pillar.values()) {
      row.add(names(committed.under(p)));
    }
  }

  static String names(List<Committer> committers) {
    return committers.stream().map(Committer::name).collect(Collectors.joining("; "));
  }
}
