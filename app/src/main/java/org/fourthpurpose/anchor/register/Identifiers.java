package org.fourthpurpose.anchor.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifiers an organisation may have, each with the format it must take. Text is stripped,
 * inner spaces removed and letters upper-cased before it is checked, so "sc 012345" is accepted as
 * SC012345.
 */
public enum Identifiers {
  /** NHS Organisation Data Service code: a trust R0A, an ICB QYG, a practice A81001. */
  ODS(
      "ods",
      "ods_code",
      "ODS code",
      Pattern.compile("[A-Z0-9]{3,6}"),
      "an ODS code is 3 to 6 letters and digits, such as RBL or QYG"),
  /** ONS (GSS) code: a letter for the nation and 8 digits, such as E06000001 or E54000008. */
  GSS(
      "gss",
      "gss_code",
      "ONS (GSS) code",
      Pattern.compile("[EWSNK][0-9]{8}"),
      "an ONS code is 9 characters, a letter and 8 digits, such as E06000001"),
  /** UK Provider Reference Number: 8 digits starting with 1. */
  UKPRN(
      "ukprn",
      "ukprn",
      "UKPRN",
      Pattern.compile("1[0-9]{7}"),
      "a UKPRN is 8 digits starting with 1, such as 10007788"),
  /**
   * Charity number: England and Wales 6 to 8 digits, with an optional -NN for a linked charity;
   * Scotland SC and 6 digits.
   */
  CHARITY(
      "charity",
      "charity_number",
      "Charity number",
      Pattern.compile("[0-9]{6,8}(-[0-9]{1,2})?|SC[0-9]{6}"),
      "a charity number is 6 to 8 digits (England and Wales, with an optional -1 to -99 for a"
          + " linked charity) or SC and 6 digits (Scotland), such as 1123456 or SC012345"),
  /** Companies House number: 8 digits, or 2 letters and 6 digits (SC, NI, OC, …). */
  COMPANY(
      "company",
      "company_number",
      "Company number",
      Pattern.compile("[0-9]{8}|[A-Z]{2}[0-9]{6}"),
      "a company number is 8 characters: 8 digits or 2 letters and 6 digits, such as 01234567"
          + " or SC123456");

  private final String key;
  private final String column;
  private final String label;
  private final Pattern format;
  private final String rule;

  Identifiers(String key, String column, String label, Pattern format, String rule) {
    this.key = key;
    this.column = column;
    this.label = label;
    this.format = format;
    this.rule = rule;
  }

  /** The key in {@code AnchorOrganisation.identifiers()}, the API and the files: {@code ods}… */
  public String key() {
    return key;
  }

  /** The column of {@code anchor_organisation} that holds it. */
  String column() {
    return column;
  }

  public String label() {
    return label;
  }

  /** What a valid identifier looks like, in words. */
  public String rule() {
    return rule;
  }

  /** The identifier as stored (stripped, inner spaces removed, upper case). */
  public static String normalise(String text) {
    return text == null ? "" : text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** Whether the normalised text is a valid identifier of this kind. */
  public boolean valid(String normalised) {
    return format.matcher(normalised).matches();
  }

  public static List<Identifiers> all() {
    return List.of(values());
  }

  public static Optional<Identifiers> byKey(String key) {
    for (Identifiers i : values()) {
      if (i.key.equals(key)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The present identifiers of a map with a key per kind, in the order of the kinds. */
  static Map<String, String> present(Map<String, String> identifiers) {
    Map<String, String> present = new LinkedHashMap<>();
    for (Identifiers i : values()) {
      String value = identifiers.get(i.key);
      if (value != null && !value.isBlank()) {
        present.put(i.key, value);
      }
    }
    return present;
  }
}
