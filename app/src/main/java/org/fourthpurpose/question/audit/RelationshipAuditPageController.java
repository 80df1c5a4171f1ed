package org.fourthpurpose.question.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The workspace's relationship audit pages: the list and a new audit, one audit with its questions
 * (edited while a draft), making links for a sector (shown or downloaded once), closing, and the
 * results with the suppression explained.
 */
@Controller
class RelationshipAuditPageController {

  static final String LIST = "question/audit/audits";
  static final String AUDIT = "question/audit/audit";
  static final String QUESTION = "question/audit/question-form";
  static final String LINKS = "question/audit/links";
  static final String RESULTS = "question/audit/results";

  private final PartnerAudits audits;
  private final WorkspaceAccess access;
  private final Geography geography;

  RelationshipAuditPageController(
      PartnerAudits audits, WorkspaceAccess access, Geography geography) {
    this.audits = audits;
    this.access = access;
    this.geography = geography;
  }

  @GetMapping("/workspaces/{icbCode}/audits")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    List<RelationshipAudit> all = audits.audits(icb.code());
    Map<Long, Integer> respondents = new LinkedHashMap<>();
    all.forEach(a -> respondents.put(a.id(), audits.respondentsShown(a)));
    model.addAttribute("icb", icb);
    model.addAttribute("audits", all);
    model.addAttribute("respondents", respondents);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("source", AuditTemplate.SOURCE);
    model.addAttribute("templateSize", AuditTemplate.QUESTIONS.size());
    return LIST;
  }

  @PostMapping("/workspaces/{icbCode}/audits")
  String create(
      @PathVariable String icbCode, @RequestParam(required = false) String title, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    try {
      RelationshipAudit audit = audits.create(icb.code(), title);
      return "redirect:/workspaces/" + icb.code() + "/audits/" + audit.id() + "?created";
    } catch (InvalidInputException e) {
      model.addAttribute("error", e);
      model.addAttribute("title", title);
      return list(icbCode, model);
    }
  }

  @GetMapping("/workspaces/{icbCode}/audits/{id}")
  String audit(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    RelationshipAudit audit = audits.audit(icb.code(), id);
    model.addAttribute("icb", icb);
    model.addAttribute("audit", audit);
    model.addAttribute("questions", audits.questions(audit));
    Map<String, Integer> links = audits.linksBySector(audit);
    Map<String, String> labels = new LinkedHashMap<>();
    links.keySet().forEach(s -> labels.put(s, label(s)));
    model.addAttribute("links", links);
    model.addAttribute("labels", labels);
    model.addAttribute("totalLinks", links.values().stream().mapToInt(Integer::intValue).sum());
    model.addAttribute("respondents", audits.respondentsShown(audit));
    model.addAttribute("sectors", Arrays.asList(OrganisationType.values()));
    model.addAttribute("kinds", Arrays.asList(QuestionKind.values()));
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    if (!model.containsAttribute("draft")) {
      model.addAttribute("draft", new QuestionDraft("scale", "", "", "", "", ""));
    }
    return AUDIT;
  }

  @PostMapping("/workspaces/{icbCode}/audits/{id}/title")
  String retitle(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String title,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    try {
      audits.retitle(icb.code(), id, title);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e);
      return audit(icbCode, id, model);
    }
    return "redirect:/workspaces/" + icb.code() + "/audits/" + id + "?saved";
  }

  @PostMapping("/workspaces/{icbCode}/audits/{id}/questions")
  String addQuestion(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String hint,
      @RequestParam(required = false) String options,
      @RequestParam(required = false) String lowLabel,
      @RequestParam(required = false) String highLabel,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    QuestionDraft draft = new QuestionDraft(kind, text, hint, options, lowLabel, highLabel);
    try {
      audits.addQuestion(icb.code(), id, draft);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e);
      model.addAttribute("draft", draft);
      return audit(icbCode, id, model);
    }
    return "redirect:/workspaces/" + icb.code() + "/audits/" + id + "?added#questions";
  }

  @GetMapping("/workspaces/{icbCode}/audits/{id}/questions/{questionId}")
  String editQuestion(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long questionId,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    RelationshipAudit audit = audits.audit(icb.code(), id);
    AuditQuestion q =
        audits.questions(audit).stream()
            .filter(x -> x.id() == questionId)
            .findFirst()
            .orElseThrow(
                () ->
                    new org.fourthpurpose.web.NotFoundException(
                        "questionId", String.valueOf(questionId), "No such question"));
    model.addAttribute("icb", icb);
    model.addAttribute("audit", audit);
    model.addAttribute("question", q);
    if (!model.containsAttribute("draft")) {
      model.addAttribute(
          "draft",
          new QuestionDraft(
              q.type(),
              q.text(),
              q.hint(),
              String.join("\n", q.options()),
              q.lowLabel(),
              q.highLabel()));
    }
    return QUESTION;
  }

  @PostMapping("/workspaces/{icbCode}/audits/{id}/questions/{questionId}")
  String saveQuestion(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long questionId,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String hint,
      @RequestParam(required = false) String options,
      @RequestParam(required = false) String lowLabel,
      @RequestParam(required = false) String highLabel,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    QuestionDraft draft = new QuestionDraft(null, text, hint, options, lowLabel, highLabel);
    try {
      audits.updateQuestion(icb.code(), id, questionId, draft);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e);
      model.addAttribute("draft", draft);
      return editQuestion(icbCode, id, questionId, model);
    }
    return "redirect:/workspaces/" + icb.code() + "/audits/" + id + "?saved#question-" + questionId;
  }

  @PostMapping("/workspaces/{icbCode}/audits/{id}/questions/{questionId}/remove")
  String removeQuestion(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable long questionId) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    audits.removeQuestion(icb.code(), id, questionId);
    return "redirect:/workspaces/" + icb.code() + "/audits/" + id + "?removed#questions";
  }

  @PostMapping("/workspaces/{icbCode}/audits/{id}/questions/{questionId}/move")
  String moveQuestion(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long questionId,
      @RequestParam(defaultValue = "down") String direction) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    audits.moveQuestion(icb.code(), id, questionId, "up".equals(direction) ? -1 : 1);
    return "redirect:/workspaces/" + icb.code() + "/audits/" + id + "#question-" + questionId;
  }

  /** Makes links and shows them once on a page, or sends them once as a CSV file. */
  @PostMapping("/workspaces/{icbCode}/audits/{id}/links")
  Object makeLinks(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String count,
      @RequestParam(required = false) String sector,
      @RequestParam(defaultValue = "page") String format,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    List<PartnerAudits.IssuedLink> issued;
    try {
      issued = audits.makeLinks(icb.code(), id, parseCount(count), sector);
    } catch (InvalidInputException e) {
      model.addAttribute("error", e);
      model.addAttribute("linkCount", count);
      model.addAttribute("linkSector", sector);
      return audit(icbCode, id, model);
    }
    String base =
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/audit/").toUriString();
    List<String> urls = issued.stream().map(l -> base + l.token()).toList();
    RelationshipAudit audit = audits.audit(icb.code(), id);
    if ("csv".equals(format)) {
      CsvText csv = new CsvText().row("sector", "link");
      issued.forEach(l -> csv.row(l.sector(), base + l.token()));
      return ResponseEntity.ok()
          .contentType(Downloads.TEXT_CSV)
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment()
                  .filename("audit-" + id + "-links-" + issued.get(0).sector() + ".csv")
                  .build()
                  .toString())
          .body(csv.toString());
    }
    model.addAttribute("icb", icb);
    model.addAttribute("audit", audit);
    model.addAttribute("urls", urls);
    model.addAttribute("sectorLabel", label(issued.get(0).sector()));
    model.addAttribute("allLinks", String.join("\n", urls));
    return LINKS;
  }

  @PostMapping("/workspaces/{icbCode}/audits/{id}/close")
  String close(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    audits.close(icb.code(), id);
    return "redirect:/workspaces/" + icb.code() + "/audits/" + id + "?closed";
  }

  @GetMapping("/workspaces/{icbCode}/audits/{id}/results")
  String results(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    RelationshipAudit audit = audits.audit(icb.code(), id);
    AuditResults results = audits.resultsOf(audit);
    model.addAttribute("icb", icb);
    model.addAttribute("audit", audit);
    model.addAttribute("results", results);
    model.addAttribute("questions", audits.questions(audit));
    model.addAttribute(
        "shownSectors", results.bySector().stream().filter(s -> !s.suppressed()).toList());
    model.addAttribute(
        "hiddenSectors", results.bySector().stream().filter(s -> s.suppressed()).toList());
    return RESULTS;
  }

  @GetMapping("/workspaces/{icbCode}/audits/{id}/results.csv")
  ResponseEntity<String> resultsCsv(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    RelationshipAudit audit = audits.audit(icb.code(), id);
    CsvText csv = new CsvText().row(AuditExport.HEADER);
    AuditExport.rows(audits.resultsOf(audit)).forEach(csv::row);
    return Downloads.csv(csv, "audit-" + id + "-results.csv");
  }

  @GetMapping("/workspaces/{icbCode}/audits/{id}/results.xlsx")
  ResponseEntity<byte[]> resultsXlsx(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    RelationshipAudit audit = audits.audit(icb.code(), id);
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("audit-" + id + "-results.xlsx", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(AuditExport.xlsx(audit, audits.resultsOf(audit)));
  }

  private static Integer parseCount(String count) {
    if (count == null || count.isBlank()) {
      return null;
    }
    if (!count.strip().matches("\\d{1,6}")) {
      throw new InvalidInputException("count", count, "Enter a whole number from 1 to 500");
    }
    return Integer.parseInt(count.strip());
  }

  static String label(String sector) {
    return OrganisationType.find(sector).map(OrganisationType::label).orElse(sector);
  }
}
