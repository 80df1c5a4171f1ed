package org.fourthpurpose.question.priority;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.question.Priorities;
import org.fourthpurpose.question.QuestionBank;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.bank.ShippedQuestionBank;
import org.fourthpurpose.question.bank.StoredWorkspaceQuestions;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's prioritisation: the weights it sets, the scores its members give, the values filled
 * in from data (need from the Step 1 profile, appetite from the relationship audit, leverage from
 * the anchor register) and everything worked out from them. The caller checks the person's role.
 */
@Service
public class PriorityService implements Priorities {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final StoredWorkspaceQuestions questions;
  private final QuestionBank bank;
  private final ShippedQuestionBank shipped;
  private final NeedScores needs;
  private final PartnerAppetite appetite;
  private final AnchorRegister register;
  private final AccountService accounts;
  private final AuditLog audit;

  PriorityService(
      JdbcClient jdbc,
      Clock clock,
      StoredWorkspaceQuestions questions,
      ShippedQuestionBank shipped,
      NeedScores needs,
      PartnerAppetite appetite,
      AnchorRegister register,
      AccountService accounts,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.questions = questions;
    this.bank = shipped;
    this.shipped = shipped;
    this.needs = needs;
    this.appetite = appetite;
    this.register = register;
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  public List<WorkspaceQuestion> agreed(String icbCode) {
    return questions.list(icbCode).stream().filter(WorkspaceQuestion::priority).toList();
  }

  @Override
  public List<RankedQuestion> ranking(String icbCode) {
    return view(icbCode).rows().stream()
        .map(r -> new RankedQuestion(r.question(), r.score(), r.rank()))
        .toList();
  }

  /** The workspace's weights, the default for a criterion it never set. */
  public Map<Criterion, Integer> weights(String icbCode) {
    Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      weights.put(c, c.defaultWeight());
    }
    jdbc.sql("select criterion, weight from question_weight where icb_code = ?")
        .param(icbCode)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .list()
        .forEach(
            e -> Criterion.find(e.getKey()).ifPresent(c -> weights.put(c, safe(e.getValue()))));
    return weights;
  }

  private static int safe(int weight) {
    return Math.max(0, Math.min(Criterion.MAX_WEIGHT, weight));
  }

  /**
   * Sets the weights from text by criterion code; every criterion must be given, each a whole
   * number 0 to 10, at least one above zero. Nothing is saved when any is wrong.
   */
  @Transactional
  public Map<Criterion, Integer> saveWeights(String icbCode, Map<String, String> given) {
    Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
    for (String key : given.keySet()) {
      if (Criterion.find(key).isEmpty()) {
        throw new InvalidInputException(key, "Not a criterion; the criteria are " + codes());
      }
    }
    for (Criterion c : Criterion.values()) {
      String text = given.get(c.code());
      if (text == null || text.isBlank()) {
        throw new InvalidInputException(
            c.code(), "Enter a weight for " + c.label().toLowerCase() + ", 0 to 10");
      }
      int weight;
      try {
        weight = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            c.code(),
            cut(text),
            "The weight for " + c.label().toLowerCase() + " must be a whole number from 0 to 10");
      }
      if (weight < 0 || weight > Criterion.MAX_WEIGHT) {
        throw new InvalidInputException(
            c.code(),
            text.strip(),
            "The weight for " + c.label().toLowerCase() + " must be a whole number from 0 to 10");
      }
      weights.put(c, weight);
    }
    if (weights.values().stream().allMatch(w -> w == 0)) {
      throw new InvalidInputException(
          Criterion.NEED.code(), "Give at least one criterion a weight above 0");
    }
    Map<Criterion, Integer> before = weights(icbCode);
    jdbc.sql("delete from question_weight where icb_code = ?").param(icbCode).update();
    for (var e : weights.entrySet()) {
      jdbc.sql(
              "insert into question_weight (icb_code, criterion, weight, updated_by, updated_at)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              icbCode,
              e.getKey().code(),
              e.getValue(),
              audit.currentActor(),
              clock.instant().atOffset(ZoneOffset.UTC))
          .update();
    }
    audit.record(
        icbCode, "question.weights-changed", "prioritisation weights", text(before), text(weights));
    return weights;
  }

  /**
   * Saves one person's scores (1 to 5) of one question on the criteria people score; a blank score
   * removes theirs. Nothing is saved when any is wrong.
   */
  @Transactional
  public void saveScores(
      String icbCode, long questionId, long accountId, Map<String, String> given) {
    WorkspaceQuestion question = questions.require(icbCode, questionId);
    Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
    for (String key : given.keySet()) {
      Criterion c =
          Criterion.find(key)
              .filter(Criterion::scoredByPeople)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          cut(key), "People score only feasibility and fit, 1 to 5"));
      String text = given.get(key);
      if (text == null || text.isBlank()) {
        scores.put(c, null);
        continue;
      }
      int score;
      try {
        score = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            c.code(), cut(text), "The score for " + c.label().toLowerCase() + " must be 1 to 5");
      }
      if (score < 1 || score > 5) {
        throw new InvalidInputException(
            c.code(), text.strip(), "The score for " + c.label().toLowerCase() + " must be 1 to 5");
      }
      scores.put(c, score);
    }
    if (scores.isEmpty()) {
      throw new InvalidInputException("feasibility", "Give a score for feasibility or fit, 1 to 5");
    }
    List<String> after = new ArrayList<>();
    for (var e : scores.entrySet()) {
      jdbc.sql(
              "delete from question_score where question_id = ? and account_id = ? and"
                  + " criterion = ?")
          .params(questionId, accountId, e.getKey().code())
          .update();
      if (e.getValue() != null) {
        jdbc.sql(
                "insert into question_score (question_id, account_id, criterion, score,"
                    + " scored_at) values (?, ?, ?, ?, ?)")
            .params(
                questionId,
                accountId,
                e.getKey().code(),
                e.getValue(),
                clock.instant().atOffset(ZoneOffset.UTC))
            .update();
      }
      after.add(e.getKey().code() + " " + (e.getValue() == null ? "none" : e.getValue()));
    }
    audit.record(
        icbCode, "question.scored", "question " + question.id(), null, String.join(", ", after));
  }

  /**
   * Saves one person's scores of several questions at once (question id to criterion code to text);
   * all or nothing.
   */
  @Transactional
  public void saveAllScores(
      String icbCode, long accountId, Map<Long, Map<String, String>> byQuestion) {
    Map<Long, Map<String, Integer>> before = mine(icbCode, accountId);
    for (var e : byQuestion.entrySet()) {
      Map<String, Integer> had = before.getOrDefault(e.getKey(), Map.of());
      boolean same = true;
      for (var s : e.getValue().entrySet()) {
        Integer old = had.get(s.getKey());
        String now = s.getValue() == null ? "" : s.getValue().strip();
        if (!(old == null ? now.isEmpty() : now.equals(String.valueOf(old)))) {
          same = false;
        }
      }
      if (!same) {
        saveScores(icbCode, e.getKey(), accountId, e.getValue());
      }
    }
  }

  /** One person's scores: question id to criterion code to score. */
  public Map<Long, Map<String, Integer>> mine(String icbCode, long accountId) {
    Map<Long, Map<String, Integer>> mine = new HashMap<>();
    for (Score s : scores(icbCode)) {
      if (s.accountId() == accountId) {
        mine.computeIfAbsent(s.questionId(), k -> new HashMap<>())
            .put(s.criterion().code(), s.score());
      }
    }
    return mine;
  }

  private record Score(long questionId, long accountId, Criterion criterion, int score) {}

  private List<Score> scores(String icbCode) {
    return jdbc.sql(
            "select s.question_id, s.account_id, s.criterion, s.score from question_score s"
                + " join question_workspace q on q.id = s.question_id where q.icb_code = ?"
                + " order by s.account_id")
        .param(icbCode)
        .query(
            (rs, n) ->
                new Score(
                    rs.getLong(1),
                    rs.getLong(2),
                    Criterion.find(rs.getString(3)).orElse(Criterion.FEASIBILITY),
                    rs.getInt(4)))
        .list();
  }

  /** Everything the page and API show. */
  public PriorityView view(String icbCode) {
    List<WorkspaceQuestion> all = questions.list(icbCode);
    Map<Criterion, Integer> weights = weights(icbCode);
    Map<Criterion, Double> doubleWeights = new EnumMap<>(Criterion.class);
    weights.forEach((c, w) -> doubleWeights.put(c, (double) w));
    List<Score> scores = scores(icbCode);
    PartnerAppetite.Appetite appetites = appetite.appetite(icbCode);
    Map<String, Integer> leverage = leverage(icbCode);
    int leverageMax =
        all.stream().mapToInt(q -> leverage.getOrDefault(q.theme(), 0)).max().orElse(0);

    Map<Long, String> names = new LinkedHashMap<>();
    for (Score s : scores) {
      names.computeIfAbsent(
          s.accountId(),
          id ->
              accounts
                  .find(id)
                  .map(
                      a ->
                          a.displayName() == null || a.displayName().isBlank()
                              ? a.email()
                              : a.displayName())
                  .orElse("Account " + id));
    }

    List<PriorityModel.Candidate> candidates = new ArrayList<>();
    Map<Long, Partial> partials = new HashMap<>();
    String comparatorLabel = null;
    for (WorkspaceQuestion q : all) {
      Map<Criterion, Double> values = new EnumMap<>(Criterion.class);
      NeedEvidence need = needs.evidence(icbCode, q.indicatorIds());
      comparatorLabel = need.comparatorLabel();
      values.put(Criterion.NEED, need.value());
      List<String> partners =
          q.bankId() == null
              ? List.of()
              : bank.find(q.bankId()).map(BankQuestion::partners).orElse(List.of());
      Double appetiteMean = appetite(appetites, partners);
      values.put(Criterion.APPETITE, appetiteMean == null ? null : (appetiteMean - 1) / 4);
      int committed = leverage.getOrDefault(q.theme(), 0);
      values.put(Criterion.LEVERAGE, leverageMax == 0 ? null : committed / (double) leverageMax);
      Map<Long, Map<String, Integer>> byPerson = new TreeMap<>();
      List<Integer> feasibility = new ArrayList<>();
      List<Integer> fit = new ArrayList<>();
      for (Score s : scores) {
        if (s.questionId() != q.id()) {
          continue;
        }
        byPerson
            .computeIfAbsent(s.accountId(), k -> new LinkedHashMap<>())
            .put(s.criterion().code(), s.score());
        (s.criterion() == Criterion.FEASIBILITY ? feasibility : fit).add(s.score());
      }
      Double feasibilityValue = PriorityModel.fromScores(feasibility);
      Double fitValue = PriorityModel.fromScores(fit);
      values.put(Criterion.FEASIBILITY, feasibilityValue);
      values.put(Criterion.FIT, fitValue);
      candidates.add(new PriorityModel.Candidate(q.id(), values));
      partials.put(
          q.id(),
          new Partial(
              q,
              need,
              partners,
              appetiteMean,
              committed,
              mean(feasibility),
              mean(fit),
              byPerson,
              feasibility,
              fit));
    }

    List<PriorityView.Disagreement> disagreements = new ArrayList<>();
    List<PriorityView.Row> rows = new ArrayList<>();
    for (PriorityModel.Ranked r : PriorityModel.rank(candidates, doubleWeights)) {
      Partial p = partials.get(r.candidate().id());
      List<String> leftOut = new ArrayList<>();
      for (Criterion c : Criterion.values()) {
        if (weights.get(c) > 0 && !r.candidate().values().containsKey(c)) {
          leftOut.add(c.label());
        }
      }
      boolean disagreement = false;
      for (Criterion c : List.of(Criterion.FEASIBILITY, Criterion.FIT)) {
        List<Integer> given = c == Criterion.FEASIBILITY ? p.feasibilityScores : p.fitScores;
        if (PriorityModel.disagree(given)) {
          disagreement = true;
          disagreements.add(
              new PriorityView.Disagreement(
                  p.question.id(),
                  p.question.transformational(),
                  c,
                  List.copyOf(given),
                  PriorityModel.spread(given)));
        }
      }
      rows.add(
          new PriorityView.Row(
              r.rank(),
              p.question,
              shipped.themes().getOrDefault(p.question.theme(), p.question.theme()),
              r.score(),
              r.candidate().values(),
              leftOut,
              p.need,
              p.partners,
              p.appetite,
              p.leverage,
              p.feasibility,
              p.fit,
              p.byPerson,
              disagreement));
    }
    return new PriorityView(
        icbCode,
        weights,
        rows,
        names.entrySet().stream()
            .map(e -> new PriorityView.Scorer(e.getKey(), e.getValue()))
            .toList(),
        disagreements,
        PriorityModel.stability(candidates, doubleWeights),
        all.stream().filter(WorkspaceQuestion::priority).toList(),
        appetites.audited(),
        leverageMax,
        comparatorLabel);
  }

  private record Partial(
      WorkspaceQuestion question,
      NeedEvidence need,
      List<String> partners,
      Double appetite,
      int leverage,
      Double feasibility,
      Double fit,
      Map<Long, Map<String, Integer>> byPerson,
      List<Integer> feasibilityScores,
      List<Integer> fitScores) {}

  /** Organisations with a commitment that is not lapsed, by the themes they address. */
  Map<String, Integer> leverage(String icbCode) {
    Map<String, java.util.Set<Long>> byTheme = new HashMap<>();
    for (AnchorCommitment c : register.commitments(icbCode)) {
      if (c.status() == CommitmentStatus.LAPSED) {
        continue;
      }
      for (String theme : c.themeCodes()) {
        byTheme.computeIfAbsent(theme, k -> new java.util.HashSet<>()).add(c.organisationId());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    byTheme.forEach((k, v) -> counts.put(k, v.size()));
    return counts;
  }

  /** Mean appetite of the partner sectors with results; null when none has. */
  static Double appetite(PartnerAppetite.Appetite appetite, List<String> partners) {
    double sum = 0;
    int n = 0;
    for (String sector : partners) {
      Double value = appetite.bySector().get(sector);
      if (value != null) {
        sum += value;
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  private static Double mean(List<Integer> scores) {
    return scores.isEmpty() ? null : scores.stream().mapToInt(i -> i).average().orElseThrow();
  }

  private static String text(Map<Criterion, Integer> weights) {
    StringBuilder text = new StringBuilder();
    weights.forEach(
        (c, w) -> text.append(text.isEmpty() ? "" : ", ").append(c.code()).append(' ').append(w));
    return text.toString();
  }

  private static String codes() {
    return String.join(
        ", ", java.util.Arrays.stream(Criterion.values()).map(Criterion::code).toList());
  }

  private static String cut(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
