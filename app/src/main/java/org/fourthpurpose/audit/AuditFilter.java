package org.fourthpurpose.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fourthpurpose.web.InvalidInputException;

/**
 * Which entries to read: of one workspace, of none (platform-wide) or of all; of one kind of
 * action; between two days (UTC, both included). Empty parts select everything.
 *
 * @param workspace an ICS's ONS code, {@link #PLATFORM} for platform-wide entries, or null for all
 * @param action an action (e.g. {@code role.granted}) or the start of one ({@code role}), or null
 * @param from the first day, or null
 * @param to the last day, or null
 */
record AuditFilter(String workspace, String action, LocalDate from, LocalDate to) {

  /** The workspace filter that selects entries of no workspace. */
  static final String PLATFORM = "none";

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]{0,59}");
  private static final Pattern WORKSPACE = Pattern.compile("[A-Z0-9]{1,12}");

  /**
   * A filter from what a person typed; throws {@link InvalidInputException} naming the field that
   * is wrong.
   */
  static AuditFilter parse(String workspace, String action, String from, String to) {
    String cleanWorkspace = blankToNull(workspace);
    if (cleanWorkspace != null) {
      if (cleanWorkspace.equalsIgnoreCase(PLATFORM)) {
        cleanWorkspace = PLATFORM;
      } else {
        cleanWorkspace = cleanWorkspace.toUpperCase(Locale.ROOT);
        if (!WORKSPACE.matcher(cleanWorkspace).matches()) {
          throw new InvalidInputException(
              "workspace",
              "Enter a workspace as its ICS's ONS code, like E54000008, or 'none' for changes"
                  + " to the whole platform");
        }
      }
    }
    String cleanAction = blankToNull(action);
    if (cleanAction != null) {
      cleanAction = cleanAction.toLowerCase(Locale.ROOT);
      if (!ACTION.matcher(cleanAction).matches()) {
        throw new InvalidInputException(
            "action", "Enter an action like role.granted, or the start of one, like role");
      }
    }
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (first != null && last != null && last.isBefore(first)) {
      throw new InvalidInputException("to", "The last day must be on or after the first day");
    }
    return new AuditFilter(cleanWorkspace, cleanAction, first, last);
  }

  /** The same filter for one workspace. */
  AuditFilter inWorkspace(String icbCode) {
    return new AuditFilter(icbCode, action, from, to);
  }

  private static LocalDate date(String field, String text) {
    String clean = blankToNull(text);
    if (clean == null) {
      return null;
    }
    try {
      return LocalDate.parse(clean);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, "Enter the day as year-month-day, like 2026-04-01, not '" + clean + "'");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
