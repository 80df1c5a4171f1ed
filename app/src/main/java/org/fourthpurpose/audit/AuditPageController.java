package org.fourthpurpose.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log's pages: a workspace's entries for its ICS administrators (and platform ones),
 * every entry for platform administrators with the chain check, each filtered by action and days
 * (and, for all entries, workspace), newest first, a page at a time, and downloadable as CSV.
 */
@Controller
class AuditPageController {

  static final String VIEW = "audit/log";
  static final int PAGE_SIZE = 50;

  private final AuditEntries entries;
  private final AuditChain chain;
  private final AuditActor actor;

  AuditPageController(AuditEntries entries, AuditChain chain, AuditActor actor) {
    this.entries = entries;
    this.chain = chain;
    this.actor = actor;
  }

  /** A problem with one filter field, for the error summary. */
  record FieldError(String field, String message) {}

  @GetMapping("/workspaces/{icbCode}/audit")
  String workspace(
      @PathVariable String icbCode,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      Model model,
      HttpServletResponse response) {
    requireRead(icbCode);
    model.addAttribute("icbCode", icbCode);
    model.addAttribute("allWorkspaces", false);
    return list(
        "/workspaces/" + icbCode + "/audit",
        icbCode,
        null,
        action,
        from,
        to,
        page,
        model,
        response);
  }

  @GetMapping("/workspaces/{icbCode}/audit.csv")
  void workspaceCsv(
      @PathVariable String icbCode,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse response)
      throws IOException {
    requireRead(icbCode);
    AuditFilter filter = AuditFilter.parse(null, action, from, to).inWorkspace(icbCode);
    AuditCsv.write(entries, filter, "audit-log-" + icbCode + ".csv", response);
  }

  @GetMapping("/admin/audit")
  String all(
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      Model model,
      HttpServletResponse response) {
    requireReadAll();
    model.addAttribute("allWorkspaces", true);
    return list("/admin/audit", null, workspace, action, from, to, page, model, response);
  }

  @GetMapping("/admin/audit.csv")
  void allCsv(
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse response)
      throws IOException {
    requireReadAll();
    AuditFilter filter = AuditFilter.parse(workspace, action, from, to);
    AuditCsv.write(entries, filter, "audit-log.csv", response);
  }

  /** Checks the whole chain and shows the result above the newest entries. */
  @GetMapping("/admin/audit/verification")
  String verification(Model model, HttpServletResponse response) {
    requireReadAll();
    model.addAttribute("allWorkspaces", true);
    model.addAttribute("verification", chain.verify());
    return list("/admin/audit", null, null, null, null, null, null, model, response);
  }

  private String list(
      String path,
      String icbCode,
      String workspace,
      String action,
      String from,
      String to,
      String page,
      Model model,
      HttpServletResponse response) {
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("workspace", workspace);
    typed.put("action", action);
    typed.put("from", from);
    typed.put("to", to);
    model.addAttribute("values", typed);
    model.addAttribute("path", path);
    model.addAttribute(
        "filtered", typed.values().stream().anyMatch(v -> v != null && !v.isBlank()));
    int number = pageNumber(page);
    AuditFilter filter;
    try {
      filter = AuditFilter.parse(workspace, action, from, to);
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", List.of(new FieldError(e.field(), e.getMessage())));
      model.addAttribute("entries", List.of());
      return VIEW;
    }
    if (icbCode != null) {
      filter = filter.inWorkspace(icbCode);
    }
    List<AuditEntry> found = entries.page(filter, (long) (number - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    boolean more = found.size() > PAGE_SIZE;
    model.addAttribute("errors", List.of());
    model.addAttribute("entries", more ? found.subList(0, PAGE_SIZE) : found);
    model.addAttribute("page", number);
    model.addAttribute("previousUrl", number > 1 ? url(path, typed, number - 1) : null);
    model.addAttribute("nextUrl", more ? url(path, typed, number + 1) : null);
    model.addAttribute("csvUrl", url(path + ".csv", typed, 1));
    return VIEW;
  }

  private static int pageNumber(String page) {
    try {
      return page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The address of a page of the list (or of its CSV) with the filter as typed. */
  private static String url(String path, Map<String, String> typed, int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
    typed.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            url.queryParam(name, value.strip());
          }
        });
    if (page > 1) {
      url.queryParam("page", page);
    }
    return url.encode().build().toUriString();
  }

  private void requireRead(String icbCode) {
    if (!actor.mayRead(icbCode)) {
      throw new AccessDeniedException(
          "Only the workspace's ICS administrators and platform administrators read its audit"
              + " log");
    }
  }

  private void requireReadAll() {
    if (!actor.mayReadAll()) {
      throw new AccessDeniedException("Only platform administrators read the whole audit log");
    }
  }
}
