package org.fourthpurpose.question.policy;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.question.Policy;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the policies and funding programmes (the list and each one with its history)
 * and the forms with which a platform administrator adds and edits them.
 */
@Controller
class PolicyPageController {

  static final String LIST = "question/policies";
  static final String ONE = "question/policy";
  static final String FORM = "question/policy-form";

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK);

  private final StoredPolicyCatalogue catalogue;
  private final WorkspaceAccess access;

  PolicyPageController(StoredPolicyCatalogue catalogue, WorkspaceAccess access) {
    this.catalogue = catalogue;
    this.access = access;
  }

  /** A version as the pages show it. */
  record PolicyRow(Policy policy, String checked, String edited, String statusLabel) {}

  static PolicyRow row(Policy p) {
    return new PolicyRow(
        p,
        DATE.format(p.checked()),
        p.editedBy() == null
            ? "Shipped with Fourth Purpose (version 1)"
            : p.editedBy() + ", " + WHEN.format(p.editedAt().atOffset(ZoneOffset.UTC)),
        statusLabel(p.status()));
  }

  static String statusLabel(String status) {
    return switch (status) {
      case "open" -> "Open";
      case "closed" -> "Closed";
      default -> "Changing";
    };
  }

  @GetMapping("/policies")
  String list(Model model) {
    List<PolicyRow> rows = catalogue.policies().stream().map(PolicyPageController::row).toList();
    model.addAttribute("policies", rows.stream().filter(r -> !r.policy().funding()).toList());
    model.addAttribute("funding", rows.stream().filter(r -> r.policy().funding()).toList());
    model.addAttribute(
        "changing", rows.stream().filter(r -> "changing".equals(r.policy().status())).count());
    model.addAttribute("admin", admin());
    return LIST;
  }

  @GetMapping("/policies/{id}")
  String one(@PathVariable String id, Model model) {
    List<Policy> history = catalogue.history(id);
    if (history.isEmpty()) {
      throw new NotFoundException("id", id, "There is no policy or funding programme " + id);
    }
    model.addAttribute("current", row(history.get(0)));
    model.addAttribute("history", history.stream().map(PolicyPageController::row).toList());
    model.addAttribute("admin", admin());
    return ONE;
  }

  @GetMapping("/admin/policies/new")
  String add(Model model) {
    requireAdmin();
    return form(
        model,
        null,
        new PolicyDraft("", "policy", "", "", "", "", "open", "", "https://"),
        List.of());
  }

  @PostMapping("/admin/policies")
  String saveNew(PolicyDraft draft, Model model, HttpServletResponse response) {
    requireAdmin();
    try {
      Policy saved = catalogue.save(draft, null);
      return "redirect:/policies/" + saved.id() + "?saved=1";
    } catch (PolicyProblems e) {
      response.setStatus(400);
      return form(model, null, draft, e.problems());
    }
  }

  @GetMapping("/admin/policies/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    requireAdmin();
    Policy current = require(id);
    return form(model, current, PolicyDraft.of(current), List.of());
  }

  @PostMapping("/admin/policies/{id}/edit")
  String saveEdit(
      @PathVariable String id,
      PolicyDraft draft,
      @RequestParam(name = "basedOn", required = false) Integer basedOn,
      Model model,
      HttpServletResponse response) {
    requireAdmin();
    Policy current = require(id);
    PolicyDraft withId =
        new PolicyDraft(
            id,
            draft.kind(),
            draft.name(),
            draft.summary(),
            draft.enables(),
            draft.whoCanUse(),
            draft.status(),
            draft.checked(),
            draft.sourceUrl());
    try {
      catalogue.save(withId, basedOn == null ? current.version() : basedOn);
      return "redirect:/policies/" + id + "?saved=1";
    } catch (PolicyProblems e) {
      response.setStatus(400);
      return form(model, current, withId, e.problems());
    }
  }

  private String form(
      Model model, Policy existing, PolicyDraft values, List<PolicyDraft.Problem> problems) {
    Map<String, String> fieldErrors = new HashMap<>();
    problems.forEach(p -> fieldErrors.putIfAbsent(p.field(), p.message()));
    model.addAttribute("existing", existing);
    model.addAttribute("values", values);
    model.addAttribute("errors", problems);
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute("statuses", Policy.STATUSES);
    return FORM;
  }

  private Policy require(String id) {
    return catalogue
        .find(id)
        .orElseThrow(
            () -> new NotFoundException("id", id, "There is no policy or funding programme " + id));
  }

  private boolean admin() {
    return access.currentAccount().map(Account::platformAdmin).orElse(false);
  }

  private void requireAdmin() {
    if (!admin()) {
      throw new org.springframework.security.access.AccessDeniedException(
          "Only a platform administrator can edit policies and funding programmes");
    }
  }
}
