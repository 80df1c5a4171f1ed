package org.fourthpurpose.anchor.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;
import org.fourthpurpose.chart.GroupedBarChart;
import org.junit.jupiter.api.Test;

class SpendFiguresTest {

  static final SpendSummary SUMMARY =
      new SpendSummary(
          3,
          300_000,
          200_000,
          50_000,
          250_000,
          25_000,
          25_000,
          List.of(
              new DistrictSpend("E08000025", "Birmingham", true, 150_000),
              new DistrictSpend("E08000029", "Solihull", true, 50_000),
              new DistrictSpend("E08000028", "Sandwell", false, 75_000)),
          List.of(50_000L, 0L, 0L, 0L, 200_000L, 0L, 0L, 0L, 0L, 0L),
          List.of(),
          3,
          null,
          null,
          null,
          null,
          0,
          List.of(),
          1);

  @Test
  void writesMoneyToThePennyAndSharesToOneDecimalPlace() {
    assertThat(SpendFigures.money(123_456_789L)).isEqualTo("£1,234,567.89");
    assertThat(SpendFigures.money(-2_000L)).isEqualTo("−£20.00");
    assertThat(SpendFigures.money((Long) null)).isEqualTo("Not given");
    assertThat(SpendFigures.percent(175_075, 234_525)).isEqualTo("74.7%");
    assertThat(SpendFigures.percent(1, 0)).isEqualTo("–");
    assertThat(SpendFigures.shortMoney(123_456_789L)).isEqualTo("£1.2m");
    assertThat(SpendFigures.shortMoney(95_000L)).isEqualTo("£950");
    assertThat(SpendFigures.shortMoney(1_250_000L)).isEqualTo("£13k");
    assertThat(SpendFigures.shortMoney(150_000L)).isEqualTo("£1.5k");
  }

  @Test
  void thePlaceChartHasABarPerFootprintDistrictThenElsewhereAndUnlocatedOnARoundAxis() {
    GroupedBarChart chart = SpendFigures.placeChart(SUMMARY);
    assertThat(chart.groups())
        .extracting(GroupedBarChart.Group::label)
        .containsExactly("Birmingham", "Solihull", "Elsewhere in England", "Unlocated");
    // The largest, £1,500, on an axis of four steps of £500.
    assertThat(chart.ticks())
        .extracting(t -> t.label())
        .containsExactly("£0", "£500", "£1k", "£1.5k", "£2k");
    assertThat(chart.groups().get(0).bars().get(0).label()).isEqualTo("£1.5k (50.0%)");
  }

  @Test
  void theTotalsCsvDefusesFormulasAndHoldsNoSuppliers() {
    SpendAnalysis analysis =
        new SpendAnalysis(
            1,
            "E54000055",
            7,
            "=HYPERLINK(\"http://x\")",
            2024,
            "spend.csv",
            SUMMARY,
            false,
            "ada@example.org",
            Instant.EPOCH);
    String csv = SpendPageController.aggregates(analysis).toString();
    assertThat(csv)
        .startsWith("organisation,year,measure,area,amount,share\r\n")
        .contains("\"'=HYPERLINK(\"\"http://x\"\")\",2024,total,,3000.00,1.0000\r\n")
        .contains(",2024,in footprint,E54000055,2000.00,0.6667\r\n")
        .contains(",2024,district elsewhere,E08000028,750.00,0.2500\r\n");
  }

  @Test
  void eachYearSaysHowMuchItsSharesMovedSinceTheYearBefore() {
    SpendSummary earlier =
        new SpendSummary(
            1, 400_000, 200_000, 100_000, 400_000, 0, 0, List.of(), List.of(), List.of(), 1, null,
            null, null, null, 0, List.of(), 0);
    List<SpendPageController.YearRow> rows =
        SpendPageController.years(
            List.of(
                new SpendAnalysis(
                    1,
                    "E54000055",
                    7,
                    "Trust",
                    2023,
                    "a.csv",
                    earlier,
                    false,
                    "ada",
                    Instant.EPOCH),
                new SpendAnalysis(
                    2,
                    "E54000055",
                    7,
                    "Trust",
                    2024,
                    "b.csv",
                    SUMMARY,
                    false,
                    "ada",
                    Instant.EPOCH)));
    // Footprint: 50.0% then 66.7%; most deprived 20%: 25.0% then 20.0% of spend placed in LSOAs.
    assertThat(rows.get(0).footprintChange()).isEqualTo("–");
    assertThat(rows.get(1).footprintChange()).isEqualTo("+16.7 points");
    assertThat(rows.get(1).mostDeprivedChange()).isEqualTo("−5.0 points");
    assertThat(SpendFigures.points(0.00001)).isEqualTo("no change");
  }
}
