package org.fourthpurpose.question.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.fourthpurpose.question.audit.AuditResults.Group;
import org.fourthpurpose.question.audit.AuditResults.QuestionResult;
import org.fourthpurpose.question.audit.AuditResults.SectorGroup;
import org.fourthpurpose.question.audit.AuditResults.ValueCount;

/**
 * Disclosure control for relationship audit results: which figures may be shown so that no figure
 * describes fewer than {@link #MINIMUM} people, and no subtraction of shown figures does either.
 *
 * <p>The figures form one level of breakdown: each sector, and all sectors together (the overall),
 * which is their sum. Subtracting every shown sector from the overall gives the sum of the hidden
 * ones, so the rule is applied twice, once to respondents and once to each question's answers:
 *
 * <ol>
 *   <li><b>Primary:</b> a sector with fewer than 5 respondents is hidden; within a shown sector, a
 *       question fewer than 5 answered is hidden (a skipped question changes the count).
 *   <li><b>Secondary:</b> if the hidden cells add up to between 1 and 4 people, the overall would
 *       give them away by subtraction, so the smallest shown cell is hidden too, until the hidden
 *       ones add up to none or at least 5.
 *   <li>The overall is shown when at least 5 responded (for a question: answered).
 * </ol>
 *
 * A hidden cell carries no count at all, so counts cannot be subtracted either. Free text is shown
 * only for shown cells (so in groups of 5 or more), after names and emails are removed, in
 * alphabetical order. Pure: no Spring, no database.
 */
public final class AuditDisclosure {

  /** The fewest people a shown figure may describe. */
  public static final int MINIMUM = 5;

  static final String FEW_RESPONDENTS =
      "Fewer than 5 people in this sector have responded, so none of its answers are shown.";
  static final String SECONDARY_SECTOR =
      "Hidden although 5 or more responded: with the smaller sectors hidden, this sector's"
          + " figures subtracted from the overall would reveal theirs.";
  static final String FEW_OVERALL =
      "Fewer than 5 people have responded in all, so no results are shown yet.";
  static final String FEW_ANSWERS = "Fewer than 5 answered this question here.";
  static final String SECONDARY_QUESTION =
      "Hidden although 5 or more answered here: otherwise subtracting it from the overall would"
          + " reveal the answers of fewer than 5 people elsewhere.";

  private AuditDisclosure() {}

  /**
   * The results that may be shown.
   *
   * @param questions the audit's questions, in order
   * @param sectors the sectors to list (those sent links), in order; sectors of responses not
   *     listed are added at the end
   * @param labels the name of each sector code
   * @param responses every response
   * @param redact removes names and emails from a free-text answer
   */
  public static AuditResults results(
      List<AuditQuestion> questions,
      List<String> sectors,
      UnaryOperator<String> labels,
      List<AuditResponse> responses,
      UnaryOperator<String> redact) {
    Set<String> order = new LinkedHashSet<>(sectors);
    responses.forEach(r -> order.add(r.sector()));
    Map<String, List<AuditResponse>> bySector = new LinkedHashMap<>();
    order.forEach(s -> bySector.put(s, new ArrayList<>()));
    responses.forEach(r -> bySector.get(r.sector()).add(r));
    List<String> sectorCodes = List.copyOf(order);

    int everyone = responses.size();
    boolean overallShown = everyone >= MINIMUM;
    Map<String, String> sectorHidden = new LinkedHashMap<>();
    Map<String, Integer> sectorCount = new LinkedHashMap<>();
    for (String s : sectorCodes) {
      int n = bySector.get(s).size();
      sectorCount.put(s, n);
      if (n < MINIMUM) {
        sectorHidden.put(s, FEW_RESPONDENTS);
      }
    }
    hideUntilSafe(sectorCodes, sectorCount, sectorHidden, SECONDARY_SECTOR);

    // Per question: which shown sectors show it.
    Map<Long, Map<String, String>> questionHidden = new LinkedHashMap<>();
    for (AuditQuestion q : questions) {
      Map<String, Integer> answered = new LinkedHashMap<>();
      Map<String, String> hidden = new LinkedHashMap<>();
      for (String s : sectorCodes) {
        if (sectorHidden.containsKey(s)) {
          continue;
        }
        int a = answered(bySector.get(s), q);
        answered.put(s, a);
        if (a < MINIMUM) {
          hidden.put(s, FEW_ANSWERS);
        }
      }
      // The overall's answers less every shown sector's: the hidden cells (and hidden sectors).
      int all = answered(responses, q);
      int shownSum =
          answered.entrySet().stream()
              .filter(e -> !hidden.containsKey(e.getKey()))
              .mapToInt(Map.Entry::getValue)
              .sum();
      int residual = all - shownSum;
      while (overallShown && residual > 0 && residual < MINIMUM) {
        String smallest = smallestShown(answered, hidden);
        if (smallest == null) {
          break;
        }
        hidden.put(smallest, SECONDARY_QUESTION);
        residual += answered.get(smallest);
      }
      questionHidden.put(q.id(), hidden);
    }

    List<QuestionResult> overallQuestions = new ArrayList<>();
    if (overallShown) {
      for (AuditQuestion q : questions) {
        int all = answered(responses, q);
        overallQuestions.add(
            all >= MINIMUM
                ? shown(q, responses, redact)
                : hiddenQuestion(q, FEW_ANSWERS.replace(" here", " in all")));
      }
    }
    Group overall = new Group(!overallShown, overallShown ? null : FEW_OVERALL, overallQuestions);

    List<SectorGroup> groups = new ArrayList<>();
    for (String s : sectorCodes) {
      String reason = sectorHidden.get(s);
      if (reason != null) {
        groups.add(new SectorGroup(s, labels.apply(s), null, true, reason, List.of()));
        continue;
      }
      List<QuestionResult> qs = new ArrayList<>();
      for (AuditQuestion q : questions) {
        String hiddenReason = questionHidden.get(q.id()).get(s);
        qs.add(
            hiddenReason == null
                ? shown(q, bySector.get(s), redact)
                : hiddenQuestion(q, hiddenReason));
      }
      groups.add(new SectorGroup(s, labels.apply(s), sectorCount.get(s), false, null, qs));
    }
    return new AuditResults(
        overallShown ? everyone : null, MINIMUM, overall, groups, notes(overall, groups));
  }

  /**
   * Hides the smallest shown cells until the hidden ones add up to none or at least {@link
   * #MINIMUM}: the secondary suppression that stops subtraction from the overall.
   */
  private static void hideUntilSafe(
      List<String> codes, Map<String, Integer> counts, Map<String, String> hidden, String why) {
    int residual = codes.stream().filter(hidden::containsKey).mapToInt(counts::get).sum();
    while (residual > 0 && residual < MINIMUM) {
      String smallest = smallestShown(counts, hidden);
      if (smallest == null) {
        return;
      }
      hidden.put(smallest, why);
      residual += counts.get(smallest);
    }
  }

  /** The shown cell with the fewest people (the first listed on a tie), or null. */
  private static String smallestShown(Map<String, Integer> counts, Map<String, String> hidden) {
    return counts.entrySet().stream()
        .filter(e -> !hidden.containsKey(e.getKey()))
        .min(Comparator.comparingInt(Map.Entry::getValue))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static int answered(List<AuditResponse> responses, AuditQuestion q) {
    int n = 0;
    for (AuditResponse r : responses) {
      if (r.answers().containsKey(q.id())) {
        n++;
      }
    }
    return n;
  }

  private static QuestionResult hiddenQuestion(AuditQuestion q, String reason) {
    return new QuestionResult(
        q.id(), q.type(), q.text(), q.appetite(), null, true, reason, null, List.of(), List.of());
  }

  private static QuestionResult shown(
      AuditQuestion q, List<AuditResponse> group, UnaryOperator<String> redact) {
    List<Object> values = new ArrayList<>();
    for (AuditResponse r : group) {
      Object v = r.answers().get(q.id());
      if (v != null) {
        values.add(v);
      }
    }
    Double mean = null;
    List<ValueCount> counts = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    switch (q.kind()) {
      case SCALE -> {
        int[] tally = new int[6];
        long sum = 0;
        for (Object v : values) {
          int value = (Integer) v;
          tally[value]++;
          sum += value;
        }
        for (int value = 1; value <= 5; value++) {
          counts.add(new ValueCount(String.valueOf(value), tally[value]));
        }
        mean = Math.round(100.0 * sum / values.size()) / 100.0;
      }
      case CHOICE -> {
        Map<String, Integer> tally = new LinkedHashMap<>();
        q.options().forEach(o -> tally.put(o, 0));
        for (Object v : values) {
          tally.merge((String) v, 1, Integer::sum);
        }
        tally.forEach((option, count) -> counts.add(new ValueCount(option, count)));
      }
      case TEXT -> {
        for (Object v : values) {
          texts.add(redact.apply((String) v));
        }
        texts.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
      }
    }
    return new QuestionResult(
        q.id(),
        q.type(),
        q.text(),
        q.appetite(),
        values.size(),
        false,
        null,
        mean,
        List.copyOf(counts),
        List.copyOf(texts));
  }

  private static List<String> notes(Group overall, List<SectorGroup> groups) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "No figure here describes fewer than 5 people, and none can be worked out by"
            + " subtracting one figure from another.");
    if (overall.suppressed()) {
      notes.add(FEW_OVERALL);
      return notes;
    }
    long few = groups.stream().filter(g -> FEW_RESPONDENTS.equals(g.reason())).count();
    long secondary = groups.stream().filter(g -> SECONDARY_SECTOR.equals(g.reason())).count();
    if (few > 0) {
      notes.add(
          few
              + (few == 1 ? " sector has" : " sectors have")
              + " fewer than 5 respondents, so "
              + (few == 1 ? "its answers are" : "their answers are")
              + " shown only within the overall figures.");
    }
    if (secondary > 0) {
      notes.add(
          secondary
              + (secondary == 1 ? " further sector is" : " further sectors are")
              + " hidden although 5 or more responded, because showing "
              + (secondary == 1 ? "it" : "them")
              + " would let the smaller sectors' answers be worked out from the overall.");
    }
    boolean questionsHidden =
        groups.stream().flatMap(g -> g.questions().stream()).anyMatch(QuestionResult::suppressed);
    if (questionsHidden) {
      notes.add(
          "Some questions are hidden within a sector because fewer than 5 there answered them,"
              + " or because showing them would reveal a smaller group's answers by subtraction.");
    }
    notes.add(
        "Free-text answers are shown only in groups of 5 or more, in alphabetical order, with"
            + " email addresses, phone numbers and names we can recognise removed.");
    return notes;
  }
}
