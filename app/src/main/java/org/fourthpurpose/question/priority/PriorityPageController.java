package org.fourthpurpose.question.priority;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.bank.QuestionLabels;
import org.fourthpurpose.question.bank.StoredWorkspaceQuestions;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The prioritisation page: the ranking with where each value comes from, the weights (editors
 * change them), the signed-in person's scores (editors), everyone's scores, disagreements,
 * stability and the agreed priorities; and a question's evidence of need indicator by indicator.
 */
@NeedsReferenceData("indicators")
@Controller
class PriorityPageController {

  static final String VIEW = "question/priorities";
  static final String NEED = "question/need";

  private final PriorityService priorities;
  private final StoredWorkspaceQuestions questions;
  private final QuestionLabels labels;
  private final WorkspaceAccess access;
  private final Geography geography;

  PriorityPageController(
      PriorityService priorities,
      StoredWorkspaceQuestions questions,
      QuestionLabels labels,
      WorkspaceAccess access,
      Geography geography) {
    this.priorities = priorities;
    this.questions = questions;
    this.labels = labels;
    this.access = access;
    this.geography = geography;
  }

  /** One field at fault. */
  record Problem(String field, String message) {}

  @GetMapping("/workspaces/{icbCode}/priorities")
  String page(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return render(icb, model, null, null, List.of());
  }

  @PostMapping("/workspaces/{icbCode}/priorities/weights")
  String weights(
      @PathVariable String icbCode,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Map<String, String> given = new LinkedHashMap<>();
    for (Criterion c : Criterion.values()) {
      given.put(c.code(), form.getOrDefault("weight-" + c.code(), ""));
    }
    try {
      priorities.saveWeights(icb.code(), given);
      return "redirect:/workspaces/" + icb.code() + "/priorities?weights=1#ranking-heading";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(
          icb, model, given, null, List.of(new Problem("weight-" + e.field(), e.getMessage())));
    }
  }

  @PostMapping("/workspaces/{icbCode}/priorities/scores")
  String scores(
      @PathVariable String icbCode,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Account me = access.currentAccount().orElseThrow();
    Map<Long, Map<String, String>> byQuestion = new LinkedHashMap<>();
    for (WorkspaceQuestion q : questions.list(icb.code())) {
      Map<String, String> mine = new LinkedHashMap<>();
      for (Criterion c : List.of(Criterion.FEASIBILITY, Criterion.FIT)) {
        String key = c.code() + "-" + q.id();
        if (form.containsKey(key)) {
          mine.put(c.code(), form.get(key));
        }
      }
      if (!mine.isEmpty()) {
        byQuestion.put(q.id(), mine);
      }
    }
    try {
      priorities.saveAllScores(icb.code(), me.id(), byQuestion);
      return "redirect:/workspaces/" + icb.code() + "/priorities?scored=1#ranking-heading";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(icb, model, null, form, List.of(new Problem("my-scores", e.getMessage())));
    }
  }

  @GetMapping("/workspaces/{icbCode}/priorities/questions/{id}")
  String need(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    PriorityView view = priorities.view(icb.code());
    PriorityView.Row row =
        view.rows().stream()
            .filter(r -> r.question().id() == id)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "id", String.valueOf(id), "This workspace has no question " + id));
    model.addAttribute("icb", icb);
    model.addAttribute("view", view);
    model.addAttribute("row", row);
    model.addAttribute("themeTitle", labels.theme(row.question().theme()));
    model.addAttribute("partners", labels.partners(row.partners()));
    return NEED;
  }

  private String render(
      IntegratedCareBoard icb,
      Model model,
      Map<String, String> weightValues,
      Map<String, String> scoreValues,
      List<Problem> problems) {
    PriorityView view = priorities.view(icb.code());
    Account me = access.currentAccount().orElseThrow();
    Map<String, String> weights = new LinkedHashMap<>();
    for (Criterion c : Criterion.values()) {
      weights.put(
          c.code(),
          weightValues == null
              ? String.valueOf(view.weights().get(c))
              : weightValues.getOrDefault(c.code(), ""));
    }
    Map<String, String> myScores = new LinkedHashMap<>();
    Map<Long, Map<String, Integer>> mine = priorities.mine(icb.code(), me.id());
    for (PriorityView.Row r : view.rows()) {
      for (Criterion c : List.of(Criterion.FEASIBILITY, Criterion.FIT)) {
        String key = c.code() + "-" + r.question().id();
        Integer saved = mine.getOrDefault(r.question().id(), Map.of()).get(c.code());
        myScores.put(
            key,
            scoreValues != null
                ? scoreValues.getOrDefault(key, "")
                : saved == null ? "" : String.valueOf(saved));
      }
    }
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    problems.forEach(p -> fieldErrors.putIfAbsent(p.field(), p.message()));
    model.addAttribute("icb", icb);
    model.addAttribute("view", view);
    model.addAttribute("criteria", Criterion.values());
    model.addAttribute("weights", weights);
    model.addAttribute("myScores", myScores);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("stability", PriorityText.stability(view));
    model.addAttribute("method", PriorityText.method());
    model.addAttribute("errors", problems);
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute("scored", view.rows().stream().filter(r -> r.score() != null).count());
    return VIEW;
  }
}
