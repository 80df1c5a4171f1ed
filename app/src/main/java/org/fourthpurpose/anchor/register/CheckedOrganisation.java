package org.fourthpurpose.anchor.register;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.anchor.OrganisationType;

/**
 * An organisation whose every field has been checked, ready to store.
 *
 * @param identifiers the present identifiers by key, normalised
 */
record CheckedOrganisation(
    String name,
    OrganisationType type,
    Map<String, String> identifiers,
    Integer staff,
    BigDecimal annualNonPaySpend,
    List<String> places,
    String contactOwner,
    BigDecimal activityShare) {

  static final int NAME_LIMIT = 200;
  static final int CONTACT_LIMIT = 200;
  static final BigDecimal MAXIMUM_SPEND = new BigDecimal("99999999999999.99");

  /**
   * Checks a draft, adding a problem for every field at fault.
   *
   * @param footprint the district codes of the workspace's system, the only places allowed
   * @return the checked organisation, or null when there were problems
   */
  static CheckedOrganisation check(
      OrganisationDraft draft, Set<String> footprint, List<FieldProblem> problems) {
    int before = problems.size();
    String name = strip(draft.name());
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", "Enter the organisation's name"));
    } else if (name.length() > NAME_LIMIT) {
      problems.add(
          new FieldProblem("name", "The name must be " + NAME_LIMIT + " characters or fewer"));
    }
    OrganisationType type = null;
    String typeCode = strip(draft.type());
    if (typeCode.isEmpty()) {
      problems.add(new FieldProblem("type", "Choose the type of organisation"));
    } else {
      type = OrganisationType.find(typeCode).orElse(null);
      if (type == null) {
        problems.add(
            new FieldProblem(
                "type",
                "'"
                    + shorten(typeCode)
                    + "' is not a type of organisation: use one of "
                    + String.join(
                        ", ",
                        java.util.Arrays.stream(OrganisationType.values())
                            .map(OrganisationType::code)
                            .toList())));
      }
    }
    Map<String, String> identifiers = new LinkedHashMap<>();
    for (Identifiers kind : Identifiers.values()) {
      String text = Identifiers.normalise(draft.identifier(kind.key()));
      if (text.isEmpty()) {
        continue;
      }
      if (kind.valid(text)) {
        identifiers.put(kind.key(), text);
      } else {
        problems.add(
            new FieldProblem(kind.key(), "'" + shorten(text) + "' is not valid: " + kind.rule()));
      }
    }
    Integer staff = null;
    String staffText = strip(draft.staff()).replace(",", "");
    if (!staffText.isEmpty()) {
      try {
        long parsed = Long.parseLong(staffText);
        if (parsed < 0 || parsed > 2_000_000) {
          problems.add(
              new FieldProblem("staff", "Staff must be a whole number from 0 to 2,000,000"));
        } else {
          staff = (int) parsed;
        }
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem(
                "staff", "'" + shorten(staffText) + "' is not a whole number of staff"));
      }
    }
    BigDecimal spend = null;
    String spendText = strip(draft.annualNonPaySpend()).replace(",", "").replace("£", "");
    if (!spendText.isEmpty()) {
      try {
        BigDecimal parsed = new BigDecimal(spendText);
        if (parsed.signum() < 0 || parsed.compareTo(MAXIMUM_SPEND) > 0) {
          problems.add(
              new FieldProblem(
                  "annualNonPaySpend",
                  "Annual non-pay spend must be an amount in pounds from 0 to"
                      + " 99,999,999,999,999.99"));
        } else if (parsed.scale() > 2) {
          problems.add(
              new FieldProblem(
                  "annualNonPaySpend", "Give annual non-pay spend to the penny at most"));
        } else {
          spend = parsed.setScale(2, RoundingMode.UNNECESSARY);
        }
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem(
                "annualNonPaySpend",
                "'" + shorten(spendText) + "' is not an amount in pounds, such as 1250000"));
      }
    }
    Set<String> places = new LinkedHashSet<>();
    for (String part : strip(draft.places()).split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      String code = part.toUpperCase(Locale.ROOT);
      if (!footprint.contains(code)) {
        problems.add(
            new FieldProblem(
                "places",
                "'"
                    + shorten(part)
                    + "' is not a local authority district of this system: use the district"
                    + " codes of its footprint, such as "
                    + footprint.stream().sorted().findFirst().orElse("E06000001")));
        break;
      }
      places.add(code);
    }
    String contact = strip(draft.contactOwner());
    if (contact.length() > CONTACT_LIMIT) {
      problems.add(
          new FieldProblem(
              "contactOwner",
              "The contact owner must be " + CONTACT_LIMIT + " characters or fewer"));
    }
    BigDecimal share = null;
    String shareText = strip(draft.activityShare());
    if (!shareText.isEmpty()) {
      try {
        BigDecimal parsed = new BigDecimal(shareText);
        if (parsed.signum() < 0 || parsed.compareTo(BigDecimal.ONE) > 0) {
          problems.add(
              new FieldProblem(
                  "activityShare", "The share of activity must be from 0 to 1, such as 0.85"));
        } else {
          share = parsed.setScale(4, RoundingMode.HALF_UP);
        }
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem(
                "activityShare",
                "'" + shorten(shareText) + "' is not a share from 0 to 1, such as 0.85"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new CheckedOrganisation(
        name,
        type,
        identifiers,
        staff,
        spend,
        new ArrayList<>(places),
        contact.isEmpty() ? null : contact,
        share);
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }

  /** At most 40 characters of what was typed, for a message. */
  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
