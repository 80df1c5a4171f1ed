package org.fourthpurpose.anchor.register;

/**
 * An organisation as a person types it (a form, an API body or a row of a file), before it is
 * checked: every field is text.
 *
 * @param type the type's code, such as {@code nhs-trust}
 * @param places the codes of the districts it serves, separated by commas, semicolons or spaces
 * @param activityShare for an NHS trust, the share of its activity from the system, 0 to 1
 */
public record OrganisationDraft(
    String name,
    String type,
    String ods,
    String gss,
    String ukprn,
    String charity,
    String company,
    String staff,
    String annualNonPaySpend,
    String places,
    String contactOwner,
    String activityShare) {

  /** The draft's text for an identifier key ({@code ods}, {@code gss}, …). */
  String identifier(String key) {
    return switch (key) {
      case "ods" -> ods;
      case "gss" -> gss;
      case "ukprn" -> ukprn;
      case "charity" -> charity;
      case "company" -> company;
      default -> throw new IllegalArgumentException(key);
    };
  }

  /** The same draft serving these districts. */
  OrganisationDraft withPlaces(java.util.List<String> codes) {
    return new OrganisationDraft(
        name,
        type,
        ods,
        gss,
        ukprn,
        charity,
        company,
        staff,
        annualNonPaySpend,
        codes == null ? "" : String.join(" ", codes),
        contactOwner,
        activityShare);
  }

  /** The draft of a stored organisation, for its form. */
  static OrganisationDraft of(org.fourthpurpose.anchor.AnchorOrganisation o) {
    return new OrganisationDraft(
        o.name(),
        o.type().code(),
        o.identifiers().get("ods"),
        o.identifiers().get("gss"),
        o.identifiers().get("ukprn"),
        o.identifiers().get("charity"),
        o.identifiers().get("company"),
        o.staff() == null ? "" : o.staff().toString(),
        o.annualNonPaySpend() == null ? "" : o.annualNonPaySpend().toPlainString(),
        String.join(" ", o.places()),
        o.contactOwner(),
        o.activityShare() == null ? "" : o.activityShare().toPlainString());
  }
}
