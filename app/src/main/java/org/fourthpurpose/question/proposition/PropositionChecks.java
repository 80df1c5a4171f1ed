package org.fourthpurpose.question.proposition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.question.PartnerRole;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.PropositionStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a proposition as given against what it may refer to: a question of the workspace that is a
 * priority, organisations of its register, entries of the policy catalogue and places of the
 * system; and a status change against the workflow. Every problem is named by its field, and all
 * are found at once.
 */
@Component
class PropositionChecks {

  static final int TITLE_LIMIT = 200;
  static final int CLAUSE_LIMIT = 1000;
  static final int WHOM_LIMIT = 1000;
  static final int DECISION_LIMIT = 1000;
  static final int REASON_LIMIT = 2000;
  static final int MOST_PARTNERS = 50;
  static final int MOST_POLICIES = 50;
  static final int MOST_PLACES = 100;

  /** A pilot's cost: up to a billion pounds, in pounds and pence. */
  static final BigDecimal MOST_COST = new BigDecimal("1000000000");

  private static final Pattern MONEY = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?");
  private static final DateTimeFormatter UK =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final StepTwoSources sources;
  private final AnchorRegister register;
  private final PilotPlaces places;
  private final Clock clock;

  PropositionChecks(
      StepTwoSources sources, AnchorRegister register, PilotPlaces places, Clock clock) {
    this.sources = sources;
    this.register = register;
    this.places = places;
    this.clock = clock;
  }

  /** A proposition's checked values, ready to store. */
  record Checked(
      long questionId,
      String title,
      String ifWe,
      String then,
      String measuredBy,
      List<Proposition.Partner> partners,
      List<String> policies,
      Proposition.Pilot pilot) {

    /** A line for the audit log. */
    String summary() {
      return title
          + "; question "
          + questionId
          + "; "
          + new Proposition(
                  0,
                  "",
                  questionId,
                  title,
                  ifWe,
                  then,
                  measuredBy,
                  partners,
                  policies,
                  pilot,
                  PropositionStatus.IDEA,
                  0,
                  null,
                  null)
              .hypothesis()
          + (partners.isEmpty()
              ? ""
              : "; partners "
                  + partners.stream()
                      .map(p -> p.organisationId() + " " + p.role().code())
                      .collect(Collectors.joining(", ")))
          + (policies.isEmpty() ? "" : "; policies " + String.join(", ", policies))
          + (pilot.places().isEmpty() ? "" : "; places " + String.join(" ", pilot.places()))
          + (pilot.from() == null ? "" : "; from " + pilot.from())
          + (pilot.to() == null ? "" : " to " + pilot.to())
          + (pilot.cost() == null ? "" : "; cost £" + pilot.cost().toPlainString());
    }
  }

  /**
   * Checks a proposition for a workspace.
   *
   * @throws PropositionProblems naming every field at fault
   */
  Checked check(String icbCode, PropositionDraft d) {
    List<FieldProblem> problems = new ArrayList<>();
    long questionId = question(icbCode, d.questionId(), problems);
    String title =
        text(
            d.title(),
            "title",
            "The title",
            TITLE_LIMIT,
            "Give the proposition a short title",
            problems);
    String ifWe =
        text(
            d.ifWe(),
            "ifWe",
            "What the partners will do",
            CLAUSE_LIMIT,
            "Say what the partners will do (if we …)",
            problems);
    String then =
        text(
            d.then(),
            "then",
            "What you expect to change",
            CLAUSE_LIMIT,
            "Say what you expect to change (then …)",
            problems);
    String measuredBy =
        text(
            d.measuredBy(),
            "measuredBy",
            "How you will know",
            CLAUSE_LIMIT,
            "Say how you will know it worked (as measured by …)",
            problems);
    List<Proposition.Partner> partners = partners(icbCode, d.partners(), problems);
    List<String> policies = policies(d.policies(), problems);
    List<String> chosenPlaces = places(icbCode, d.places(), problems);
    String whom = strip(d.pilotWhom());
    if (whom.length() > WHOM_LIMIT) {
      problems.add(
          new FieldProblem(
              "pilotWhom", "Who the pilot is for must be " + WHOM_LIMIT + " characters or fewer"));
    }
    LocalDate from = date(d.pilotFrom(), "pilotFrom", "start", problems);
    LocalDate to = date(d.pilotTo(), "pilotTo", "end", problems);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new FieldProblem("pilotTo", "The pilot must end on or after the day it starts"));
    }
    BigDecimal cost = cost(d.pilotCost(), problems);
    if (!problems.isEmpty()) {
      throw new PropositionProblems(problems);
    }
    return new Checked(
        questionId,
        title,
        ifWe,
        then,
        measuredBy,
        partners,
        policies,
        new Proposition.Pilot(chosenPlaces, whom.isEmpty() ? null : whom, from, to, cost));
  }

  private long question(String icbCode, String given, List<FieldProblem> problems) {
    String q = strip(given);
    if (q.isEmpty()) {
      problems.add(new FieldProblem("questionId", "Choose the priority question it answers"));
      return 0;
    }
    long id;
    try {
      id = Long.parseLong(q);
    } catch (NumberFormatException e) {
      problems.add(
          new FieldProblem("questionId", "'" + shorten(q) + "' is not the id of a question"));
      return 0;
    }
    Optional<StepTwoSources.QuestionRef> found = sources.question(icbCode, id);
    if (found.isEmpty()) {
      problems.add(new FieldProblem("questionId", "This workspace has no question " + id));
    } else if (!found.get().priority()) {
      problems.add(
          new FieldProblem(
              "questionId",
              "Question "
                  + id
                  + " is not one of the agreed priorities: agree it as a priority first"));
    }
    return id;
  }

  private List<Proposition.Partner> partners(
      String icbCode, List<PropositionDraft.PartnerInput> given, List<FieldProblem> problems) {
    if (given.isEmpty()) {
      return List.of();
    }
    if (given.size() > MOST_PARTNERS) {
      problems.add(new FieldProblem("partners", "Name at most " + MOST_PARTNERS + " partners"));
      return List.of();
    }
    Map<Long, AnchorOrganisation> organisations = new LinkedHashMap<>();
    register.organisations(icbCode).forEach(o -> organisations.put(o.id(), o));
    Map<Long, Proposition.Partner> chosen = new LinkedHashMap<>();
    for (PropositionDraft.PartnerInput p : given) {
      String id = strip(p.organisationId());
      String field = "role-" + (id.matches("\\d{1,18}") ? id : "");
      if (field.equals("role-")) {
        problems.add(
            new FieldProblem("partners", "'" + shorten(id) + "' is not the id of an organisation"));
        continue;
      }
      long organisationId = Long.parseLong(id);
      if (!organisations.containsKey(organisationId)) {
        problems.add(
            new FieldProblem(
                "partners",
                "The workspace's anchor register has no organisation " + organisationId));
        continue;
      }
      Optional<PartnerRole> role = PartnerRole.find(p.role());
      if (role.isEmpty()) {
        problems.add(
            new FieldProblem(
                field,
                "'"
                    + shorten(strip(p.role()))
                    + "' is not a role: use lead, partner, funder, evaluator or adviser"));
        continue;
      }
      if (chosen.containsKey(organisationId)) {
        problems.add(
            new FieldProblem(
                field,
                organisations.get(organisationId).name()
                    + " is named twice: give each organisation one role"));
        continue;
      }
      chosen.put(organisationId, new Proposition.Partner(organisationId, role.get()));
    }
    return List.copyOf(chosen.values());
  }

  private List<String> policies(List<String> given, List<FieldProblem> problems) {
    Set<String> chosen = new LinkedHashSet<>();
    if (given.size() > MOST_POLICIES) {
      problems.add(
          new FieldProblem(
              "policies", "Choose at most " + MOST_POLICIES + " policies and programmes"));
      return List.of();
    }
    Set<String> known =
        sources.policies().stream().map(StepTwoSources.PolicyRef::id).collect(Collectors.toSet());
    for (String g : given) {
      String id = strip(g);
      if (id.isEmpty()) {
        continue;
      }
      if (!known.contains(id)) {
        problems.add(
            new FieldProblem(
                "policies",
                "'" + shorten(id) + "' is not a policy or funding programme of the catalogue"));
      } else {
        chosen.add(id);
      }
    }
    return List.copyOf(chosen);
  }

  private List<String> places(String icbCode, List<String> given, List<FieldProblem> problems) {
    if (given.size() > MOST_PLACES) {
      problems.add(new FieldProblem("places", "Choose at most " + MOST_PLACES + " places"));
      return List.of();
    }
    Map<String, PilotPlaces.Place> known = places.byCode(icbCode);
    Set<String> chosen = new LinkedHashSet<>();
    for (String g : given) {
      String code = strip(g).toUpperCase(java.util.Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      if (!known.containsKey(code)) {
        problems.add(
            new FieldProblem(
                "places",
                "'" + shorten(code) + "' is not a sub-ICB location or district of this system"));
      } else {
        chosen.add(code);
      }
    }
    return List.copyOf(chosen);
  }

  private LocalDate date(String given, String field, String which, List<FieldProblem> problems) {
    String text = strip(given);
    if (text.isEmpty()) {
      return null;
    }
    LocalDate date = parseDate(text).orElse(null);
    if (date == null) {
      problems.add(
          new FieldProblem(
              field,
              "'"
                  + shorten(text)
                  + "' is not a date: write the "
                  + which
                  + " as 2026-04-01 or 01/04/2026"));
      return null;
    }
    int year = LocalDate.now(clock).getYear();
    if (date.getYear() < 2000 || date.getYear() > year + 15) {
      problems.add(
          new FieldProblem(
              field, "The " + which + " date must be between 2000 and " + (year + 15)));
      return null;
    }
    return date;
  }

  static Optional<LocalDate> parseDate(String text) {
    try {
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(text));
      }
      if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        return Optional.of(LocalDate.parse(text, UK));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static BigDecimal cost(String given, List<FieldProblem> problems) {
    String text = strip(given);
    if (text.isEmpty()) {
      return null;
    }
    String amount = text.startsWith("£") ? text.substring(1).strip() : text;
    if (GROUPED.matcher(amount).matches()) {
      amount = amount.replace(",", "");
    }
    if (!MONEY.matcher(amount).matches()) {
      problems.add(
          new FieldProblem(
              "pilotCost",
              "'"
                  + shorten(text)
                  + "' is not an amount in pounds: write it as 12500, 12500.50 or £12,500"));
      return null;
    }
    BigDecimal cost = new BigDecimal(amount).setScale(2);
    if (cost.compareTo(MOST_COST) > 0) {
      problems.add(new FieldProblem("pilotCost", "The cost must be £1,000,000,000 or less"));
      return null;
    }
    return cost;
  }

  /**
   * Checks a move to another status.
   *
   * @param seen the status the person saw when they chose, or null to take the current one
   * @throws PropositionProblems for a move the workflow does not allow, a missing decision or
   *     reason, or what the new status needs and the proposition lacks
   */
  Move checkMove(Proposition p, String to, String decision, String reason) {
    List<FieldProblem> problems = new ArrayList<>();
    String toText = strip(to);
    PropositionStatus target = PropositionStatus.find(toText).orElse(null);
    if (toText.isEmpty()) {
      problems.add(new FieldProblem("to", "Choose the status it moves to"));
    } else if (target == null) {
      problems.add(
          new FieldProblem(
              "to",
              "'"
                  + shorten(toText)
                  + "' is not a status: use idea, agreed, piloting, evaluated, scaled or stopped"));
    } else if (!p.status().next().contains(target)) {
      problems.add(
          new FieldProblem(
              "to",
              p.status().ended()
                  ? "The proposition is "
                      + p.status().label().toLowerCase()
                      + ": its status cannot change"
                  : "A proposition that is "
                      + p.status().label().toLowerCase()
                      + " can move only to "
                      + p.status().next().stream()
                          .map(s -> s.label().toLowerCase())
                          .collect(Collectors.joining(" or "))));
    } else if (target == PropositionStatus.AGREED
        && p.partners().stream().noneMatch(x -> x.role() == PartnerRole.LEAD)) {
      problems.add(
          new FieldProblem(
              "to",
              "Name a lead partner before the proposition is agreed (change the proposition)"));
    } else if (target == PropositionStatus.PILOTING
        && (p.pilot().places().isEmpty() || p.pilot().from() == null)) {
      problems.add(
          new FieldProblem(
              "to",
              "Say where the pilot runs and when it starts before it is piloted (change the"
                  + " proposition)"));
    }
    String d =
        text(
            decision, "decision", "The decision", DECISION_LIMIT, "Say what was decided", problems);
    String r =
        text(reason, "reason", "The reason", REASON_LIMIT, "Say why it was decided", problems);
    if (!problems.isEmpty()) {
      throw new PropositionProblems(problems);
    }
    return new Move(p.status(), target, d, r);
  }

  /** A checked move. */
  record Move(PropositionStatus from, PropositionStatus to, String decision, String reason) {}

  private static String text(
      String given,
      String field,
      String label,
      int limit,
      String missing,
      List<FieldProblem> problems) {
    String text = strip(given);
    if (text.isEmpty()) {
      problems.add(new FieldProblem(field, missing));
    } else if (text.length() > limit) {
      problems.add(new FieldProblem(field, label + " must be " + limit + " characters or fewer"));
    }
    return text;
  }

  static String strip(String text) {
    return text == null ? "" : text.strip();
  }

  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
