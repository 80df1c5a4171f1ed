package org.fourthpurpose.anchor.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.OrganisationType;
import org.junit.jupiter.api.Test;

/** The coverage CSV carries the matrix row by row, and defuses formulas in names. */
class CoverageCsvTest {

  @Test
  void writesAThemeRowThenItsIndicatorsWithThePillarsOrganisations() {
    Coverage coverage =
        Coverage.of(
            CoverageTest.NEEDS,
            CoverageTest.ORGANISATIONS,
            CoverageTest.STRATEGIES,
            CoverageTest.COMMITMENTS);

    String[] lines = CoverageCsv.write(coverage).toString().split("\r\n");

    assertThat(lines[0])
        .isEqualTo(
            "level,theme_code,theme,indicator_code,indicator,in_need,worse_than_england,"
                + "worse_than_comparator,comparator,finding,organisations,employment,procurement,"
                + "estates,environment,partner_in_place");
    assertThat(lines).hasSize(1 + 4 + 8);
    assertThat(lines[1])
        .isEqualTo(
            "theme,housing,Housing,,,2,,,nearest neighbours,covered,Cedar College,,,Cedar College,,");
    assertThat(lines[2])
        .isEqualTo(
            "indicator,housing,Housing,h1,Overcrowding,1,true,false,nearest neighbours,gap,,,,,,");
    assertThat(lines[5])
        .isEqualTo(
            "theme,work,Work,,,1,,,nearest neighbours,joint-focus,Alder Trust; Birch Council,"
                + "Alder Trust; Birch Council,,,,");
  }

  @Test
  void defusesAnOrganisationNameASpreadsheetWouldRun() {
    List<AnchorOrganisation> organisations = new ArrayList<>(CoverageTest.ORGANISATIONS);
    organisations.set(
        3, CoverageTest.organisation(3, "=HYPERLINK(\"http://x\")", OrganisationType.FE_COLLEGE));

    String csv =
        CoverageCsv.write(
                Coverage.of(
                    CoverageTest.NEEDS,
                    organisations,
                    CoverageTest.STRATEGIES,
                    CoverageTest.COMMITMENTS))
            .toString();

    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").doesNotContain(",=HYPERLINK");
  }
}
