package org.fourthpurpose.question.plan;

import java.util.List;

/**
 * A workspace's fourth-purpose plan as pages, the PDF and the API show it, and as a published
 * snapshot keeps it: a summary of a handful of points, the needs from Step 1, the prioritised
 * questions, the testable propositions with partners and funding, the measures with their latest
 * statistical process control reading, the maturity milestones and the relationship audit. Every
 * value is already in words or ISO dates, so that a snapshot reads back exactly as it was.
 *
 * @param generatedAt when it was put together (ISO instant)
 * @param generatedOn the same as a date in words, e.g. "30 November 2026"
 */
public record Plan(
    String icbCode,
    String icbName,
    String generatedAt,
    String generatedOn,
    List<String> summary,
    List<Need> needs,
    List<Question> questions,
    List<PlanProposition> propositions,
    List<Measure> measures,
    Milestones milestones,
    List<Audit> audits) {

  public Plan {
    summary = List.copyOf(summary);
    needs = List.copyOf(needs);
    questions = List.copyOf(questions);
    propositions = List.copyOf(propositions);
    measures = List.copyOf(measures);
    audits = audits == null ? List.of() : List.copyOf(audits);
  }

  /** One need from the ICS profile: the indicator and the profile's sentence about it. */
  public record Need(String indicatorId, String title, String text) {}

  /** An indicator evidencing a question. */
  public record Evidence(String indicatorId, String title) {}

  /** An agreed priority question with its rationale. */
  public record Question(
      long id,
      Integer rank,
      String theme,
      String text,
      String rationale,
      List<Evidence> evidence,
      int propositions) {
    public Question {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
  }

  /** A partner of a proposition and its role. */
  public record Partner(String name, String role) {}

  /** A policy lever or funding programme of a proposition, with its status and date checked. */
  public record Policy(
      String name, String kind, String status, String checkedOn, String url, boolean closed) {}

  /** A testable proposition as the plan shows it. */
  public record PlanProposition(
      long id,
      String title,
      String hypothesis,
      String status,
      String statusLabel,
      String question,
      List<Partner> partners,
      List<Policy> levers,
      List<Policy> funding,
      List<String> places,
      String whom,
      String period,
      String cost,
      List<String> warnings) {
    public PlanProposition {
      partners = List.copyOf(partners);
      levers = List.copyOf(levers);
      funding = List.copyOf(funding);
      places = List.copyOf(places);
      warnings = List.copyOf(warnings);
    }

    /** The partners in one line: "Name (lead); Name (funder)". */
    public String partnerText() {
      return partners.isEmpty()
          ? "None named yet"
          : String.join(
              "; ",
              partners.stream().map(x -> x.name() + " (" + x.role().toLowerCase() + ")").toList());
    }

    public String leverText() {
      return policies(levers);
    }

    public String fundingText() {
      return policies(funding);
    }

    /** Where, for whom, when and at what cost, in one line. */
    public String pilotText() {
      return (places.isEmpty() ? "PilotPlaces not decided" : String.join(", ", places))
          + (whom == null ? "" : "; for " + whom)
          + (period == null ? "" : "; " + period)
          + (cost == null ? "; cost not estimated" : "; cost " + cost);
    }

    private static String policies(List<Policy> list) {
      return list.isEmpty()
          ? "None linked"
          : String.join(
              "; ",
              list.stream()
                  .map(
                      x ->
                          x.name()
                              + " ("
                              + x.status().toLowerCase()
                              + (x.checkedOn() == null ? "" : ", checked " + x.checkedOn())
                              + ")")
                  .toList());
    }
  }

  /**
   * A measure with its latest reading.
   *
   * @param variation the Making Data Count variation code of the latest point, or null
   * @param assurance the assurance code, or null
   * @param variationLabel the variation in words ("Special cause improvement"), or "Too few values"
   */
  public record Measure(
      String name,
      String unit,
      String linkedTo,
      String latestValue,
      String latestPeriod,
      String target,
      String variation,
      String variationLabel,
      String assurance,
      String assuranceLabel,
      String reading) {}

  /**
   * The milestones of the latest maturity round.
   *
   * @param round the round's name, or null when the workspace has no round
   */
  public record Milestones(String round, int total, int done, int overdue, List<Milestone> items) {
    public Milestones {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** A maturity milestone. */
  public record Milestone(
      String area,
      String targetLevel,
      String action,
      String owner,
      String due,
      String status,
      boolean overdue) {}

  /**
   * A relationship audit in summary: only what its results show without identifying anyone.
   *
   * @param respondents how many responded; null while fewer than five have (never shown below five)
   * @param points its headline findings in words (never from fewer than five respondents)
   */
  public record Audit(String title, String status, Integer respondents, List<String> points) {
    public Audit {
      points = points == null ? List.of() : List.copyOf(points);
    }
  }
}
