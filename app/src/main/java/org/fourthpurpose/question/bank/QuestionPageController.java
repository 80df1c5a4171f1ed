package org.fourthpurpose.question.bank;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.question.PolicyCatalogue;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A workspace's questions: the list with its agreed priorities, adopting from the bank, the
 * workspace's own questions, editing, removing and agreeing priorities (editors). Forms are checked
 * on the server with an error summary and a message by each field at fault.
 */
@NeedsReferenceData("indicators")
@Controller
class QuestionPageController {

  static final String LIST = "question/questions";
  static final String FORM = "question/question-form";
  static final String REMOVE = "question/remove";
  static final String PRIORITY = "question/priority-form";

  private final StoredWorkspaceQuestions questions;
  private final ShippedQuestionBank bank;
  private final QuestionLabels labels;
  private final IndicatorCatalogue indicators;
  private final PolicyCatalogue policies;
  private final WorkspaceAccess access;
  private final Geography geography;

  QuestionPageController(
      StoredWorkspaceQuestions questions,
      ShippedQuestionBank bank,
      QuestionLabels labels,
      IndicatorCatalogue indicators,
      PolicyCatalogue policies,
      WorkspaceAccess access,
      Geography geography) {
    this.questions = questions;
    this.bank = bank;
    this.labels = labels;
    this.indicators = indicators;
    this.policies = policies;
    this.access = access;
    this.geography = geography;
  }

  /** A question as the list shows it. */
  record Row(
      WorkspaceQuestion question,
      String themeTitle,
      String origin,
      List<QuestionLabels.Label> indicators,
      List<QuestionLabels.Label> policies) {}

  /** A theme's bank entries not yet adopted. */
  record Adoptable(String code, String title, List<BankQuestion> entries) {}

  /** One choice of a form. */
  record Choice(String value, String label) {}

  /** One field at fault. */
  record Problem(String field, String message) {}

  @GetMapping("/workspaces/{icbCode}/questions")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = view(icbCode);
    List<WorkspaceQuestion> all = questions.list(icb.code());
    Set<String> adopted = new HashSet<>();
    List<Row> rows = new ArrayList<>();
    for (WorkspaceQuestion q : all) {
      if (q.bankId() != null) {
        adopted.add(q.bankId());
      }
      rows.add(row(q));
    }
    List<Adoptable> adoptable = new ArrayList<>();
    bank.themes()
        .forEach(
            (code, title) -> {
              List<BankQuestion> entries =
                  bank.byTheme(code).stream().filter(b -> !adopted.contains(b.id())).toList();
              if (!entries.isEmpty()) {
                adoptable.add(new Adoptable(code, title, entries));
              }
            });
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("rows", rows);
    model.addAttribute("priorities", rows.stream().filter(r -> r.question().priority()).toList());
    model.addAttribute("adoptedCount", adopted.size());
    model.addAttribute("ownCount", all.size() - adopted.size());
    model.addAttribute("adoptable", adoptable);
    return LIST;
  }

  Row row(WorkspaceQuestion q) {
    String origin;
    if (q.bankId() == null) {
      origin = "Your own question";
    } else {
      BankQuestion entry = bank.find(q.bankId()).orElse(null);
      origin =
          entry == null
              ? "From the bank"
              : entry.transformational().equals(q.transformational())
                  ? "From the bank"
                  : "From the bank, reworded (bank: " + entry.transformational() + ")";
    }
    return new Row(
        q,
        labels.theme(q.theme()),
        origin,
        labels.indicators(q.indicatorIds()),
        labels.policies(q.policyIds()));
  }

  @PostMapping("/workspaces/{icbCode}/questions/adopt")
  String adopt(@PathVariable String icbCode, @RequestParam(required = false) String bankId) {
    IntegratedCareBoard icb = edit(icbCode);
    WorkspaceQuestion q = questions.adopt(icb.code(), bankId == null ? "" : bankId);
    return "redirect:/workspaces/"
        + icb.code()
        + "/questions?adopted="
        + q.id()
        + "#question-"
        + q.id();
  }

  @GetMapping("/workspaces/{icbCode}/questions/new")
  String newQuestion(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    return form(icb, model, null, new QuestionDraft("", "", "", List.of(), List.of()), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/questions")
  String add(
      @PathVariable String icbCode,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String transactional,
      @RequestParam(required = false) String transformational,
      @RequestParam(name = "indicatorIds", required = false) List<String> indicatorIds,
      @RequestParam(name = "policyIds", required = false) List<String> policyIds,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    QuestionDraft draft =
        new QuestionDraft(theme, transactional, transformational, indicatorIds, policyIds);
    try {
      WorkspaceQuestion q = questions.add(icb.code(), draft);
      return "redirect:/workspaces/" + icb.code() + "/questions?added=" + q.id();
    } catch (QuestionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, null, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/questions/{id}/edit")
  String editForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    WorkspaceQuestion q = questions.require(icb.code(), id);
    return form(
        icb,
        model,
        q,
        new QuestionDraft(
            q.theme(),
            q.transactional() == null ? "" : q.transactional(),
            q.transformational(),
            q.indicatorIds(),
            q.policyIds()),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/questions/{id}/edit")
  String save(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String transactional,
      @RequestParam(required = false) String transformational,
      @RequestParam(name = "indicatorIds", required = false) List<String> indicatorIds,
      @RequestParam(name = "policyIds", required = false) List<String> policyIds,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    WorkspaceQuestion q = questions.require(icb.code(), id);
    QuestionDraft draft =
        new QuestionDraft(theme, transactional, transformational, indicatorIds, policyIds);
    try {
      questions.edit(icb.code(), id, draft);
      return "redirect:/workspaces/" + icb.code() + "/questions?saved=" + id;
    } catch (QuestionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, q, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/questions/{id}/remove")
  String removeForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    model.addAttribute("icb", icb);
    model.addAttribute("question", questions.require(icb.code(), id));
    return REMOVE;
  }

  @PostMapping("/workspaces/{icbCode}/questions/{id}/remove")
  String remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = edit(icbCode);
    questions.remove(icb.code(), id);
    return "redirect:/workspaces/" + icb.code() + "/questions?removed=1";
  }

  @GetMapping("/workspaces/{icbCode}/questions/{id}/priority")
  String priorityForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    WorkspaceQuestion q = questions.require(icb.code(), id);
    return priority(
        icb,
        model,
        q,
        q.priorityRationale() == null ? "" : q.priorityRationale(),
        q.rank() == null ? "" : String.valueOf(q.rank()),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/questions/{id}/priority")
  String agree(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String rationale,
      @RequestParam(required = false) String rank,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    WorkspaceQuestion q = questions.require(icb.code(), id);
    Integer position = null;
    if (rank != null && !rank.isBlank()) {
      try {
        position = Integer.parseInt(rank.strip());
      } catch (NumberFormatException e) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return priority(
            icb,
            model,
            q,
            rationale,
            rank,
            List.of(new QuestionProblems.Problem("rank", "The rank must be a whole number")));
      }
    }
    try {
      questions.agree(icb.code(), id, rationale, position);
      return "redirect:/workspaces/" + icb.code() + "/questions?agreed=" + id;
    } catch (QuestionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return priority(icb, model, q, rationale, rank, e.problems());
    }
  }

  @PostMapping("/workspaces/{icbCode}/questions/{id}/priority/withdraw")
  String withdraw(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = edit(icbCode);
    questions.withdraw(icb.code(), id);
    return "redirect:/workspaces/" + icb.code() + "/questions?withdrawn=" + id;
  }

  private String priority(
      IntegratedCareBoard icb,
      Model model,
      WorkspaceQuestion q,
      String rationale,
      String rank,
      List<QuestionProblems.Problem> problems) {
    model.addAttribute("icb", icb);
    model.addAttribute("question", q);
    model.addAttribute("rationale", rationale == null ? "" : rationale);
    model.addAttribute("rank", rank == null ? "" : rank);
    long agreed =
        questions.list(icb.code()).stream()
            .filter(WorkspaceQuestion::priority)
            .filter(x -> x.id() != q.id())
            .count();
    model.addAttribute("maxRank", agreed + 1);
    errors(model, problems);
    return PRIORITY;
  }

  private String form(
      IntegratedCareBoard icb,
      Model model,
      WorkspaceQuestion existing,
      QuestionDraft values,
      List<QuestionProblems.Problem> problems) {
    model.addAttribute("icb", icb);
    model.addAttribute("existing", existing);
    model.addAttribute(
        "bankEntry",
        existing == null || existing.bankId() == null
            ? null
            : bank.find(existing.bankId()).orElse(null));
    model.addAttribute("values", values);
    List<Choice> themes = new ArrayList<>();
    bank.themes().forEach((code, title) -> themes.add(new Choice(code, title)));
    model.addAttribute("themes", themes);
    Map<String, List<Choice>> byTheme = new java.util.LinkedHashMap<>();
    bank.themes().forEach((code, title) -> byTheme.put(title, new ArrayList<>()));
    for (Indicator i : indicators.indicatorsFor(icb.code()).values()) {
      String title = labels.theme(i.themeCode());
      byTheme.computeIfAbsent(title, k -> new ArrayList<>()).add(new Choice(i.id(), i.title()));
    }
    byTheme.values().removeIf(List::isEmpty);
    model.addAttribute("indicatorChoices", byTheme);
    Set<String> openGroups = new HashSet<>();
    byTheme.forEach(
        (title, choices) -> {
          if (choices.stream().anyMatch(c -> values.indicatorIds().contains(c.value()))) {
            openGroups.add(title);
          }
        });
    model.addAttribute("openGroups", openGroups);
    model.addAttribute(
        "policyChoices",
        policies.policies().stream()
            .map(p -> new Choice(p.id(), p.name() + (p.funding() ? " (funding)" : "")))
            .toList());
    model.addAttribute("chosenIndicators", new HashSet<>(values.indicatorIds()));
    model.addAttribute("chosenPolicies", new HashSet<>(values.policyIds()));
    errors(model, problems);
    return FORM;
  }

  private static void errors(Model model, List<QuestionProblems.Problem> problems) {
    Map<String, String> fieldErrors = new HashMap<>();
    problems.forEach(p -> fieldErrors.putIfAbsent(p.field(), p.message()));
    model.addAttribute("errors", problems);
    model.addAttribute("fieldErrors", fieldErrors);
  }

  private IntegratedCareBoard view(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return icb;
  }

  private IntegratedCareBoard edit(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return icb;
  }
}
