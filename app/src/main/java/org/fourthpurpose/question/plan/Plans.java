package org.fourthpurpose.question.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.MeasureSummary;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.maturity.AssessmentRound;
import org.fourthpurpose.maturity.AssessmentService;
import org.fourthpurpose.maturity.FocusArea;
import org.fourthpurpose.maturity.Milestone;
import org.fourthpurpose.maturity.MilestoneService;
import org.fourthpurpose.maturity.MilestoneStatus;
import org.fourthpurpose.maturity.RoundScope;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.profile.IcsProfile;
import org.fourthpurpose.profile.IcsProfiles;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.PropositionStatus;
import org.fourthpurpose.question.Propositions;
import org.fourthpurpose.question.proposition.PropositionMeasures;
import org.fourthpurpose.question.proposition.PropositionView;
import org.fourthpurpose.question.proposition.StepTwoSources;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.web.PublicPagesChanged;
import org.fourthpurpose.web.WorkspaceChanged;
import org.fourthpurpose.web.WorkspaceMemo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts a workspace's fourth-purpose plan together from what the partnership has recorded: the needs
 * of its ICS profile against England (the profile's own ranked summary points, national indicators
 * only), its agreed priority questions, its propositions, its impact measures, the milestones of
 * its latest maturity round and its relationship audits. The caller checks that the person may view
 * the workspace. The needs change only with reference data and are kept per system until it is
 * reloaded; the rest is read afresh each time, so the plan is never behind.
 */
@Service
public class Plans {

  /** The most needs the plan lists (the profile's own narrative has at most five). */
  static final int MOST_NEEDS = 5;

  private final Geography geography;
  private final Propositions propositions;
  private final PropositionView view;
  private final StepTwoSources sources;
  private final IndicatorCatalogue catalogue;
  private final IcsProfiles profiles;
  private final PropositionMeasures measures;
  private final AssessmentService rounds;
  private final MilestoneService milestones;
  private final ObjectProvider<PartnerViews> audits;
  private final Clock clock;
  private final Map<String, List<Plan.Need>> needs = new ConcurrentHashMap<>();
  private final WorkspaceMemo<Plan> plans = new WorkspaceMemo<>();

  Plans(
      Geography geography,
      Propositions propositions,
      PropositionView view,
      StepTwoSources sources,
      IndicatorCatalogue catalogue,
      IcsProfiles profiles,
      PropositionMeasures measures,
      AssessmentService rounds,
      MilestoneService milestones,
      ObjectProvider<PartnerViews> audits,
      Clock clock) {
    this.geography = geography;
    this.propositions = propositions;
    this.view = view;
    this.sources = sources;
    this.catalogue = catalogue;
    this.profiles = profiles;
    this.measures = measures;
    this.rounds = rounds;
    this.milestones = milestones;
    this.audits = audits;
    this.clock = clock;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    needs.clear();
    plans.forgetAll();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onWorkspaceChanged(WorkspaceChanged event) {
    plans.forget(event.icbCode());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onPublicPagesChanged(PublicPagesChanged event) {
    // A restored backup, among others.
    plans.forgetAll();
  }

  /**
   * The plan of a workspace as it stands now. It is worked out once and kept until the workspace
   * changes (every change is audited, and the audit log says so with {@link WorkspaceChanged}) or
   * the day turns (milestones fall due).
   */
  public Plan plan(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    Instant now = clock.instant();
    return plans.get(icb.code(), PropositionView.day(now), () -> plan(icb, now));
  }

  private Plan plan(IntegratedCareBoard icb, Instant now) {
    List<StepTwoSources.QuestionRef> questions = sources.questions(icb.code());
    List<Proposition> all = propositions.propositions(icb.code());
    List<PropositionView.Shown> shown = view.show(icb.code(), oldestFirst(all));
    Map<Long, String> titles =
        all.stream().collect(Collectors.toMap(Proposition::id, Proposition::title));

    List<Plan.Question> priorities = new ArrayList<>();
    for (StepTwoSources.QuestionRef q : questions) {
      if (!q.priority()) {
        continue;
      }
      priorities.add(
          new Plan.Question(
              q.id(),
              q.rank(),
              catalogue.theme(q.theme()).map(t -> t.title()).orElse(q.theme()),
              q.text(),
              q.rationale(),
              q.indicatorCodes().stream()
                  .map(
                      c ->
                          new Plan.Evidence(
                              c, catalogue.indicator(c).map(Indicator::title).orElse(c)))
                  .toList(),
              (int) all.stream().filter(p -> p.questionId() == q.id()).count()));
    }
    priorities.sort(
        Comparator.comparing((Plan.Question q) -> q.rank() == null ? Integer.MAX_VALUE : q.rank()));

    List<Plan.PlanProposition> planned = shown.stream().map(Plans::proposition).toList();
    List<Plan.Measure> measureLines =
        measures.forWorkspace(icb.code()).stream().map(m -> measure(m, titles)).toList();
    Plan.Milestones milestoneLines = milestones(icb.code(), now);
    List<Plan.Audit> auditLines =
        Optional.ofNullable(audits.getIfAvailable())
            .map(a -> a.summaries(icb.code()))
            .orElse(List.of());
    List<Plan.Need> needLines = needs(icb);
    return new Plan(
        icb.code(),
        icb.shortName(),
        now.toString(),
        PropositionView.day(now),
        summary(needLines, priorities, all, shown, measureLines, milestoneLines, auditLines),
        needLines,
        priorities,
        planned,
        measureLines,
        milestoneLines,
        auditLines);
  }

  private static List<Proposition> oldestFirst(List<Proposition> all) {
    return all.stream().sorted(Comparator.comparingLong(Proposition::id)).toList();
  }

  /** The profile's needs against England, national indicators only. */
  List<Plan.Need> needs(IntegratedCareBoard icb) {
    return needs.computeIfAbsent(
        icb.code(),
        code -> {
          IcsProfile profile = profiles.profile(icb, ComparatorChoice.ENGLAND, null);
          return profile.narrative().stream()
              .filter(h -> h.kind().equals("needs"))
              .flatMap(h -> h.points().stream())
              .filter(p -> p.row().indicator().isPublic())
              .limit(MOST_NEEDS)
              .map(
                  p ->
                      new Plan.Need(
                          p.row().indicator().id(), p.row().indicator().title(), p.text()))
              .toList();
        });
  }

  private static Plan.PlanProposition proposition(PropositionView.Shown s) {
    Proposition p = s.proposition();
    return new Plan.PlanProposition(
        p.id(),
        p.title(),
        p.hypothesis(),
        p.status().code(),
        p.status().label(),
        s.question() == null ? null : s.question().text(),
        s.partners().stream().map(x -> new Plan.Partner(x.shown(), x.roleLabel())).toList(),
        s.levers().stream().map(Plans::policy).toList(),
        s.funding().stream().map(Plans::policy).toList(),
        s.places(),
        p.pilot().whom(),
        s.period(),
        s.cost(),
        s.warnings());
  }

  private static Plan.Policy policy(PropositionView.PolicyLine l) {
    return new Plan.Policy(
        l.name() == null ? l.id() : l.name(),
        l.kindLabel(),
        l.statusLabel(),
        l.checkedOn(),
        l.url(),
        l.closedFunding());
  }

  static Plan.Measure measure(MeasureSummary m, Map<Long, String> titles) {
    String linked = null;
    if (m.linkKind() != null) {
      linked =
          switch (m.linkKind()) {
            case "proposition" ->
                "Proposition: "
                    + (m.linkId() == null
                        ? "unknown"
                        : titles.getOrDefault(m.linkId(), "no longer in the plan"));
            case "anchor-commitment" -> "Anchor commitment";
            case "maturity-milestone" -> "Maturity milestone";
            case "indicator" -> "Indicator " + (m.linkCode() == null ? "" : m.linkCode());
            default -> m.linkKind();
          };
    }
    return new Plan.Measure(
        m.name(),
        m.unit(),
        linked,
        m.latestValue() == null ? null : number(m.latestValue()),
        m.latestPeriod() == null ? null : PropositionView.day(m.latestPeriod()),
        m.target() == null
            ? null
            : number(m.target())
                + (m.targetDate() == null ? "" : " by " + PropositionView.day(m.targetDate())),
        m.latestVariation(),
        variationLabel(m.latestVariation()),
        m.latestAssurance(),
        assuranceLabel(m.latestAssurance()),
        m.reading());
  }

  static String number(double value) {
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.UK);
    f.setMaximumFractionDigits(2);
    return f.format(value);
  }

  static String variationLabel(String code) {
    if (code == null) {
      return "Too few values";
    }
    return switch (code) {
      case "common_cause" -> "Common cause variation";
      case "special_cause_improvement" -> "Special cause: improvement";
      case "special_cause_concern" -> "Special cause: concern";
      case "special_cause_neutral_high" -> "Special cause: higher";
      case "special_cause_neutral_low" -> "Special cause: lower";
      default -> code.replace('_', ' ');
    };
  }

  static String assuranceLabel(String code) {
    if (code == null) {
      return "No target assurance";
    }
    return switch (code) {
      case "consistent_pass" -> "Consistently meets the target";
      case "consistent_fail" -> "Consistently misses the target";
      case "inconsistent" -> "May or may not meet the target";
      default -> code.replace('_', ' ');
    };
  }

  private Plan.Milestones milestones(String icbCode, Instant now) {
    List<AssessmentRound> all = rounds.rounds(icbCode);
    if (all.isEmpty()) {
      return new Plan.Milestones(null, 0, 0, 0, List.of());
    }
    AssessmentRound latest =
        all.stream().max(Comparator.comparing(AssessmentRound::openedAt)).orElseThrow();
    RoundScope scope = rounds.round(icbCode, latest.id());
    LocalDate today = milestones.today();
    List<Milestone> list = milestones.milestones(icbCode, latest.id());
    List<Plan.Milestone> items = new ArrayList<>();
    for (Milestone m : list) {
      items.add(
          new Plan.Milestone(
              scope.area(m.areaId()).map(FocusArea::title).orElse(m.areaId()),
              m.targetLevel().label(),
              m.action(),
              m.owner(),
              PropositionView.day(m.dueDate()),
              m.status().label(),
              m.overdueOn(today)));
    }
    int done = (int) list.stream().filter(m -> m.status() == MilestoneStatus.DONE).count();
    int overdue = (int) list.stream().filter(m -> m.overdueOn(today)).count();
    return new Plan.Milestones(latest.name(), list.size(), done, overdue, items);
  }

  /** At most six points, each a sentence, in the order the plan's sections come. */
  static List<String> summary(
      List<Plan.Need> needs,
      List<Plan.Question> priorities,
      List<Proposition> all,
      List<PropositionView.Shown> shown,
      List<Plan.Measure> measures,
      Plan.Milestones milestones,
      List<Plan.Audit> audits) {
    List<String> points = new ArrayList<>();
    if (needs.isEmpty()) {
      points.add("The ICS profile shows no indicator significantly worse than England.");
    } else {
      points.add(
          "The greatest need in the ICS profile: "
              + needs.get(0).title()
              + (needs.size() > 1
                  ? ", and " + (needs.size() - 1) + " more of the profile's needs listed below."
                  : "."));
    }
    if (priorities.isEmpty()) {
      points.add("No priority questions agreed yet.");
    } else {
      points.add(
          count(priorities.size(), "priority question", "priority questions")
              + " agreed; the first: "
              + priorities.get(0).text());
    }
    if (all.isEmpty()) {
      points.add("No testable propositions yet.");
    } else {
      Map<PropositionStatus, Long> byStatus = new java.util.EnumMap<>(PropositionStatus.class);
      all.forEach(p -> byStatus.merge(p.status(), 1L, Long::sum));
      java.math.BigDecimal cost =
          all.stream()
              .filter(p -> p.status() != PropositionStatus.STOPPED && p.pilot().cost() != null)
              .map(p -> p.pilot().cost())
              .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
      Set<String> partners = new LinkedHashSet<>();
      shown.stream()
          .filter(s -> s.proposition().status() != PropositionStatus.STOPPED)
          .forEach(s -> s.partners().forEach(x -> partners.add(x.shown())));
      points.add(
          count(all.size(), "testable proposition", "testable propositions")
              + " ("
              + byStatus.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))
              + ")"
              + (partners.isEmpty()
                  ? ""
                  : ", with "
                      + count(partners.size(), "partner organisation", "partner organisations"))
              + (cost.signum() == 0
                  ? "."
                  : "; pilots costed at "
                      + PropositionView.money(cost)
                      + " in all (stopped ones left out)."));
    }
    long closed =
        shown.stream()
            .filter(s -> !s.proposition().status().ended())
            .flatMap(s -> s.funding().stream())
            .filter(PropositionView.PolicyLine::closedFunding)
            .count();
    if (closed > 0) {
      points.add(
          count((int) closed, "funding programme", "funding programmes")
              + " a live proposition relies on "
              + (closed == 1 ? "is" : "are")
              + " closed: see the propositions below.");
    }
    if (measures.isEmpty()) {
      points.add("No impact measures yet.");
    } else {
      long improving =
          measures.stream().filter(m -> "special_cause_improvement".equals(m.variation())).count();
      long concern =
          measures.stream().filter(m -> "special_cause_concern".equals(m.variation())).count();
      long tooFew = measures.stream().filter(m -> m.variation() == null).count();
      points.add(
          count(measures.size(), "impact measure", "impact measures")
              + ": "
              + improving
              + " showing improvement, "
              + concern
              + " a concern, "
              + tooFew
              + " with too few values for a chart yet.");
    }
    if (milestones.round() == null) {
      points.add("No maturity assessment yet, so no milestones.");
    } else {
      points.add(
          "Maturity round "
              + milestones.round()
              + ": "
              + milestones.done()
              + " of "
              + count(milestones.total(), "milestone", "milestones")
              + " done, "
              + milestones.overdue()
              + " overdue.");
    }
    if (!audits.isEmpty()) {
      Plan.Audit a = audits.get(0);
      points.add(
          "Relationship audit \""
              + a.title()
              + "\": "
              + (a.respondents() == null
                  ? "fewer than 5 partners have responded so far"
                  : count(a.respondents(), "partner responded", "partners responded"))
              + ".");
    }
    return points;
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The need's indicator titles by id, for tests. */
  static Map<String, String> titles(List<Plan.Need> needs) {
    Map<String, String> t = new HashMap<>();
    needs.forEach(n -> t.put(n.indicatorId(), n.title()));
    return t;
  }
}
