package org.fourthpurpose.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fourthpurpose.geography.SubIcbPlaceNames.DistrictPart;
import org.junit.jupiter.api.Test;

/**
 * The naming rule, on district make-ups from {@code lad24_to_sicbl24_derived_from_lsoa21.csv}
 * (populations here are the file's LSOA counts times 1,500, which keeps the shares).
 */
class SubIcbPlaceNamesTest {

  private static DistrictPart part(String name, long lsoas) {
    return new DistrictPart(name, lsoas * 1_500);
  }

  @Test
  void aLocationOfOneDistrictIsNamedAfterIt() {
    // 99A: Liverpool, 302 LSOAs, in Cheshire and Merseyside (1,601 LSOAs in all)
    assertThat(
            SubIcbPlaceNames.of(
                List.of(part("Liverpool", 302)), "Cheshire and Merseyside", 1_601L * 1_500))
        .isEqualTo("Liverpool");
  }

  @Test
  void twoLargeDistrictsAreBothNamedLargestFirst() {
    // 27D: Cheshire East 244 LSOAs, Cheshire West and Chester 222
    assertThat(
            SubIcbPlaceNames.of(
                List.of(part("Cheshire West and Chester", 222), part("Cheshire East", 244)),
                "Cheshire and Merseyside",
                1_601L * 1_500))
        .isEqualTo("Cheshire East, Cheshire West and Chester");
  }

  @Test
  void smallSliversOfOtherDistrictsAreLeftOut() {
    // 05W: Stoke-on-Trent 97%, Staffordshire Moorlands 3%
    assertThat(
            SubIcbPlaceNames.of(
                List.of(part("Stoke-on-Trent", 163), part("Staffordshire Moorlands", 5)),
                "Staffordshire and Stoke-on-Trent",
                697L * 1_500))
        .isEqualTo("Stoke-on-Trent");
  }

  @Test
  void aLocationCoveringItsWholeIcbIsNamedAfterTheIcb() {
    assertThat(
            SubIcbPlaceNames.of(
                List.of(part("Plymouth", 161), part("Exeter", 80), part("Torbay", 89)),
                "Devon",
                350L * 1_500))
        .isEqualTo("Devon");
  }

  @Test
  void manySmallDistrictsAreCountedAfterTheNamedOnes() {
    // 03W: Blaby 26%, Harborough 24%, Oadby and Wigston 18%, Melton 15%, Rutland 13%, Charnwood 5%
    assertThat(
            SubIcbPlaceNames.of(
                List.of(
                    part("Rutland", 26),
                    part("Blaby", 51),
                    part("Charnwood", 10),
                    part("Harborough", 47),
                    part("Melton", 30),
                    part("Oadby and Wigston", 36)),
                "Leicester, Leicestershire and Rutland",
                634L * 1_500))
        .isEqualTo("Blaby, Harborough and 4 more");
  }

  @Test
  void onsSuffixesAreDroppedSoCommasOnlySeparatePlaces() {
    // 15C: Bristol, City of 46%, South Gloucestershire 30%, North Somerset 24%, which is the
    // whole ICB and so takes its name; within a larger ICB, all three would be named
    assertThat(
            SubIcbPlaceNames.of(
                List.of(
                    part("Bristol, City of", 268),
                    part("North Somerset", 138),
                    part("South Gloucestershire", 175)),
                "Bristol, North Somerset and South Gloucestershire",
                581L * 1_500))
        .isEqualTo("Bristol, North Somerset and South Gloucestershire");
    assertThat(
            SubIcbPlaceNames.of(
                List.of(
                    part("Bristol, City of", 268),
                    part("North Somerset", 138),
                    part("South Gloucestershire", 175)),
                "Bristol, North Somerset and South Gloucestershire",
                1_000L * 1_500))
        .isEqualTo("Bristol, South Gloucestershire, North Somerset");
    assertThat(SubIcbPlaceNames.placeName("Herefordshire, County of")).isEqualTo("Herefordshire");
    assertThat(SubIcbPlaceNames.placeName("Kingston upon Hull, City of"))
        .isEqualTo("Kingston upon Hull");
  }

  @Test
  void aLocationWithoutResidentsIsRefused() {
    assertThatThrownBy(() -> SubIcbPlaceNames.of(List.of(), "Devon", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("districts with residents");
  }
}
