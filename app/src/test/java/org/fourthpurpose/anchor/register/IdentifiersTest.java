package org.fourthpurpose.anchor.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void odsCodesAreThreeToSixLettersAndDigits() {
    assertThat(valid(Identifiers.ODS, "RBL", "QYG", "R0A", "RBL01", "A81001")).isTrue();
    assertThat(anyValid(Identifiers.ODS, "R1", "A810012", "R-1", "")).isFalse();
  }

  @Test
  void gssCodesAreANationLetterAndEightDigits() {
    assertThat(valid(Identifiers.GSS, "E06000001", "E54000008", "W06000015", "K02000001")).isTrue();
    assertThat(anyValid(Identifiers.GSS, "E0600001", "E060000011", "X06000001", "EE6000001"))
        .isFalse();
  }

  @Test
  void ukprnsAreEightDigitsStartingWithOne() {
    assertThat(valid(Identifiers.UKPRN, "10007160", "19999999")).isTrue();
    assertThat(anyValid(Identifiers.UKPRN, "20007160", "1000716", "100071600", "1000716A"))
        .isFalse();
  }

  @Test
  void charityNumbersAreEnglandAndWalesDigitsWithALinkSuffixOrScottishSc() {
    assertThat(
            valid(
                Identifiers.CHARITY,
                "123456",
                "1123456",
                "11234567",
                "1123456-1",
                "1123456-12",
                "SC012345"))
        .isTrue();
    assertThat(
            anyValid(
                Identifiers.CHARITY,
                "12345",
                "123456789",
                "1123456-123",
                "1123456-",
                "SC01234",
                "SC0123456",
                "NI012345"))
        .isFalse();
  }

  @Test
  void companyNumbersAreEightDigitsOrTwoLettersAndSixDigits() {
    assertThat(valid(Identifiers.COMPANY, "01234567", "SC123456", "OC301234", "RC000651")).isTrue();
    assertThat(anyValid(Identifiers.COMPANY, "1234567", "S1234567", "SC1234567", "123456789"))
        .isFalse();
  }

  @Test
  void textIsNormalisedBeforeItIsChecked() {
    assertThat(Identifiers.normalise(" sc 012 345 ")).isEqualTo("SC012345");
    assertThat(Identifiers.normalise(null)).isEmpty();
  }

  @Test
  void aDraftIsCheckedFieldByFieldWithEveryProblemNamed() {
    List<FieldProblem> problems = new ArrayList<>();
    CheckedOrganisation checked =
        CheckedOrganisation.check(
            new OrganisationDraft(
                " ", "nhs trust", "RBL", "", "2", "", "", "-1", "12.345", "E99999999", "", "2"),
            Set.of("E08000015"),
            problems);
    assertThat(checked).isNull();
    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactly(
            "name", "type", "ukprn", "staff", "annualNonPaySpend", "places", "activityShare");
  }

  @Test
  void aValidDraftKeepsSpendToThePennyAndShareToFourPlaces() {
    List<FieldProblem> problems = new ArrayList<>();
    CheckedOrganisation checked =
        CheckedOrganisation.check(
            new OrganisationDraft(
                "Wirral University Teaching Hospital NHS Foundation Trust",
                "NHS-TRUST",
                "rbl",
                "",
                "",
                "",
                "",
                "5,912",
                "£312,000,000.5",
                "e08000015; E08000015",
                "",
                "0.99970"),
            Set.of("E08000015"),
            problems);
    assertThat(problems).isEmpty();
    assertThat(checked.identifiers()).containsExactly(java.util.Map.entry("ods", "RBL"));
    assertThat(checked.staff()).isEqualTo(5912);
    assertThat(checked.annualNonPaySpend()).hasToString("312000000.50");
    assertThat(checked.places()).containsExactly("E08000015");
    assertThat(checked.activityShare()).hasToString("0.9997");
  }

  @Test
  void councilsAreNamedFromTheirDistrict() {
    assertThat(RegisterSeeding.councilName("Bristol, City of")).isEqualTo("Bristol City Council");
    assertThat(RegisterSeeding.councilName("Herefordshire, County of"))
        .isEqualTo("Herefordshire Council");
    assertThat(RegisterSeeding.councilName("Wirral")).isEqualTo("Wirral Council");
  }

  private static boolean valid(Identifiers kind, String... values) {
    for (String v : values) {
      if (!kind.valid(Identifiers.normalise(v))) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyValid(Identifiers kind, String... values) {
    for (String v : values) {
      if (kind.valid(Identifiers.normalise(v))) {
        return true;
      }
    }
    return false;
  }
}
