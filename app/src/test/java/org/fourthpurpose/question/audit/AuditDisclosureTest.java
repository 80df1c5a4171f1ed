package org.fourthpurpose.question.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.fourthpurpose.question.audit.AuditResults.QuestionResult;
import org.fourthpurpose.question.audit.AuditResults.SectorGroup;
import org.fourthpurpose.question.audit.AuditResults.ValueCount;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control of relationship audit results. A property-based test: for thousands of random
 * response sets over random sectors, with random skipped questions, an attacker who takes every
 * published figure (respondents overall and by sector, each question's answer count, each value's
 * count, means and texts) and subtracts any combination of shown sectors from the overall never
 * gets a figure about 1 to 4 people. Then worked examples whose outcome is checked by hand.
 */
class AuditDisclosureTest {

  static final List<String> SECTORS =
      List.of("icb", "nhs-trust", "local-authority", "university", "vcse", "employer");
  static final UnaryOperator<String> LABEL = s -> "Sector " + s;

  static final AuditQuestion SCALE =
      new AuditQuestion(
          1, 1, QuestionKind.SCALE, "Appetite?", null, List.of(), "No", "Yes", true, "appetite");
  static final AuditQuestion CHOICE =
      new AuditQuestion(
          2,
          2,
          QuestionKind.CHOICE,
          "Which?",
          null,
          List.of("A", "B", "C"),
          null,
          null,
          false,
          null);
  static final AuditQuestion TEXT =
      new AuditQuestion(3, 3, QuestionKind.TEXT, "Why?", null, List.of(), null, null, false, null);

  @Test
  void noCombinationOfPublishedFiguresRevealsFewerThanFivePeopleForRandomResponseSets() {
    int checkedSuppressions = 0;
    for (long seed = 1; seed <= 3000; seed++) {
      Random random = new Random(seed);
      List<String> sectors =
          new ArrayList<>(SECTORS.subList(0, 1 + random.nextInt(SECTORS.size())));
      java.util.Collections.shuffle(sectors, random);
      List<AuditQuestion> questions = List.of(SCALE, CHOICE, TEXT);
      Map<Long, Double> answerRate = new HashMap<>();
      questions.forEach(q -> answerRate.put(q.id(), 0.4 + 0.6 * random.nextDouble()));
      List<AuditResponse> responses = new ArrayList<>();
      for (String sector : sectors) {
        // Mostly small sectors, where the rules bite; sometimes large ones.
        int n = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(9);
        for (int i = 0; i < n; i++) {
          Map<Long, Object> answers = new HashMap<>();
          for (AuditQuestion q : questions) {
            if (random.nextDouble() < answerRate.get(q.id())) {
              answers.put(
                  q.id(),
                  switch (q.kind()) {
                    case SCALE -> 1 + random.nextInt(5);
                    case CHOICE -> q.options().get(random.nextInt(q.options().size()));
                    case TEXT -> "answer " + seed + "-" + sector + "-" + i;
                  });
            }
          }
          responses.add(new AuditResponse(sector, answers));
        }
      }
      AuditResults results =
          AuditDisclosure.results(questions, sectors, LABEL, responses, UnaryOperator.identity());
      String context = "seed " + seed;

      assertSuppressedCellsCarryNothing(results, context);
      checkedSuppressions += attack(results, questions, sectors, responses, context);
    }
    // The generator really produced suppressed cells to attack, in numbers.
    assertThat(checkedSuppressions).isGreaterThan(3000);
  }

  /**
   * Every published figure, and the overall less every combination of shown sectors, describes none
   * or at least five people; the subtraction itself is exact (the attacker's model is right).
   * Returns how many suppressed cells there were.
   */
  private static int attack(
      AuditResults results,
      List<AuditQuestion> questions,
      List<String> sectors,
      List<AuditResponse> responses,
      String context) {
    int suppressed = 0;
    List<SectorGroup> shown = results.bySector().stream().filter(g -> !g.suppressed()).toList();
    suppressed += results.bySector().size() - shown.size();
    // Respondents.
    if (results.respondents() != null) {
      assertThat(results.respondents()).as(context).isGreaterThanOrEqualTo(5);
      for (List<SectorGroup> subset : subsets(shown)) {
        int derived =
            results.respondents() - subset.stream().mapToInt(SectorGroup::respondents).sum();
        List<String> rest = rest(sectors, subset);
        int truth = count(responses, r -> rest.contains(r.sector()));
        assertThat(derived).as(context).isEqualTo(truth);
        assertThat(derived == 0 || derived >= 5)
            .as(context + ": respondents of " + rest + " = " + derived)
            .isTrue();
      }
    } else {
      assertThat(shown).as(context).isEmpty();
      assertThat(results.overall().questions()).as(context).isEmpty();
    }
    for (SectorGroup g : shown) {
      assertThat(g.respondents()).as(context).isGreaterThanOrEqualTo(5);
    }
    // Each question's answer count and each value's count.
    for (AuditQuestion q : questions) {
      QuestionResult overall = question(results.overall().questions(), q.id());
      List<SectorGroup> showing =
          shown.stream().filter(g -> !question(g.questions(), q.id()).suppressed()).toList();
      suppressed += shown.size() - showing.size();
      for (SectorGroup g : showing) {
        QuestionResult cell = question(g.questions(), q.id());
        assertThat(cell.answered()).as(context).isGreaterThanOrEqualTo(5);
        int truth =
            count(responses, r -> r.sector().equals(g.sector()) && r.answers().containsKey(q.id()));
        assertThat(cell.answered()).as(context).isEqualTo(truth);
        if (q.kind() == QuestionKind.TEXT) {
          assertThat(cell.texts()).as(context).hasSize(truth);
        }
      }
      if (overall == null || overall.suppressed()) {
        // Nothing overall to subtract from; sector cells stand alone (each at least 5).
        continue;
      }
      assertThat(overall.answered()).as(context).isGreaterThanOrEqualTo(5);
      for (List<SectorGroup> subset : subsets(showing)) {
        int derived =
            overall.answered()
                - subset.stream().mapToInt(g -> question(g.questions(), q.id()).answered()).sum();
        List<String> rest = rest(sectors, subset);
        int truth =
            count(responses, r -> rest.contains(r.sector()) && r.answers().containsKey(q.id()));
        assertThat(derived).as(context).isEqualTo(truth);
        assertThat(derived == 0 || derived >= 5)
            .as(context + ": answers to " + q.id() + " of " + rest + " = " + derived)
            .isTrue();
        // The value counts of that group add up to it: no value count describes a hidden group.
        Map<String, Integer> values = new LinkedHashMap<>();
        overall.counts().forEach(c -> values.merge(c.value(), c.count(), Integer::sum));
        for (SectorGroup g : subset) {
          for (ValueCount c : question(g.questions(), q.id()).counts()) {
            values.merge(c.value(), -c.count(), Integer::sum);
          }
        }
        if (q.kind() != QuestionKind.TEXT) {
          assertThat(values.values().stream().mapToInt(Integer::intValue).sum())
              .as(context)
              .isEqualTo(derived);
        }
      }
    }
    return suppressed;
  }

  private static void assertSuppressedCellsCarryNothing(AuditResults results, String context) {
    for (SectorGroup g : results.bySector()) {
      if (g.suppressed()) {
        assertThat(g.respondents()).as(context).isNull();
        assertThat(g.questions()).as(context).isEmpty();
        assertThat(g.reason()).as(context).isNotBlank();
      }
      for (QuestionResult q : g.questions()) {
        if (q.suppressed()) {
          assertThat(q.answered()).as(context).isNull();
          assertThat(q.mean()).as(context).isNull();
          assertThat(q.counts()).as(context).isEmpty();
          assertThat(q.texts()).as(context).isEmpty();
        }
      }
    }
  }

  // ---- worked examples ---------------------------------------------------------------------

  @Test
  void aSmallSectorBesideOneShownSectorHidesBothButKeepsTheOverall() {
    List<AuditResponse> responses = new ArrayList<>();
    responses.addAll(people("local-authority", 5, 4));
    responses.addAll(people("vcse", 3, 2));
    AuditResults results = results(List.of("local-authority", "vcse"), responses);

    // Overall 8 shown; the council's 5 would give away the voluntary sector's 3 by subtraction.
    assertThat(results.respondents()).isEqualTo(8);
    assertThat(results.sector("vcse").orElseThrow().reason())
        .isEqualTo(AuditDisclosure.FEW_RESPONDENTS);
    assertThat(results.sector("local-authority").orElseThrow().suppressed()).isTrue();
    assertThat(results.sector("local-authority").orElseThrow().reason())
        .isEqualTo(AuditDisclosure.SECONDARY_SECTOR);
    QuestionResult appetite = question(results.overall().questions(), 1);
    // 5 people rated 4 and 3 rated 2: mean (20 + 6) / 8 = 3.25.
    assertThat(appetite.mean()).isEqualTo(3.25);
    assertThat(appetite.counts()).extracting(ValueCount::count).containsExactly(0, 3, 0, 5, 0);
  }

  @Test
  void theSmallestShownSectorIsHiddenWhenOneOtherIsSmall() {
    List<AuditResponse> responses = new ArrayList<>();
    responses.addAll(people("local-authority", 6, 3));
    responses.addAll(people("nhs-trust", 7, 5));
    responses.addAll(people("vcse", 2, 1));
    AuditResults results = results(List.of("nhs-trust", "local-authority", "vcse"), responses);

    assertThat(results.respondents()).isEqualTo(15);
    assertThat(results.sector("nhs-trust").orElseThrow().respondents()).isEqualTo(7);
    assertThat(results.sector("local-authority").orElseThrow().suppressed()).isTrue();
    assertThat(results.sector("vcse").orElseThrow().suppressed()).isTrue();
    // Overall less trusts = 8 people (6 councils and 2 voluntary): a group of 8, not of 2.
    assertThat(question(results.sector("nhs-trust").orElseThrow().questions(), 1).mean())
        .isEqualTo(5.0);
    assertThat(question(results.overall().questions(), 1).mean())
        .isEqualTo(Math.round(100.0 * (18 + 35 + 2) / 15) / 100.0);
  }

  @Test
  void aSectorWithNoRespondentsHidesNothingElse() {
    List<AuditResponse> responses = new ArrayList<>();
    responses.addAll(people("local-authority", 5, 3));
    responses.addAll(people("nhs-trust", 5, 4));
    AuditResults results =
        results(List.of("local-authority", "nhs-trust", "university"), responses);

    assertThat(results.sector("local-authority").orElseThrow().respondents()).isEqualTo(5);
    assertThat(results.sector("nhs-trust").orElseThrow().respondents()).isEqualTo(5);
    assertThat(results.sector("university").orElseThrow().suppressed()).isTrue();
    assertThat(results.respondents()).isEqualTo(10);
  }

  @Test
  void fewerThanFiveInAllShowsNothingNotEvenTheCount() {
    AuditResults results = results(List.of("local-authority"), people("local-authority", 4, 5));

    assertThat(results.respondents()).isNull();
    assertThat(results.overall().suppressed()).isTrue();
    assertThat(results.overall().questions()).isEmpty();
    assertThat(results.bySector())
        .singleElement()
        .satisfies(g -> assertThat(g.suppressed()).isTrue());
  }

  @Test
  void aSkippedQuestionThatLeavesFourAnswersHidesThatQuestionInTheNextSmallestSectorToo() {
    List<AuditResponse> responses = new ArrayList<>();
    // Councils: 6 responded, 5 answered the scale question. Trusts: 6 responded, 4 answered.
    responses.addAll(people("local-authority", 5, 2));
    responses.add(new AuditResponse("local-authority", Map.of(2L, "A")));
    responses.addAll(people("nhs-trust", 4, 4));
    responses.add(new AuditResponse("nhs-trust", Map.of(2L, "B")));
    responses.add(new AuditResponse("nhs-trust", Map.of(2L, "B")));
    AuditResults results = results(List.of("local-authority", "nhs-trust"), responses);

    SectorGroup councils = results.sector("local-authority").orElseThrow();
    SectorGroup trusts = results.sector("nhs-trust").orElseThrow();
    assertThat(councils.respondents()).isEqualTo(6);
    assertThat(trusts.respondents()).isEqualTo(6);
    assertThat(question(trusts.questions(), 1).reason()).isEqualTo(AuditDisclosure.FEW_ANSWERS);
    assertThat(question(councils.questions(), 1).reason())
        .isEqualTo(AuditDisclosure.SECONDARY_QUESTION);
    QuestionResult overall = question(results.overall().questions(), 1);
    assertThat(overall.answered()).isEqualTo(9);
    assertThat(overall.mean()).isEqualTo(Math.round(100.0 * (10 + 16) / 9) / 100.0);
  }

  @Test
  void freeTextIsShownRedactedInAlphabeticalOrderOnlyInGroupsOfFive() {
    List<AuditResponse> responses = new ArrayList<>();
    for (String text :
        List.of(
            "zebra crossing",
            "Mail me at jo@example.org",
            "apples",
            "My name is Jo Bloggs",
            "Middle")) {
      responses.add(new AuditResponse("vcse", Map.of(3L, text)));
    }
    AuditResults results =
        AuditDisclosure.results(
            List.of(TEXT), List.of("vcse"), LABEL, responses, TextRedaction.basic());

    assertThat(question(results.sector("vcse").orElseThrow().questions(), 3).texts())
        .containsExactly(
            "apples",
            "Mail me at [email removed]",
            "Middle",
            "My name is [name removed]",
            "zebra crossing");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static AuditResults results(List<String> sectors, List<AuditResponse> responses) {
    return AuditDisclosure.results(
        List.of(SCALE, CHOICE, TEXT), sectors, LABEL, responses, UnaryOperator.identity());
  }

  /** n people of a sector who each rate the scale question {@code scale} and choose A. */
  private static List<AuditResponse> people(String sector, int n, int scale) {
    List<AuditResponse> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new AuditResponse(sector, Map.of(1L, scale, 2L, "A")));
    }
    return out;
  }

  private static QuestionResult question(List<QuestionResult> questions, long id) {
    return questions.stream().filter(q -> q.id() == id).findFirst().orElse(null);
  }

  private static int count(List<AuditResponse> responses, Predicate<AuditResponse> which) {
    return (int) responses.stream().filter(which).count();
  }

  private static List<String> rest(List<String> sectors, List<SectorGroup> subset) {
    List<String> rest = new ArrayList<>(sectors);
    subset.forEach(g -> rest.remove(g.sector()));
    return rest;
  }

  private static <T> List<List<T>> subsets(List<T> items) {
    List<List<T>> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << items.size()); mask++) {
      List<T> subset = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          subset.add(items.get(i));
        }
      }
      out.add(subset);
    }
    return out;
  }
}
