package org.fourthpurpose.question.proposition;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.MeasureSummary;
import org.fourthpurpose.impact.NewMeasure;
import org.fourthpurpose.question.PartnerRole;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.PropositionStatus;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A workspace's testable propositions: the list, a proposition's page (hypothesis, partners,
 * policies and funding, pilot, measures, evidence and decision log), the form that adds or changes
 * one, the status change with its decision, the measures added from it, and removal of an idea.
 * Forms are checked on the server with an error summary and a message by every field at fault.
 */
@NeedsReferenceData({"anchor-seed", "indicators"})
@Controller
class PropositionPageController {

  static final String LIST_VIEW = "question/proposition/propositions";
  static final String DETAIL_VIEW = "question/proposition/proposition";
  static final String FORM_VIEW = "question/proposition/proposition-form";
  static final String REMOVE_VIEW = "question/proposition/remove";

  private final StoredPropositions stored;
  private final PropositionChanges changes;
  private final PropositionView view;
  private final StepTwoSources sources;
  private final AnchorRegister register;
  private final PilotPlaces places;
  private final PropositionMeasures measures;
  private final WorkspaceAccess access;
  private final AuditLog audit;
  private final Geography geography;

  PropositionPageController(
      StoredPropositions stored,
      PropositionChanges changes,
      PropositionView view,
      StepTwoSources sources,
      AnchorRegister register,
      PilotPlaces places,
      PropositionMeasures measures,
      WorkspaceAccess access,
      AuditLog audit,
      Geography geography) {
    this.stored = stored;
    this.changes = changes;
    this.view = view;
    this.sources = sources;
    this.register = register;
    this.places = places;
    this.measures = measures;
    this.access = access;
    this.audit = audit;
    this.geography = geography;
  }

  /** A decision log entry as the page shows it. */
  record DecisionRow(String when, String status, String decision, String reason, String who) {
    static final java.time.format.DateTimeFormatter WHEN =
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.UK);

    static DecisionRow of(org.fourthpurpose.question.Decision d) {
      return new DecisionRow(
          WHEN.format(d.decidedAt().atZone(PropositionView.LONDON)),
          (d.from() == null ? "" : d.from().label() + " to ") + d.to().label(),
          d.decision(),
          d.reason(),
          d.decidedBy());
    }
  }

  /** One choice of a form. */
  record Choice(String value, String label, String hint) {}

  /** A register organisation in the partners part of the form, with the role chosen. */
  record PartnerChoice(long id, String name, String type, String role) {}

  /** What the measure form holds. */
  record MeasureValues(
      String name,
      String definition,
      String unit,
      String improvement,
      String target,
      String targetDate) {
    static MeasureValues empty() {
      return new MeasureValues("", "", "", "increase", "", "");
    }
  }

  // The list

  @GetMapping("/workspaces/{icbCode}/propositions")
  String list(
      @PathVariable String icbCode, @RequestParam(required = false) String status, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    List<Proposition> all = stored.propositions(icb.code());
    PropositionStatus chosen = null;
    if (status != null && !status.isBlank()) {
      chosen =
          PropositionStatus.find(status)
              .orElseThrow(
                  () ->
                      InvalidInputException.parameter(
                          "status",
                          "must be idea, agreed, piloting, evaluated, scaled or stopped"));
    }
    Map<PropositionStatus, Long> counts = new LinkedHashMap<>();
    for (PropositionStatus s : PropositionStatus.values()) {
      counts.put(s, all.stream().filter(p -> p.status() == s).count());
    }
    PropositionStatus filter = chosen;
    List<Proposition> shown =
        filter == null ? all : all.stream().filter(p -> p.status() == filter).toList();
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("total", all.size());
    model.addAttribute("summary", summary(all.size(), counts));
    model.addAttribute("counts", counts);
    model.addAttribute("statuses", PropositionStatus.values());
    model.addAttribute("chosenStatus", chosen == null ? "" : chosen.code());
    model.addAttribute("rows", view.show(icb.code(), shown));
    model.addAttribute(
        "priorities", sources.questions(icb.code()).stream().filter(q -> q.priority()).count());
    return LIST_VIEW;
  }

  // A proposition's page

  @GetMapping("/workspaces/{icbCode}/propositions/{id}")
  String detail(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    Proposition p = require(icb, id);
    return detail(icb, p, model, List.of(), null, MeasureValues.empty(), List.of());
  }

  private String detail(
      IntegratedCareBoard icb,
      Proposition p,
      Model model,
      List<FieldProblem> moveProblems,
      Map<String, String> moveValues,
      MeasureValues measureValues,
      List<FieldProblem> measureProblems) {
    List<FieldProblem> all = new ArrayList<>(moveProblems);
    all.addAll(measureProblems);
    errors(model, all);
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("shown", view.show(icb.code(), p));
    model.addAttribute(
        "decisions", stored.decisions(icb.code(), p.id()).stream().map(DecisionRow::of).toList());
    List<MeasureSummary> linked = measures.ofProposition(icb.code(), p.id());
    model.addAttribute("measures", linked);
    model.addAttribute("measuresAvailable", measures.available());
    model.addAttribute(
        "moves",
        p.status().next().stream().map(s -> new Choice(s.code(), s.label(), moveHint(s))).toList());
    model.addAttribute(
        "moveValues",
        moveValues == null ? Map.of("to", "", "decision", "", "reason", "") : moveValues);
    model.addAttribute("measureValues", measureValues);
    model.addAttribute(
        "improvements",
        List.of(
            new Choice("increase", "Higher is better", null),
            new Choice("decrease", "Lower is better", null),
            new Choice("neutral", "Neither: watch for change", null)));
    return DETAIL_VIEW;
  }

  static String summary(int total, Map<PropositionStatus, Long> counts) {
    if (total == 0) {
      return "No propositions yet.";
    }
    return total
        + (total == 1 ? " proposition: " : " propositions: ")
        + counts.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.joining(", "))
        + ".";
  }

  private static String moveHint(PropositionStatus s) {
    return switch (s) {
      case AGREED -> "The partners agree to test it (needs a lead partner)";
      case PILOTING -> "The pilot has started (needs its places and start date)";
      case EVALUATED -> "The pilot has ended and its results are judged";
      case SCALED -> "It worked and is spread beyond the pilot";
      case STOPPED -> "It ends here; the decision log keeps why";
      case IDEA -> null;
    };
  }

  @PostMapping("/workspaces/{icbCode}/propositions/{id}/status")
  String move(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    try {
      changes.move(icb.code(), p, from, to, decision, reason);
      return "redirect:/workspaces/" + icb.code() + "/propositions/" + id + "?moved#decisions";
    } catch (PropositionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> values = new LinkedHashMap<>();
      values.put("to", to == null ? "" : to);
      values.put("decision", decision == null ? "" : decision);
      values.put("reason", reason == null ? "" : reason);
      return detail(icb, p, model, e.problems(), values, MeasureValues.empty(), List.of());
    }
  }

  @PostMapping("/workspaces/{icbCode}/propositions/{id}/measures")
  String addMeasure(
      @PathVariable String icbCode,
      @PathVariable long id,
      MeasureValues values,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    List<FieldProblem> problems = new ArrayList<>();
    NewMeasure draft = measure(p, values, problems);
    if (problems.isEmpty()) {
      try {
        measures.create(icb.code(), draft, audit.currentActor());
        return "redirect:/workspaces/" + icb.code() + "/propositions/" + id + "?measure#measures";
      } catch (InvalidInputException e) {
        problems.add(
            new FieldProblem(
                "measure-" + (e.field() == null ? "name" : e.field()), e.getMessage()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return detail(icb, p, model, List.of(), null, values, problems);
  }

  /** The measure as the impact module takes it; a target that is not a number is refused here. */
  private static NewMeasure measure(Proposition p, MeasureValues v, List<FieldProblem> problems) {
    Double target = null;
    String t = PropositionChecks.strip(v.target()).replace(",", "");
    if (!t.isEmpty()) {
      try {
        target = Double.valueOf(t);
        if (target.isNaN() || target.isInfinite()) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(
            new FieldProblem(
                "measure-target",
                "'"
                    + PropositionChecks.shorten(t)
                    + "' is not a number: write the target as 40 or 12.5"));
      }
    }
    java.time.LocalDate targetDate = null;
    String d = PropositionChecks.strip(v.targetDate());
    if (!d.isEmpty()) {
      targetDate = PropositionChecks.parseDate(d).orElse(null);
      if (targetDate == null) {
        problems.add(
            new FieldProblem(
                "measure-targetDate",
                "'"
                    + PropositionChecks.shorten(d)
                    + "' is not a date: write it as 2027-03-31 or 31/03/2027"));
      }
    }
    return new NewMeasure(
        PropositionChecks.strip(v.name()),
        PropositionChecks.strip(v.definition()),
        PropositionChecks.strip(v.unit()),
        PropositionChecks.strip(v.improvement()),
        target,
        targetDate,
        PropositionLinkTargets.KIND,
        p.id());
  }

  // Adding and changing

  @GetMapping("/workspaces/{icbCode}/propositions/new")
  String newProposition(
      @PathVariable String icbCode, @RequestParam(required = false) String question, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return form(
        icb, model, null, PropositionDraft.empty(question == null ? "" : question), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/propositions")
  String add(
      @PathVariable String icbCode,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    PropositionDraft draft = draft(form);
    try {
      Proposition added = changes.add(icb.code(), draft);
      return "redirect:/workspaces/" + icb.code() + "/propositions/" + added.id() + "?added";
    } catch (PropositionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, null, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/propositions/{id}/edit")
  String edit(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    return form(icb, model, p, draftOf(p), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/propositions/{id}/edit")
  String update(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    PropositionDraft draft = draft(form);
    int version;
    try {
      version = Integer.parseInt(PropositionChecks.strip(form.getFirst("version")));
    } catch (NumberFormatException e) {
      version = p.version();
    }
    try {
      changes.update(icb.code(), p, version, draft);
      return "redirect:/workspaces/" + icb.code() + "/propositions/" + id + "?changed";
    } catch (PropositionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, p, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/propositions/{id}/remove")
  String confirmRemove(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    model.addAttribute("icb", icb);
    model.addAttribute("proposition", p);
    return REMOVE_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/propositions/{id}/remove")
  String remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    changes.remove(icb.code(), require(icb, id));
    return "redirect:/workspaces/" + icb.code() + "/propositions?removed";
  }

  private String form(
      IntegratedCareBoard icb,
      Model model,
      Proposition existing,
      PropositionDraft values,
      List<FieldProblem> problems) {
    errors(model, problems);
    model.addAttribute("icb", icb);
    model.addAttribute("existing", existing);
    model.addAttribute("values", values);
    List<StepTwoSources.QuestionRef> priorities =
        sources.questions(icb.code()).stream()
            .filter(StepTwoSources.QuestionRef::priority)
            .toList();
    model.addAttribute("questions", priorities);
    Map<String, String> roles = new LinkedHashMap<>();
    values
        .partners()
        .forEach(p -> roles.put(PropositionChecks.strip(p.organisationId()), p.role()));
    List<PartnerChoice> partners = new ArrayList<>();
    for (AnchorOrganisation o : register.organisations(icb.code())) {
      partners.add(
          new PartnerChoice(
              o.id(), o.name(), o.type().label(), roles.getOrDefault(String.valueOf(o.id()), "")));
    }
    model.addAttribute("partners", partners);
    model.addAttribute("roles", PartnerRole.values());
    List<PropositionView.PolicyLine> policies =
        sources.policies().stream().map(r -> PropositionView.policyLine(r.id(), r)).toList();
    model.addAttribute(
        "levers", policies.stream().filter(l -> !"funding".equals(l.kind())).toList());
    model.addAttribute(
        "funding", policies.stream().filter(l -> "funding".equals(l.kind())).toList());
    model.addAttribute("places", places.of(icb.code()));
    return FORM_VIEW;
  }

  private static void errors(Model model, List<FieldProblem> problems) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      byField.putIfAbsent(p.field(), p.message());
    }
    model.addAttribute("errors", problems);
    model.addAttribute("fieldErrors", byField);
  }

  /** The draft a form gives: roles arrive as role-{organisation id} fields. */
  static PropositionDraft draft(MultiValueMap<String, String> form) {
    List<PropositionDraft.PartnerInput> partners = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      if (e.getKey().startsWith("role-") && e.getValue() != null) {
        String organisation = e.getKey().substring("role-".length());
        for (String role : e.getValue()) {
          if (role != null && !role.isBlank()) {
            partners.add(new PropositionDraft.PartnerInput(organisation, role));
          }
        }
      }
    }
    return new PropositionDraft(
        form.getFirst("questionId"),
        form.getFirst("title"),
        form.getFirst("ifWe"),
        form.getFirst("then"),
        form.getFirst("measuredBy"),
        partners,
        listOf(form.get("policies")),
        listOf(form.get("places")),
        form.getFirst("pilotWhom"),
        form.getFirst("pilotFrom"),
        form.getFirst("pilotTo"),
        form.getFirst("pilotCost"));
  }

  private static List<String> listOf(List<String> values) {
    return values == null ? List.of() : values;
  }

  static PropositionDraft draftOf(Proposition p) {
    return new PropositionDraft(
        String.valueOf(p.questionId()),
        p.title(),
        p.ifWe(),
        p.then(),
        p.measuredBy(),
        p.partners().stream()
            .map(
                x ->
                    new PropositionDraft.PartnerInput(
                        String.valueOf(x.organisationId()), x.role().code()))
            .toList(),
        p.policyIds(),
        p.pilot().places(),
        p.pilot().whom() == null ? "" : p.pilot().whom(),
        p.pilot().from() == null ? "" : p.pilot().from().toString(),
        p.pilot().to() == null ? "" : p.pilot().to().toString(),
        p.pilot().cost() == null ? "" : p.pilot().cost().toPlainString());
  }

  private Proposition require(IntegratedCareBoard icb, long id) {
    return stored
        .proposition(icb.code(), id)
        .orElseThrow(() -> new NotFoundException("This workspace has no proposition " + id));
  }
}
