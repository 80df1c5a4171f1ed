package org.fourthpurpose.question.policy;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fourthpurpose.question.Policy;

/**
 * A policy or funding programme as typed in a form, a JSON body or the shipped file, before it is
 * checked. Every field is text so that a bad value can be shown back as it was typed.
 */
public record PolicyDraft(
    String id,
    String kind,
    String name,
    String summary,
    String enables,
    String whoCanUse,
    String status,
    String checked,
    String sourceUrl) {

  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** One field at fault and what to do about it. */
  public record Problem(String field, String message) {}

  /** The draft of an existing version, for a form. */
  static PolicyDraft of(Policy p) {
    return new PolicyDraft(
        p.id(),
        p.kind(),
        p.name(),
        p.summary(),
        p.enables(),
        p.whoCanUse(),
        p.status(),
        p.checked().toString(),
        p.sourceUrl());
  }

  /** Every problem of the draft, in the order of the form; empty when it can be saved. */
  List<Problem> problems(LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    if (blank(id)) {
      problems.add(new Problem("id", "Enter an id, for example social-value-act-2012"));
    } else if (id.strip().length() > 80 || !ID.matcher(id.strip()).matches()) {
      problems.add(
          new Problem(
              "id",
              "The id must be at most 80 lower-case letters, digits and single hyphens, for"
                  + " example social-value-act-2012"));
    }
    if (blank(kind) || !Policy.KINDS.contains(lower(kind))) {
      problems.add(new Problem("kind", "Choose whether it is a policy or a funding programme"));
    }
    text(problems, "name", name, 200, "Enter the name");
    text(problems, "summary", summary, 2000, "Enter a summary");
    text(problems, "enables", enables, 2000, "Enter what it enables");
    text(problems, "whoCanUse", whoCanUse, 1000, "Enter who can use it");
    if (blank(status) || !Policy.STATUSES.contains(lower(status))) {
      problems.add(new Problem("status", "Choose open, closed or changing"));
    }
    LocalDate date = checkedDate();
    if (blank(checked)) {
      problems.add(new Problem("checked", "Enter the date checked, for example 2025-02-24"));
    } else if (date == null) {
      problems.add(new Problem("checked", "The date checked must be a real date like 2025-02-24"));
    } else if (date.isAfter(today)) {
      problems.add(new Problem("checked", "The date checked cannot be in the future"));
    } else if (date.getYear() < 1945) {
      problems.add(new Problem("checked", "The date checked must be after 1945"));
    }
    if (blank(sourceUrl)) {
      problems.add(new Problem("sourceUrl", "Enter the link to the source"));
    } else if (sourceUrl.strip().length() > 2000 || !httpsUrl(sourceUrl.strip())) {
      problems.add(
          new Problem(
              "sourceUrl",
              "The source must be a web address starting with https://, at most 2,000"
                  + " characters"));
    }
    return problems;
  }

  LocalDate checkedDate() {
    if (blank(checked)) {
      return null;
    }
    try {
      return LocalDate.parse(checked.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean httpsUrl(String text) {
    try {
      URI uri = new URI(text);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static void text(List<Problem> problems, String field, String value, int max, String m) {
    if (blank(value)) {
      problems.add(new Problem(field, m));
    } else if (value.strip().length() > max) {
      problems.add(new Problem(field, "Keep it to " + String.format("%,d", max) + " characters"));
    }
  }

  static String lower(String text) {
    return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
