package org.fourthpurpose.analytics;

import java.util.List;
import java.util.Locale;

/**
 * How a pathway's values map to the groups of each {@link Breakdown}: the reference definition the
 * engines' SQL reproduces and the contract suite checks against. Every method takes the value as
 * found in the file and trims it; values are assumed valid ({@link ExtractColumn}'s rules).
 */
public final class PathwayGroups {

  private PathwayGroups() {}

  /** Ethnic groups in table order (NHS ethnic category code letters in brackets). */
  public static final List<String> ETHNIC_GROUPS =
      List.of("White", "Mixed", "Asian", "Black", "Other", "Not stated");

  /** The groups of a Y/N flag. */
  public static final List<String> FLAG_GROUPS = List.of("Yes", "No", "Not recorded");

  /** Age bands in years, in order; {@code Not known} when the age is empty. */
  public static final List<String> AGE_BANDS =
      List.of("0-17", "18-39", "40-59", "60-74", "75+", "Not known");

  /** Sex groups in order. */
  public static final List<String> SEXES = List.of("Male", "Female", "Indeterminate", "Not known");

  /** Waits longer than this many days count as over 18 weeks (126 days). */
  public static final int EIGHTEEN_WEEKS_DAYS = 126;

  /** Waits longer than this many days count as over 52 weeks (364 days). */
  public static final int FIFTY_TWO_WEEKS_DAYS = 364;

  /**
   * White (A–C), Mixed (D–G), Asian (H, J–L), Black (M, N, P), Other (R, S), Not stated (Z, 99 or
   * empty).
   */
  public static String ethnicGroup(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT);
    return switch (c) {
      case "A", "B", "C" -> "White";
      case "D", "E", "F", "G" -> "Mixed";
      case "H", "J", "K", "L" -> "Asian";
      case "M", "N", "P" -> "Black";
      case "R", "S" -> "Other";
      case "Z", "99", "" -> "Not stated";
      default -> throw new IllegalArgumentException("not an ethnic category code: " + code);
    };
  }

  /** {@code Y} → Yes, {@code N} → No, empty → Not recorded. */
  public static String flag(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    return switch (v) {
      case "Y" -> "Yes";
      case "N" -> "No";
      case "" -> "Not recorded";
      default -> throw new IllegalArgumentException("not Y, N or empty: " + value);
    };
  }

  /** 0–17, 18–39, 40–59, 60–74, 75+ (written {@code 0-17} …), Not known when empty. */
  public static String ageBand(String age) {
    String a = age.trim();
    if (a.isEmpty()) {
      return "Not known";
    }
    int years = Integer.parseInt(a);
    if (years < 18) {
      return "0-17";
    } else if (years < 40) {
      return "18-39";
    } else if (years < 60) {
      return "40-59";
    } else if (years < 75) {
      return "60-74";
    }
    return "75+";
  }

  /** 1 or M → Male, 2 or F → Female, 9 → Indeterminate, 0, X or empty → Not known. */
  public static String sex(String code) {
    String c = code.trim().toUpperCase(Locale.ROOT);
    return switch (c) {
      case "1", "M" -> "Male";
      case "2", "F" -> "Female";
      case "9" -> "Indeterminate";
      case "0", "X", "" -> "Not known";
      default -> throw new IllegalArgumentException("not a sex code: " + code);
    };
  }

  /** The treatment function code as grouped: trimmed, upper case. */
  public static String treatmentFunction(String code) {
    return code.trim().toUpperCase(Locale.ROOT);
  }

  /** The national quintile of a decile: deciles 1–2 → 1, … 9–10 → 5. */
  public static int quintileOfDecile(int decile) {
    if (decile < 1 || decile > 10) {
      throw new IllegalArgumentException("decile must be 1 to 10, was " + decile);
    }
    return (decile + 1) / 2;
  }
}
