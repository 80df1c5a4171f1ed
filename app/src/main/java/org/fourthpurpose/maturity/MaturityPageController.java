package org.fourthpurpose.maturity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.fourthpurpose.web.UserProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The maturity pages. Forms post back here; a problem re-shows the form with an error summary. */
@Controller
class MaturityPageController {

  static final String BASE = "/workspaces/{icbCode}/maturity";

  private final FrameworkCatalogue catalogue;
  private final AssessmentService assessments;
  private final ModerationService moderation;
  private final MilestoneService milestones;
  private final ProgressService progress;
  private final BenchmarkService benchmark;
  private final BoardReportService reports;
  private final WorkspaceAccess access;
  private final Geography geography;

  MaturityPageController(
      FrameworkCatalogue catalogue,
      AssessmentService assessments,
      ModerationService moderation,
      MilestoneService milestones,
      ProgressService progress,
      BenchmarkService benchmark,
      BoardReportService reports,
      WorkspaceAccess access,
      Geography geography) {
    this.catalogue = catalogue;
    this.assessments = assessments;
    this.moderation = moderation;
    this.milestones = milestones;
    this.progress = progress;
    this.benchmark = benchmark;
    this.reports = reports;
    this.access = access;
    this.geography = geography;
  }

  // Public pages

  @GetMapping("/maturity/framework")
  String framework(Model model) {
    model.addAttribute("framework", catalogue.current());
    return "maturity/framework";
  }

  @GetMapping("/maturity/benchmark")
  String benchmark(Model model) {
    model.addAttribute("benchmark", benchmark.benchmark());
    model.addAttribute("framework", catalogue.current());
    model.addAttribute("levels", MaturityLevel.values());
    return "maturity/benchmark";
  }

  // Workspace: rounds, sharing and added areas

  @GetMapping(BASE)
  String rounds(@PathVariable String icbCode, Model model) {
    model.addAttribute("rounds", assessments.rounds(icbCode));
    model.addAttribute("sharing", benchmark.sharing(icbCode));
    model.addAttribute("systemAreas", catalogue.systemAreas(icbCode));
    model.addAttribute("framework", catalogue.current());
    return workspacePage(icbCode, model, "maturity/rounds");
  }

  @PostMapping(BASE + "/rounds")
  String open(
      @PathVariable String icbCode, @RequestParam(required = false) String name, Model model) {
    try {
      AssessmentRound round = assessments.open(icbCode, name);
      return "redirect:/workspaces/" + icbCode + "/maturity/rounds/" + round.id();
    } catch (UserProblem problem) {
      model.addAttribute("errors", List.of(PageError.of(problem)));
      model.addAttribute("name", name);
      return rounds(icbCode, model);
    }
  }

  @PostMapping(BASE + "/sharing")
  String sharing(
      @PathVariable String icbCode,
      @RequestParam(defaultValue = "false") boolean shareLevels,
      @RequestParam(defaultValue = "false") boolean publishName,
      RedirectAttributes redirect) {
    benchmark.updateSharing(icbCode, new SharingChoice(shareLevels, publishName));
    redirect.addFlashAttribute("saved", "Your sharing choice has been saved.");
    return "redirect:/workspaces/" + icbCode + "/maturity";
  }

  @PostMapping(BASE + "/areas")
  String addArea(
      @PathVariable String icbCode,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Map<MaturityLevel, String> descriptors = new EnumMap<>(MaturityLevel.class);
    for (MaturityLevel level : MaturityLevel.DESCRIBED) {
      descriptors.put(level, form.getFirst("descriptor-" + level.code()));
    }
    try {
      FocusArea area =
          catalogue.addSystemArea(
              icbCode,
              form.getFirst("domain"),
              form.getFirst("title"),
              form.getFirst("summary"),
              descriptors);
      redirect.addFlashAttribute(
          "saved",
          "The area " + area.title() + " has been added; rounds you open from now on include it.");
      return "redirect:/workspaces/" + icbCode + "/maturity";
    } catch (UserProblem problem) {
      model.addAttribute("areaErrors", List.of(PageError.of(problem)));
      model.addAttribute("areaForm", form.toSingleValueMap());
      return rounds(icbCode, model);
    }
  }

  // A round

  @GetMapping(BASE + "/rounds/{roundId}")
  String round(@PathVariable String icbCode, @PathVariable long roundId, Model model) {
    RoundScope scope = assessments.round(icbCode, roundId);
    model.addAttribute("scope", scope);
    model.addAttribute("round", scope.round());
    model.addAttribute("assessors", assessments.assessors(icbCode, roundId));
    model.addAttribute(
        "isAssessor",
        access
            .currentAccount()
            .map(
                a ->
                    assessments.assessors(icbCode, roundId).stream()
                        .anyMatch(s -> a.id() == (s.accountId() == null ? -1 : s.accountId())))
            .orElse(false));
    return workspacePage(icbCode, model, "maturity/round");
  }

  @PostMapping(BASE + "/rounds/{roundId}/assessors")
  String invite(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String email,
      Model model) {
    try {
      Invitation invitation = assessments.invite(icbCode, roundId, name, organisation, email);
      model.addAttribute("invited", invitation.assessor());
      invitation
          .linkToken()
          .ifPresent(
              t -> model.addAttribute("personalLink", MaturityApiController.personalLink(t)));
    } catch (UserProblem problem) {
      model.addAttribute("errors", List.of(PageError.of(problem)));
      model.addAttribute(
          "inviteForm",
          Map.of("name", nz(name), "organisation", nz(organisation), "email", nz(email)));
    }
    return round(icbCode, roundId, model);
  }

  @PostMapping(BASE + "/rounds/{roundId}/close")
  String close(
      @PathVariable String icbCode, @PathVariable long roundId, RedirectAttributes redirect) {
    assessments.close(icbCode, roundId);
    redirect.addFlashAttribute(
        "saved", "The round is closed. Its ratings and agreed levels can no longer change.");
    return "redirect:/workspaces/" + icbCode + "/maturity/rounds/" + roundId;
  }

  // Rating, by account or personal link

  @GetMapping(BASE + "/rounds/{roundId}/my-ratings")
  String myRatings(@PathVariable String icbCode, @PathVariable long roundId, Model model) {
    Assessor assessor = assessments.myAssessor(icbCode, roundId);
    return ratingPage(
        assessor,
        null,
        null,
        "/workspaces/" + icbCode + "/maturity/rounds/" + roundId + "/my-ratings",
        model);
  }

  @PostMapping(BASE + "/rounds/{roundId}/my-ratings")
  String saveMyRatings(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Assessor assessor = assessments.myAssessor(icbCode, roundId);
    String self = "/workspaces/" + icbCode + "/maturity/rounds/" + roundId + "/my-ratings";
    return saveRatings(assessor, form, self, model, redirect);
  }

  @GetMapping("/assess/{token}")
  String assess(@PathVariable String token, Model model) {
    Assessor assessor = assessments.assessorForLink(token);
    return ratingPage(assessor, null, null, "/assess/" + token, model);
  }

  @PostMapping("/assess/{token}")
  String saveAssess(
      @PathVariable String token,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Assessor assessor = assessments.assessorForLink(token);
    return saveRatings(assessor, form, "/assess/" + token, model, redirect);
  }

  private String saveRatings(
      Assessor assessor,
      MultiValueMap<String, String> form,
      String self,
      Model model,
      RedirectAttributes redirect) {
    RoundScope scope = assessments.scopeFor(assessor);
    List<RatingInput> inputs = new ArrayList<>();
    for (FocusArea area : scope.areas()) {
      String version = form.getFirst("version-" + area.id());
      Integer seen;
      try {
        seen = version == null || version.isBlank() ? null : Integer.valueOf(version);
      } catch (NumberFormatException e) {
        seen = -1;
      }
      inputs.add(
          new RatingInput(
              area.id(),
              form.getFirst("level-" + area.id()),
              form.getFirst("fulfilment-" + area.id()),
              form.getFirst("confidence-" + area.id()),
              form.getFirst("evidence-" + area.id()),
              form.getFirst("links-" + area.id()),
              seen));
    }
    try {
      assessments.save(assessor, inputs);
      if ("submit".equals(form.getFirst("action"))) {
        assessments.submit(assessor);
        redirect.addFlashAttribute("saved", "Your ratings have been submitted. Thank you.");
      } else {
        redirect.addFlashAttribute("saved", "Your ratings have been saved as a draft.");
      }
      return "redirect:" + self;
    } catch (UserProblem problem) {
      return ratingPage(assessor, form.toSingleValueMap(), problem, self, model);
    }
  }

  private String ratingPage(
      Assessor assessor,
      Map<String, String> submitted,
      UserProblem problem,
      String self,
      Model model) {
    RoundScope scope = assessments.scopeFor(assessor);
    Map<String, Rating> ratings = assessments.ratingsOf(assessor);
    Map<String, String> values = new HashMap<>();
    for (Rating r : ratings.values()) {
      values.put("level-" + r.areaId(), r.level().code());
      values.put("fulfilment-" + r.areaId(), r.fulfilment() == null ? "" : r.fulfilment().code());
      values.put("confidence-" + r.areaId(), r.confidence() == null ? "" : r.confidence().code());
      values.put("evidence-" + r.areaId(), r.evidence());
      values.put("links-" + r.areaId(), String.join("\n", r.evidenceLinks()));
      values.put("version-" + r.areaId(), String.valueOf(r.version()));
    }
    if (submitted != null) {
      // Keep what the assessor typed, but the versions they saw.
      submitted.forEach(
          (k, v) -> {
            if (!k.startsWith("version-") && !k.equals("_csrf")) {
              values.put(k, v);
            }
          });
    }
    model.addAttribute("assessor", assessor);
    model.addAttribute("scope", scope);
    model.addAttribute("round", scope.round());
    model.addAttribute("values", values);
    model.addAttribute("ratedCount", ratings.size());
    model.addAttribute("self", self);
    model.addAttribute("levels", MaturityLevel.values());
    model.addAttribute("fulfilments", Fulfilment.values());
    model.addAttribute("confidences", Confidence.values());
    model.addAttribute("systemName", systemName(scope.round().icbCode()));
    model.addAttribute("editable", scope.round().open() && !assessor.submitted());
    if (problem != null) {
      model.addAttribute("errors", List.of(PageError.of(problem)));
    }
    return "maturity/rate";
  }

  // Moderation

  @GetMapping(BASE + "/rounds/{roundId}/moderation")
  String moderation(@PathVariable String icbCode, @PathVariable long roundId, Model model) {
    ModerationView view = moderation.moderation(icbCode, roundId);
    model.addAttribute("view", view);
    model.addAttribute("round", view.scope().round());
    model.addAttribute(
        "domains", view.scope().domains().stream().map(FrameworkDomain::title).toList());
    model.addAttribute("levels", MaturityLevel.values());
    return workspacePage(icbCode, model, "maturity/moderation");
  }

  @GetMapping(BASE + "/rounds/{roundId}/moderation/{areaId}")
  String moderationArea(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @PathVariable String areaId,
      Model model) {
    ModerationView view = moderation.moderation(icbCode, roundId);
    AreaModeration area =
        view.areas().stream()
            .filter(a -> a.area().id().equals(areaId))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "unknown-area",
                        "Unknown area of focus",
                        "areaId",
                        areaId,
                        "There is no area of focus \"" + areaId + "\" in this round."));
    model.addAttribute("m", area);
    model.addAttribute("round", view.scope().round());
    model.addAttribute("levels", MaturityLevel.values());
    model.addAttribute("fulfilments", Fulfilment.values());
    return workspacePage(icbCode, model, "maturity/moderation-area");
  }

  @PostMapping(BASE + "/rounds/{roundId}/agreements/{areaId}")
  String agree(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @PathVariable String areaId,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String fulfilment,
      @RequestParam(required = false) String rationale,
      @RequestParam(required = false) Integer version,
      Model model,
      RedirectAttributes redirect) {
    try {
      Agreement agreed =
          moderation.agree(icbCode, roundId, areaId, level, fulfilment, rationale, version);
      redirect.addFlashAttribute("saved", "Agreed level saved: " + agreed.level().label() + ".");
      return "redirect:/workspaces/"
          + icbCode
          + "/maturity/rounds/"
          + roundId
          + "/moderation/"
          + areaId;
    } catch (UserProblem problem) {
      model.addAttribute("errors", List.of(new PageError(problem.getMessage(), "agree-" + areaId)));
      model.addAttribute("failedArea", areaId);
      model.addAttribute(
          "failedForm",
          Map.of("level", nz(level), "fulfilment", nz(fulfilment), "rationale", nz(rationale)));
      return moderationArea(icbCode, roundId, areaId, model);
    }
  }

  // Milestones

  @GetMapping(BASE + "/rounds/{roundId}/milestones")
  String milestones(@PathVariable String icbCode, @PathVariable long roundId, Model model) {
    RoundScope scope = assessments.round(icbCode, roundId);
    model.addAttribute("scope", scope);
    model.addAttribute("round", scope.round());
    model.addAttribute("milestones", milestones.milestones(icbCode, roundId));
    model.addAttribute("agreements", moderation.moderation(icbCode, roundId).areas());
    model.addAttribute("today", milestones.today());
    model.addAttribute("statuses", MilestoneStatus.values());
    model.addAttribute("targetLevels", MaturityLevel.DESCRIBED);
    model.addAttribute("canEdit", access.canEdit(icbCode));
    return workspacePage(icbCode, model, "maturity/milestones");
  }

  @PostMapping(BASE + "/rounds/{roundId}/milestones")
  String addMilestone(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    try {
      milestones.add(
          icbCode,
          roundId,
          new MilestoneInput(
              form.getFirst("areaId"),
              form.getFirst("targetLevel"),
              form.getFirst("action"),
              form.getFirst("owner"),
              form.getFirst("partners"),
              form.getFirst("dueDate"),
              null,
              null));
      redirect.addFlashAttribute("saved", "Milestone added.");
      return "redirect:/workspaces/" + icbCode + "/maturity/rounds/" + roundId + "/milestones";
    } catch (UserProblem problem) {
      model.addAttribute("errors", List.of(PageError.of(problem)));
      model.addAttribute("milestoneForm", form.toSingleValueMap());
      return milestones(icbCode, roundId, model);
    }
  }

  @PostMapping(BASE + "/rounds/{roundId}/milestones/{milestoneId}/status")
  String milestoneStatus(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @PathVariable long milestoneId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer version,
      Model model,
      RedirectAttributes redirect) {
    Milestone m =
        milestones.milestones(icbCode, roundId).stream()
            .filter(x -> x.id() == milestoneId)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "milestoneId",
                        String.valueOf(milestoneId),
                        "There is no such milestone in this round."));
    try {
      milestones.update(
          icbCode,
          roundId,
          milestoneId,
          new MilestoneInput(
              m.areaId(),
              m.targetLevel().code(),
              m.action(),
              m.owner(),
              String.join("\n", m.partners()),
              m.dueDate().toString(),
              status,
              version));
      redirect.addFlashAttribute("saved", "Milestone status updated.");
      return "redirect:/workspaces/" + icbCode + "/maturity/rounds/" + roundId + "/milestones";
    } catch (UserProblem problem) {
      model.addAttribute(
          "errors", List.of(new PageError(problem.getMessage(), "status-" + milestoneId)));
      return milestones(icbCode, roundId, model);
    }
  }

  // Progress and report

  @GetMapping(BASE + "/progress")
  String progress(@PathVariable String icbCode, Model model) {
    Progress p = progress.progress(icbCode);
    model.addAttribute("progress", p);
    model.addAttribute("charts", ProgressChart.perDomain(p));
    return workspacePage(icbCode, model, "maturity/progress");
  }

  @GetMapping(value = BASE + "/rounds/{roundId}/report", produces = "text/html;charset=UTF-8")
  @org.springframework.web.bind.annotation.ResponseBody
  String report(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      jakarta.servlet.http.HttpServletRequest request) {
    return reports.html(icbCode, roundId, request.getContextPath());
  }

  // Platform administration

  @GetMapping("/admin/maturity/frameworks")
  String frameworks(Model model) {
    model.addAttribute("history", catalogue.history());
    model.addAttribute("framework", catalogue.current());
    return "maturity/admin-frameworks";
  }

  @PostMapping("/admin/maturity/frameworks")
  String publish(
      @RequestParam(required = false) String definition, Model model, RedirectAttributes redirect) {
    try {
      Framework published = catalogue.publish(definition == null ? "" : definition);
      redirect.addFlashAttribute(
          "saved", "Version " + published.version() + " is now the current framework.");
      return "redirect:/admin/maturity/frameworks";
    } catch (UserProblem problem) {
      model.addAttribute(
          "errors",
          List.of(
              new PageError(
                  problem.getMessage()
                      + (problem.field() == null ? "" : " (at " + problem.field() + ")"),
                  "definition")));
      model.addAttribute("definition", definition);
      return frameworks(model);
    }
  }

  private String workspacePage(String icbCode, Model model, String view) {
    model.addAttribute("icbCode", icbCode);
    model.addAttribute("systemName", systemName(icbCode));
    var role = access.roleIn(icbCode);
    model.addAttribute(
        "canAdminister", role.map(r -> r.includes(WorkspaceRole.ICS_ADMIN)).orElse(false));
    model.addAttribute(
        "canEditWorkspace", role.map(r -> r.includes(WorkspaceRole.EDITOR)).orElse(false));
    return view;
  }

  private String systemName(String icbCode) {
    return geography.icb(icbCode).map(IntegratedCareBoard::shortName).orElse(icbCode);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
