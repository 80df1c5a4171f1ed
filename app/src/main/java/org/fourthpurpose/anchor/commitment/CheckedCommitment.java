package org.fourthpurpose.anchor.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.register.FieldProblem;

/** A commitment whose every field has been checked, ready to store. */
record CheckedCommitment(
    Long strategyId,
    Pillar pillar,
    String promise,
    List<String> themes,
    List<String> indicators,
    String baseline,
    String target,
    LocalDate targetDate,
    String measure,
    String metricCode,
    String owner,
    String evidence,
    CommitmentStatus status) {

  static final int PROMISE_LIMIT = 4000;
  static final int SHORT_LIMIT = 500;
  static final int OWNER_LIMIT = 200;
  static final int EVIDENCE_LIMIT = 2000;

  /** A reporting metric's code, such as NT1 (National TOMs) or MAC2.1 (Social Value Model). */
  static final Pattern METRIC_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");

  /** What the check needs to know of the workspace. */
  interface Context {
    /** Whether the strategy belongs to the organisation the commitment is for. */
    boolean strategyOfOrganisation(long strategyId);

    Set<String> themeCodes();

    Set<String> indicatorCodes();
  }

  static CheckedCommitment check(
      CommitmentDraft draft, Context context, List<FieldProblem> problems) {
    int before = problems.size();
    Long strategyId = null;
    String strategy = strip(draft.strategyId());
    if (!strategy.isEmpty()) {
      try {
        strategyId = Long.parseLong(strategy);
        if (!context.strategyOfOrganisation(strategyId)) {
          problems.add(
              new FieldProblem(
                  "strategyId", "Choose one of this organisation's strategies, or none"));
        }
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem(
                "strategyId", "Choose one of this organisation's strategies, or none"));
      }
    }
    Pillar pillar = null;
    String pillarCode = strip(draft.pillar());
    if (pillarCode.isEmpty()) {
      problems.add(new FieldProblem("pillar", "Choose the pillar the commitment comes under"));
    } else {
      pillar = Pillar.find(pillarCode).orElse(null);
      if (pillar == null) {
        problems.add(
            new FieldProblem(
                "pillar",
                "'"
                    + shorten(pillarCode)
                    + "' is not a pillar: use employment, procurement, estates, environment or"
                    + " partner-in-place"));
      }
    }
    String promise = strip(draft.promise());
    if (promise.isEmpty()) {
      problems.add(new FieldProblem("promise", "Say what exactly is promised"));
    } else if (promise.length() > PROMISE_LIMIT) {
      problems.add(
          new FieldProblem(
              "promise", "The promise must be " + PROMISE_LIMIT + " characters or fewer"));
    }
    List<String> themes =
        codes(draft.themes(), context.themeCodes(), "themes", "a Step 1 theme", problems);
    List<String> indicators =
        codes(draft.indicators(), context.indicatorCodes(), "indicators", "an indicator", problems);
    String baseline = limited(draft.baseline(), "baseline", "The baseline", SHORT_LIMIT, problems);
    String target = limited(draft.target(), "target", "The target", SHORT_LIMIT, problems);
    LocalDate targetDate = null;
    String date = strip(draft.targetDate());
    if (!date.isEmpty()) {
      targetDate = Dates.parse(date).orElse(null);
      if (targetDate == null) {
        problems.add(
            new FieldProblem(
                "targetDate",
                "'" + shorten(date) + "' is not a date: write it as 2027-03-31 or 31/03/2027"));
      } else if (targetDate.getYear() < 2000 || targetDate.getYear() > 2100) {
        problems.add(
            new FieldProblem("targetDate", "The target date must be between 2000 and 2100"));
        targetDate = null;
      }
    }
    String measure = limited(draft.measure(), "measure", "The measure", SHORT_LIMIT, problems);
    String metric = strip(draft.metricCode());
    if (!metric.isEmpty() && !METRIC_CODE.matcher(metric).matches()) {
      problems.add(
          new FieldProblem(
              "metricCode",
              "A metric code is up to 60 letters, digits, dots, hyphens and underscores, such as"
                  + " NT1 or MAC2.1"));
    }
    String owner = limited(draft.owner(), "owner", "The owner", OWNER_LIMIT, problems);
    String evidence =
        limited(draft.evidence(), "evidence", "The evidence", EVIDENCE_LIMIT, problems);
    CommitmentStatus status = CommitmentStatus.PLANNED;
    String statusCode = strip(draft.status());
    if (!statusCode.isEmpty()) {
      status = CommitmentStatus.find(statusCode).orElse(null);
      if (status == null) {
        problems.add(
            new FieldProblem(
                "status",
                "'"
                    + shorten(statusCode)
                    + "' is not a status: use planned, under-way, achieved or lapsed"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new CheckedCommitment(
        strategyId,
        pillar,
        promise,
        themes,
        indicators,
        baseline,
        target,
        targetDate,
        measure,
        metric.isEmpty() ? null : metric,
        owner,
        evidence,
        status);
  }

  private static List<String> codes(
      List<String> given,
      Set<String> known,
      String field,
      String what,
      List<FieldProblem> problems) {
    Set<String> codes = new LinkedHashSet<>();
    for (String raw : given) {
      for (String part : raw.split("[,;\\s]+")) {
        String code = part.strip().toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
          continue;
        }
        if (!known.contains(code)) {
          problems.add(
              new FieldProblem(
                  field, "'" + shorten(part.strip()) + "' is not the code of " + what));
          return List.of();
        }
        codes.add(code);
      }
    }
    return new ArrayList<>(codes);
  }

  private static String limited(
      String text, String field, String what, int limit, List<FieldProblem> problems) {
    String t = strip(text);
    if (t.length() > limit) {
      problems.add(new FieldProblem(field, what + " must be " + limit + " characters or fewer"));
    }
    return t.isEmpty() ? null : t;
  }

  static String strip(String text) {
    return text == null ? "" : text.strip();
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
