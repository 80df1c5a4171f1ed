package org.fourthpurpose.question.priority;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's prioritisation through the API: viewers read the ranking with its evidence, each
 * person's scores, disagreements and stability; editors set weights and score questions.
 */
@Tag(name = "Step 2 questions")
@NeedsReferenceData("indicators")
@RestController
class PriorityApiController {

  private final PriorityService priorities;
  private final WorkspaceAccess access;
  private final Geography geography;

  PriorityApiController(PriorityService priorities, WorkspaceAccess access, Geography geography) {
    this.priorities = priorities;
    this.access = access;
    this.geography = geography;
  }

  record NeedIndicatorJson(
      String id,
      String title,
      String value,
      String england,
      String comparison,
      String comparatorComparison,
      boolean worseThanEngland,
      boolean worseThanComparator,
      Integer rank,
      int ranked,
      Double points,
      String note) {}

  record NeedJson(Double value, String comparator, List<NeedIndicatorJson> indicators) {}

  record PersonScores(long accountId, String name, Integer feasibility, Integer fit) {}

  record RowJson(
      int rank,
      long questionId,
      String bankId,
      String theme,
      String transformational,
      Double score,
      Map<String, Double> values,
      List<String> leftOut,
      NeedJson need,
      List<String> partners,
      Double appetite,
      int leverage,
      Double feasibility,
      Double fit,
      List<PersonScores> scores,
      boolean disagreement,
      boolean priority) {}

  record DisagreementJson(
      long questionId, String question, String criterion, List<Integer> scores, int spread) {}

  record StayingJson(long questionId, int rank, int stays, int scenarios) {}

  record ScenarioJson(String description, Map<String, Double> weights, List<Long> top) {}

  record StabilityJson(
      String method,
      List<String> summary,
      boolean trivial,
      List<StayingJson> top,
      List<ScenarioJson> scenarios) {}

  record PrioritiesJson(
      Map<String, Integer> weights,
      boolean audited,
      int leverageMax,
      List<RowJson> ranking,
      List<DisagreementJson> disagreements,
      StabilityJson stability,
      List<WorkspaceQuestion> agreed) {}

  @Operation(
      summary = "The workspace's prioritisation (viewers)",
      description =
          "weights by criterion (need, appetite, leverage, feasibility, fit; 0 to 10); ranking"
              + " with each question's score (0 to 100, the weighted mean of the criteria that"
              + " have a value), each criterion's value (0 to 1), the criteria left out, the need"
              + " evidence per indicator, each person's scores and whether they disagree (spread"
              + " of 2 or more); the disagreements; the stability of the top 3 under halved,"
              + " increased and left-out weights; the agreed priorities. audited is false until"
              + " the workspace has relationship audit results: appetite is then left out.")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/priorities", produces = "application/json")
  PrioritiesJson view(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return json(priorities.view(icb.code()));
  }

  @Operation(
      summary = "Sets the weights of the criteria (editors)",
      description =
          "A JSON object with every criterion code (need, appetite, leverage, feasibility, fit)"
              + " and a whole number 0 to 10; at least one above 0. Nothing changes on any error.")
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/priorities/weights",
      consumes = "application/json",
      produces = "application/json")
  Map<String, Integer> weights(
      @PathVariable String icbCode, @RequestBody Map<String, Object> body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Map<String, Integer> saved = new LinkedHashMap<>();
    priorities.saveWeights(icb.code(), texts(body)).forEach((c, w) -> saved.put(c.code(), w));
    return saved;
  }

  @Operation(
      summary = "Saves your scores of one question (editors)",
      description =
          "A JSON object with feasibility and/or fit, each a whole number 1 to 5, or null to"
              + " remove your score. Answers with the prioritisation as it now stands.")
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/questions/{id}/scores",
      consumes = "application/json",
      produces = "application/json")
  PrioritiesJson score(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody Map<String, Object> body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Account me = access.currentAccount().orElseThrow();
    priorities.saveScores(icb.code(), id, me.id(), texts(body));
    return json(priorities.view(icb.code()));
  }

  private static Map<String, String> texts(Map<String, Object> body) {
    if (body == null || body.isEmpty()) {
      throw new InvalidInputException("body", "Send a JSON object of criteria and numbers");
    }
    Map<String, String> texts = new LinkedHashMap<>();
    body.forEach(
        (k, v) -> {
          if (v != null && !(v instanceof Number) && !(v instanceof String)) {
            throw new InvalidInputException(k, "Must be a whole number");
          }
          if (v instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidInputException(k, String.valueOf(v), "Must be a whole number");
          }
          texts.put(
              k,
              v == null ? "" : v instanceof Number n ? String.valueOf(n.longValue()) : (String) v);
        });
    return texts;
  }

  static PrioritiesJson json(PriorityView view) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    view.weights().forEach((c, w) -> weights.put(c.code(), w));
    Map<Long, String> names = new LinkedHashMap<>();
    view.scorers().forEach(s -> names.put(s.accountId(), s.name()));
    List<RowJson> rows = new ArrayList<>();
    for (PriorityView.Row r : view.rows()) {
      Map<String, Double> values = new LinkedHashMap<>();
      r.values().forEach((c, v) -> values.put(c.code(), v));
      List<PersonScores> scores = new ArrayList<>();
      r.scores()
          .forEach(
              (account, byCriterion) ->
                  scores.add(
                      new PersonScores(
                          account,
                          names.get(account),
                          byCriterion.get(Criterion.FEASIBILITY.code()),
                          byCriterion.get(Criterion.FIT.code()))));
      rows.add(
          new RowJson(
              r.rank(),
              r.question().id(),
              r.question().bankId(),
              r.question().theme(),
              r.question().transformational(),
              r.score(),
              values,
              r.leftOut(),
              new NeedJson(
                  r.need().value(),
                  r.need().comparatorLabel(),
                  r.need().indicators().stream()
                      .map(
                          i ->
                              new NeedIndicatorJson(
                                  i.id(),
                                  i.title(),
                                  i.value(),
                                  i.england(),
                                  i.comparison(),
                                  i.comparatorComparison(),
                                  i.worseThanEngland(),
                                  i.worseThanComparator(),
                                  i.rank(),
                                  i.ranked(),
                                  i.points(),
                                  i.note()))
                      .toList()),
              r.partners(),
              r.appetite(),
              r.leverage(),
              r.feasibility(),
              r.fit(),
              scores,
              r.disagreement(),
              r.question().priority()));
    }
    PriorityModel.Stability s = view.stability();
    return new PrioritiesJson(
        weights,
        view.audited(),
        view.leverageMax(),
        rows,
        view.disagreements().stream()
            .map(
                d ->
                    new DisagreementJson(
                        d.questionId(), d.question(), d.criterion().code(), d.scores(), d.spread()))
            .toList(),
        new StabilityJson(
            PriorityText.method(),
            PriorityText.stability(view),
            s.trivial(),
            s.top().stream()
                .map(t -> new StayingJson(t.id(), t.rank(), t.stays(), t.scenarios()))
                .toList(),
            s.scenarios().stream()
                .map(
                    sc -> {
                      Map<String, Double> w = new LinkedHashMap<>();
                      sc.weights().forEach((c, v) -> w.put(c.code(), v));
                      return new ScenarioJson(sc.description(), w, sc.top());
                    })
                .toList()),
        view.agreed());
  }
}
