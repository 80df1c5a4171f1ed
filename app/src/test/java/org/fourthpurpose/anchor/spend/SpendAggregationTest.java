package org.fourthpurpose.anchor.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.anchor.spend.SpendPlaces.LsoaFacts;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;
import org.fourthpurpose.anchor.spend.SpendSummary.SupplierSpend;
import org.fourthpurpose.anchor.spend.SpendSummary.UnplacedLine;
import org.fourthpurpose.geography.ShippedLsoaBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The spend figures of small files worked out by hand, on a made-up England of four LSOAs in three
 * districts (two of them the footprint's), and every kind of refusal.
 */
class SpendAggregationTest {

  static final String HEADER = "supplier,amount,lsoa_code,lad_code,latitude,longitude\n";

  // E01000001 (City of London, decile 8) is the real LSOA of the position used below.
  static final SpendPlaces PLACES =
      new SpendPlaces(
          "E54000TEST",
          Map.of(
              "E01000001", new LsoaFacts("E09000001", "E54000TEST", 8),
              "E01000002", new LsoaFacts("E09000001", "E54000TEST", 1),
              "E01000003", new LsoaFacts("E09000033", "E54000OTHER", 2),
              "E01000004", new LsoaFacts("E09000002", "E54000TEST", 5)),
          Map.of(
              "E09000001", "City of London",
              "E09000002", "Barking and Dagenham",
              "E09000033", "Westminster"),
          new java.util.TreeSet<>(Set.of("E09000001", "E09000002")),
          ShippedLsoaBoundaries.locator()::place,
          postcode -> postcode.replace(" ", "").equalsIgnoreCase("EC2Y8DS") ? "E01000002" : null);

  static SpendSummary read(String csv) {
    return new SpendAggregation(PLACES, "spend.csv")
        .read(new CsvSpendRows(new StringReader(csv), "spend.csv"));
  }

  static SpendFileRefused refused(String csv) {
    return catchThrowableOfType(SpendFileRefused.class, () -> read(csv));
  }

  @Test
  void addsUpTheFootprintTheMostDeprivedTwentyPercentEachDistrictAndWhatCouldNotBePlaced() {
    SpendSummary summary =
        read(
            HEADER
                + "Acme Ltd,1000.00,E01000002,,,\n" // footprint, decile 1
                + "acme  LTD,\"£2,500.50\",e01000003,,,\n" // elsewhere, decile 2
                + "Bolt & Co,300,,E09000002,,\n" // footprint district only
                + "Cogs plc,45.5,,E09000033,,\n" // another district only
                + "Dials,200.25,,,51.519593,-0.09624\n" // placed in E01000001, decile 8
                + "Edge,75,,,55.9533,-3.1883\n" // Edinburgh: not placed
                + "Forge,-20.00,,,,\n" // credit, no location
                + "\n"
                + "Gears,10,E01000004,,,\n"); // footprint, decile 5
    // 1000 + 2500.50 + 300 + 45.50 + 200.25 + 75 - 20 + 10
    assertThat(summary.rows()).isEqualTo(8);
    assertThat(summary.totalPence()).isEqualTo(411_125);
    // 1000 + 300 + 200.25 + 10
    assertThat(summary.footprintPence()).isEqualTo(151_025);
    // 1000 + 2500.50
    assertThat(summary.mostDeprived20Pence()).isEqualTo(350_050);
    // 1000 + 2500.50 + 200.25 + 10
    assertThat(summary.lsoaPence()).isEqualTo(371_075);
    assertThat(summary.districtOnlyPence()).isEqualTo(34_550);
    // 75 - 20
    assertThat(summary.unlocatedPence()).isEqualTo(5_500);
    assertThat(summary.byDistrict())
        .containsExactly(
            new DistrictSpend("E09000001", "City of London", true, 120_025),
            new DistrictSpend("E09000002", "Barking and Dagenham", true, 31_000),
            new DistrictSpend("E09000033", "Westminster", false, 254_600));
    assertThat(summary.byDecile())
        .containsExactly(100_000L, 250_050L, 0L, 0L, 1_000L, 0L, 0L, 20_025L, 0L, 0L);
    assertThat(summary.topSuppliers().get(0)).isEqualTo(new SupplierSpend("Acme Ltd", 350_050, 2));
    assertThat(summary.suppliers()).isEqualTo(7);
    assertThat(summary.unplacedRows()).isEqualTo(2);
    assertThat(summary.unplaced())
        .extracting(UnplacedLine::line, UnplacedLine::supplier, UnplacedLine::pence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(7L, "Edge", 7_500L),
            org.assertj.core.groups.Tuple.tuple(8L, "Forge", -2_000L));
    assertThat(summary.unplaced().get(0).reason()).contains("55.9533, -3.1883 is not in England");
    assertThat(summary.unplaced().get(1).reason()).isEqualTo("has no location");
    assertThat(summary.smePence()).isNull();
  }

  @Test
  void smallSuppliersAndTheVoluntarySectorAreAddedUpWhereFlagged() {
    SpendSummary summary =
        read(
            "supplier,amount,lsoa_code,sme,vcse\n"
                + "A,100,E01000001,yes,no\n"
                + "B,50,E01000001,no,yes\n"
                + "C,25,E01000001,,Y\n"
                + "D,10,E01000001,,\n");
    assertThat(summary.smePence()).isEqualTo(10_000);
    assertThat(summary.smeFlaggedPence()).isEqualTo(15_000);
    assertThat(summary.vcsePence()).isEqualTo(7_500);
    assertThat(summary.vcseFlaggedPence()).isEqualTo(17_500);
  }

  @Test
  void postcodesArePlacedThroughTheDirectoryOrListedAsUnplaced() {
    SpendSummary summary = read("supplier,amount,postcode\nA,100,ec2y 8ds\nB,50,ZZ1 1ZZ\n");
    assertThat(summary.mostDeprived20Pence()).isEqualTo(10_000);
    assertThat(summary.unplaced().get(0).reason())
        .isEqualTo("ZZ1 1ZZ is not a postcode in England in the ONS postcode directory");
  }

  @Test
  void refusesEveryBadRowWithItsLineAndColumnAtOnce() {
    SpendFileRefused refused =
        refused(
            HEADER
                + "A,12.345,E01000001,,,\n"
                + ",10,,,,\n"
                + "C,ten,,,,\n"
                + "D,10,E01000001,E09000001,,\n"
                + "E,10,E01999999,,,\n"
                + "F,10,,E07000999,,\n"
                + "G,10,,,51.5,\n"
                + "H,10,,,-0.1,51.5\n"
                + "I,10,,,95,0\n"
                + "J,10,,,north,0\n"
                + "K,10,E01000001,,,\n");
    assertThat(refused.problems())
        .extracting(SpendProblem::line, SpendProblem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "amount"),
            org.assertj.core.groups.Tuple.tuple(3L, "supplier"),
            org.assertj.core.groups.Tuple.tuple(4L, "amount"),
            org.assertj.core.groups.Tuple.tuple(5L, "lad_code"),
            org.assertj.core.groups.Tuple.tuple(6L, "lsoa_code"),
            org.assertj.core.groups.Tuple.tuple(7L, "lad_code"),
            org.assertj.core.groups.Tuple.tuple(8L, "longitude"),
            org.assertj.core.groups.Tuple.tuple(9L, "latitude"),
            org.assertj.core.groups.Tuple.tuple(10L, "latitude"),
            org.assertj.core.groups.Tuple.tuple(11L, "latitude"));
    assertThat(refused.problemCount()).isEqualTo(10);
    assertThat(refused.problems().get(0).message()).contains("12.345 is not an amount in pounds");
    assertThat(refused.problems().get(3).message())
        .isEqualTo(
            "gives a lad_code as well as a lsoa_code: give one kind of location per row and leave"
                + " the others empty");
    assertThat(refused.problems().get(4).message()).startsWith("E01999999 is not a 2021 LSOA");
    assertThat(refused.problems().get(7).message()).contains("they look swapped");
  }

  @Test
  void refusesAHeaderWithoutTheColumnsItNeeds() {
    assertThat(refused("name,amount,lsoa_code\nA,1,E01000001\n").problems())
        .extracting(SpendProblem::toString)
        .containsExactly(
            "Line 1, column supplier: the header has no supplier column: the first row must name"
                + " the columns supplier,amount,lsoa_code,lad_code,latitude,longitude");
    assertThat(refused("supplier,amount,latitude\nA,1,51\n").problems().get(0).column())
        .isEqualTo("longitude");
    assertThat(refused("supplier,amount\nA,1\n").problems().get(0).message())
        .startsWith("the header has no location column");
    assertThat(refused("supplier,amount,lsoa_code,LSOA_code\n").problems().get(0).message())
        .startsWith("the header has a second lsoa_code column");
    assertThat(refused(HEADER).problems().get(0).message())
        .isEqualTo("has a header but no rows of spend");
    assertThat(refused("").problems().get(0).message()).isEqualTo("is empty");
    assertThat(refused(HEADER + "\"A,1,,,,\n").problems().get(0).toString())
        .startsWith("Line 3: is not valid CSV")
        .endsWith("the quoted field opened at line 2, column 1 is never closed");
  }

  @Test
  void refusesAFileOverTheRowLimitAtTheFirstRowBeyondIt() {
    SpendFileRefused refused =
        catchThrowableOfType(
            SpendFileRefused.class,
            () ->
                new SpendAggregation(PLACES, "spend.csv", 2)
                    .read(
                        new CsvSpendRows(
                            new StringReader(HEADER + "A,1,,,,\nB,2,,,,\nC,3,,,,\n"),
                            "spend.csv")));
    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0).line()).isEqualTo(4);
    assertThat(refused.problems().get(0).message()).startsWith("the file has more than 2 rows");
  }

  @Test
  void amountsAreReadExactlyToThePenny() {
    SpendSummary summary =
        read(
            "supplier,amount,lad_code\n"
                + "A,0.1,E09000001\n"
                + "A,0.20,E09000001\n"
                + "A,\"1,000,000.01\",E09000001\n"
                + "A,-£3.3,E09000001\n"
                + "A,9999999999.99,E09000001\n");
    assertThat(summary.totalPence()).isEqualTo(10 + 20 + 100_000_001 - 330 + 999_999_999_999L);
    // 0.10 + 0.20 + 1,000,000.01 - 3.30 + 9,999,999,999.99
    assertThat(SpendSummary.pounds(summary.totalPence()))
        .isEqualByComparingTo(new java.math.BigDecimal("10000999997.00"));
    assertThat(refused("supplier,amount,lad_code\nA,10000000000.01,E09000001\n").problems())
        .hasSize(1);
    assertThat(List.of("1,00", "1.", "£", "1,0000", "1e5", "1 000"))
        .allSatisfy(
            bad ->
                assertThat(refused("supplier,amount,lad_code\nA,\"" + bad + "\",E09000001\n"))
                    .isNotNull());
  }
}
