package org.fourthpurpose.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookup built from the application's shipped reference files. */
class NeighbourhoodLookupsTest {

  private static NeighbourhoodLookup lookup;

  @BeforeAll
  static void build() throws Exception {
    lookup = NeighbourhoodLookups.fromShippedFiles(Path.of("../app/src/main/resources/reference"));
  }

  @Test
  void coversEveryLsoaInEnglandWithItsNationalDecile() {
    assertThat(lookup.neighbourhoods()).hasSize(33_755);
    assertThat(lookup.neighbourhoods().stream().map(n -> n.icbCode()).distinct()).hasSize(42);
    // IMD 2025 deciles are national tenths of the 33,755 LSOAs.
    Map<Integer, Long> perDecile =
        lookup.neighbourhoods().stream()
            .collect(
                Collectors.groupingBy(
                    NeighbourhoodLookup.Neighbourhood::imdDecile, Collectors.counting()));
    perDecile.values().forEach(count -> assertThat(count).isBetween(3_370L, 3_380L));
    // E01000001 (City of London 001A): decile 8 in the shipped file.
    NeighbourhoodLookup.Neighbourhood city = lookup.find("e01000001 ").orElseThrow();
    assertThat(city.imdDecile()).isEqualTo(8);
    assertThat(city.imdQuintile()).isEqualTo(4);
    assertThat(city.population()).isEqualTo(1_474);
  }

  @Test
  void eachIcsFifthHoldsAboutAFifthOfItsResidents() {
    Map<String, List<NeighbourhoodLookup.Neighbourhood>> byIcb =
        lookup.neighbourhoods().stream()
            .collect(Collectors.groupingBy(NeighbourhoodLookup.Neighbourhood::icbCode));
    byIcb.forEach(
        (icb, areas) -> {
          long total =
              areas.stream().mapToLong(NeighbourhoodLookup.Neighbourhood::population).sum();
          long largest =
              areas.stream()
                  .mapToLong(NeighbourhoodLookup.Neighbourhood::population)
                  .max()
                  .orElse(0);
          Map<Integer, Long> perFifth = new HashMap<>();
          areas.forEach(a -> perFifth.merge(a.icsFifth(), a.population(), Long::sum));
          assertThat(perFifth).as(icb).hasSize(5);
          // The midpoint rule moves at most one LSOA's residents across each boundary.
          perFifth
              .values()
              .forEach(p -> assertThat(Math.abs(p - total / 5.0)).isLessThan(2.0 * largest));
          // The most deprived fifth is no less deprived (nationally) than the least deprived.
          double meanFirst = meanDecile(areas, 1);
          double meanLast = meanDecile(areas, 5);
          assertThat(meanFirst).as(icb).isLessThanOrEqualTo(meanLast);
        });
  }

  private static double meanDecile(List<NeighbourhoodLookup.Neighbourhood> areas, int fifth) {
    return areas.stream()
        .filter(a -> a.icsFifth() == fifth)
        .mapToInt(NeighbourhoodLookup.Neighbourhood::imdDecile)
        .average()
        .orElseThrow();
  }

  @Test
  void icsFifthIsTheFifthHoldingTheMidpointOfAnAreasResidents() {
    // An ICS of 1,000 residents: 100 ahead, 100 here → midpoint 150 → fifth 1; 190 ahead → 2.
    assertThat(NeighbourhoodLookups.icsFifth(100, 100, 1_000)).isEqualTo(1);
    assertThat(NeighbourhoodLookups.icsFifth(190, 100, 1_000)).isEqualTo(2);
    assertThat(NeighbourhoodLookups.icsFifth(950, 50, 1_000)).isEqualTo(5);
  }

  @Test
  void maps2011CodesTo2021() {
    // Merged: Hartlepool 005A (E01011973) became Hartlepool 015C (E01035188).
    assertThat(lookup.find("E01011973").orElseThrow().lsoa21()).isEqualTo("E01035188");
    // Split: Middlesbrough 001G (E01033468) became E01035189 (1,320 residents) and E01035190
    // (1,725): it maps to the one with more residents.
    assertThat(lookup.find("E01033468").orElseThrow().lsoa21()).isEqualTo("E01035190");
    // Unchanged codes are 2021 codes and need no mapping.
    assertThat(lookup.lsoa11To21()).doesNotContainKey("E01011949");
    assertThat(lookup.find("E01011949").orElseThrow().lsoa21()).isEqualTo("E01011949");
    assertThat(lookup.find("W01000001")).isEmpty();
  }

  @Test
  void survivesARoundTripThroughItsCsvFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("neighbourhoods.csv");
    lookup.writeCsv(file);
    NeighbourhoodLookup read = NeighbourhoodLookup.readCsv(file);
    assertThat(read.neighbourhoods()).isEqualTo(lookup.neighbourhoods());
    assertThat(read.lsoa11To21()).isEqualTo(lookup.lsoa11To21());
  }
}
