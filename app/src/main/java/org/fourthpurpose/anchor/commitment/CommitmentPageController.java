package org.fourthpurpose.anchor.commitment;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.ProgressionLevel;
import org.fourthpurpose.anchor.register.FieldProblem;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An organisation's page (its details, anchor strategies, commitments and progression levels), the
 * forms that change them (editors), every commitment of the workspace on one page, and the
 * progression levels explained. Forms are checked on the server with an error summary and a message
 * by every field at fault.
 */
@NeedsReferenceData({"anchor-seed", "indicators"})
@Controller
class CommitmentPageController {

  static final String ORGANISATION_VIEW = "anchor/commitment/organisation";
  static final String STRATEGY_FORM = "anchor/commitment/strategy-form";
  static final String COMMITMENT_FORM = "anchor/commitment/commitment-form";
  static final String PROGRESSION_FORM = "anchor/commitment/progression-form";
  static final String REMOVE_VIEW = "anchor/commitment/remove";
  static final String COMMITMENTS_VIEW = "anchor/commitment/commitments";
  static final String LEVELS_VIEW = "anchor/commitment/progression-levels";

  private final AnchorRegister register;
  private final Commitments commitments;
  private final IndicatorCatalogue catalogue;
  private final WorkspaceAccess access;
  private final Geography geography;

  CommitmentPageController(
      AnchorRegister register,
      Commitments commitments,
      IndicatorCatalogue catalogue,
      WorkspaceAccess access,
      Geography geography) {
    this.register = register;
    this.commitments = commitments;
    this.catalogue = catalogue;
    this.access = access;
    this.geography = geography;
  }

  /** A commitment as the tables show it. */
  record CommitmentRow(
      long id,
      long organisationId,
      String organisation,
      String pillar,
      String promise,
      String themes,
      String indicators,
      String baseline,
      String target,
      String targetDate,
      String measure,
      String owner,
      String evidence,
      String status,
      String statusCode,
      String strategy) {}

  /** A strategy as the organisation's page shows it. */
  record StrategyRow(
      long id, String title, String url, String publishedOn, String status, long commitments) {}

  /** A pillar's progression as the organisation's page shows it. */
  record ProgressionRow(
      Pillar pillar, ProgressionLevel level, String note, String assessedOn, String descriptor) {}

  /** One choice of a form. */
  record Choice(String value, String label, String hint) {}

  /** A theme with its indicators, for the commitment form. */
  record ThemeChoices(String code, String title, List<Choice> indicators, boolean open) {}

  // The organisation's page

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}")
  String organisation(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    List<AnchorStrategy> strategies = strategiesOf(icb, id);
    List<AnchorCommitment> own =
        register.commitments(icb.code()).stream().filter(c -> c.organisationId() == id).toList();
    Map<Pillar, Progression> progress = new LinkedHashMap<>();
    register.progressions(icb.code()).stream()
        .filter(p -> p.organisationId() == id)
        .forEach(p -> progress.put(p.pillar(), p));
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("organisation", organisation);
    model.addAttribute(
        "places",
        organisation.places().stream()
            .map(p -> geography.lad(p).map(LocalAuthorityDistrict::name).orElse(p))
            .collect(Collectors.joining(", ")));
    model.addAttribute(
        "strategies",
        strategies.stream()
            .map(
                s ->
                    new StrategyRow(
                        s.id(),
                        s.title(),
                        s.url(),
                        s.publishedOn() == null ? null : Formats.date(s.publishedOn()),
                        StrategyStatus.labelOf(s.status()),
                        own.stream()
                            .filter(c -> c.strategyId() != null && c.strategyId() == s.id())
                            .count()))
            .toList());
    model.addAttribute("commitments", rows(icb, own, Map.of(id, organisation.name()), strategies));
    model.addAttribute(
        "progression",
        Arrays.stream(Pillar.values())
            .map(
                p -> {
                  Progression found = progress.get(p);
                  return found == null
                      ? new ProgressionRow(p, null, null, null, null)
                      : new ProgressionRow(
                          p,
                          found.level(),
                          found.note(),
                          Formats.date(found.assessedOn()),
                          found.level().descriptor(p));
                })
            .toList());
    return ORGANISATION_VIEW;
  }

  // Strategies

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/strategies/new")
  String newStrategy(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return strategyForm(
        icb, model, require(icb, id), null, new StrategyDraft("", "", "", "published"), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/strategies")
  String addStrategy(
      @PathVariable String icbCode,
      @PathVariable long id,
      StrategyDraft draft,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    try {
      commitments.addStrategy(icb.code(), organisation, draft);
      return back(icb, id, "strategy-added");
    } catch (CommitmentProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return strategyForm(icb, model, organisation, null, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/strategies/{strategyId}/edit")
  String editStrategy(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long strategyId,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    AnchorStrategy s = requireStrategy(icb, id, strategyId);
    return strategyForm(
        icb,
        model,
        organisation,
        s,
        new StrategyDraft(
            s.title(),
            s.url(),
            s.publishedOn() == null ? "" : s.publishedOn().toString(),
            s.status()),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/strategies/{strategyId}/edit")
  String updateStrategy(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long strategyId,
      StrategyDraft draft,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    AnchorStrategy s = requireStrategy(icb, id, strategyId);
    try {
      commitments.updateStrategy(icb.code(), organisation, s, draft);
      return back(icb, id, "strategy-changed");
    } catch (CommitmentProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return strategyForm(icb, model, organisation, s, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/strategies/{strategyId}/remove")
  String confirmRemoveStrategy(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long strategyId,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    AnchorStrategy s = requireStrategy(icb, id, strategyId);
    model.addAttribute("icb", icb);
    model.addAttribute("organisation", organisation);
    model.addAttribute("what", "the strategy " + s.title());
    model.addAttribute(
        "consequence",
        "Its commitments stay with the organisation, no longer linked to a strategy.");
    model.addAttribute(
        "action",
        "/workspaces/"
            + icb.code()
            + "/anchors/organisations/"
            + id
            + "/strategies/"
            + strategyId
            + "/remove");
    return REMOVE_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/strategies/{strategyId}/remove")
  String removeStrategy(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable long strategyId) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    commitments.removeStrategy(icb.code(), organisation, requireStrategy(icb, id, strategyId));
    return back(icb, id, "strategy-removed");
  }

  // Commitments

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/commitments/new")
  String newCommitment(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String pillar,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return commitmentForm(
        icb,
        model,
        require(icb, id),
        null,
        new CommitmentDraft(
            "",
            Pillar.find(pillar).map(Pillar::code).orElse(""),
            "",
            List.of(),
            List.of(),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            CommitmentStatus.PLANNED.code()),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/commitments")
  String addCommitment(
      @PathVariable String icbCode,
      @PathVariable long id,
      CommitmentDraft draft,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    try {
      commitments.addCommitment(icb.code(), organisation, draft);
      return back(icb, id, "commitment-added");
    } catch (CommitmentProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return commitmentForm(icb, model, organisation, null, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/commitments/{commitmentId}/edit")
  String editCommitment(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long commitmentId,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    AnchorCommitment c = requireCommitment(icb, id, commitmentId);
    return commitmentForm(icb, model, organisation, c, draft(c), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/commitments/{commitmentId}/edit")
  String updateCommitment(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long commitmentId,
      CommitmentDraft draft,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    AnchorCommitment c = requireCommitment(icb, id, commitmentId);
    try {
      commitments.updateCommitment(icb.code(), organisation, c, draft);
      return back(icb, id, "commitment-changed");
    } catch (CommitmentProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return commitmentForm(icb, model, organisation, c, draft, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/commitments/{commitmentId}/remove")
  String confirmRemoveCommitment(
      @PathVariable String icbCode,
      @PathVariable long id,
      @PathVariable long commitmentId,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    AnchorCommitment c = requireCommitment(icb, id, commitmentId);
    model.addAttribute("icb", icb);
    model.addAttribute("organisation", organisation);
    model.addAttribute("what", "the commitment “" + CheckedCommitment.shorten(c.promise()) + "”");
    model.addAttribute("consequence", "Its history of statuses goes with it.");
    model.addAttribute(
        "action",
        "/workspaces/"
            + icb.code()
            + "/anchors/organisations/"
            + id
            + "/commitments/"
            + commitmentId
            + "/remove");
    return REMOVE_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/commitments/{commitmentId}/remove")
  String removeCommitment(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable long commitmentId) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    commitments.removeCommitment(
        icb.code(), organisation, requireCommitment(icb, id, commitmentId));
    return back(icb, id, "commitment-removed");
  }

  // Progression

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/progression")
  String progressionForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    Map<String, String> values = new LinkedHashMap<>();
    register.progressions(icb.code()).stream()
        .filter(p -> p.organisationId() == id)
        .forEach(
            p -> {
              values.put("level-" + p.pillar().code(), String.valueOf(p.level().level()));
              values.put("note-" + p.pillar().code(), p.note() == null ? "" : p.note());
            });
    return progressionForm(icb, model, organisation, values, List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/progression")
  String setProgression(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation organisation = require(icb, id);
    List<FieldProblem> problems = new ArrayList<>();
    // Every pillar is checked before any is stored.
    for (Pillar p : Pillar.values()) {
      try {
        commitments.checkProgression(
            p, form.get("level-" + p.code()), form.get("note-" + p.code()));
      } catch (CommitmentProblems e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return progressionForm(icb, model, organisation, form, problems);
    }
    for (Pillar p : Pillar.values()) {
      commitments.setProgression(
          icb.code(), organisation, p, form.get("level-" + p.code()), form.get("note-" + p.code()));
    }
    return back(icb, id, "progression-saved");
  }

  // The workspace's commitments and the levels explained

  @GetMapping("/workspaces/{icbCode}/anchors/commitments")
  String all(
      @PathVariable String icbCode,
      @RequestParam(required = false) String pillar,
      @RequestParam(required = false) String status,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    List<AnchorOrganisation> organisations = register.organisations(icb.code());
    Map<Long, String> names = new LinkedHashMap<>();
    organisations.forEach(o -> names.put(o.id(), o.name()));
    List<AnchorStrategy> strategies = register.strategies(icb.code());
    List<AnchorCommitment> all = register.commitments(icb.code());
    Pillar chosenPillar = Pillar.find(pillar).orElse(null);
    CommitmentStatus chosenStatus = CommitmentStatus.find(status).orElse(null);
    List<AnchorCommitment> shown =
        all.stream()
            .filter(c -> chosenPillar == null || c.pillar() == chosenPillar)
            .filter(c -> chosenStatus == null || c.status() == chosenStatus)
            .toList();
    Set<Long> withStrategy =
        strategies.stream().map(AnchorStrategy::organisationId).collect(Collectors.toSet());
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("rows", rows(icb, shown, names, strategies));
    model.addAttribute("total", all.size());
    model.addAttribute("pillars", Pillar.values());
    model.addAttribute("statuses", CommitmentStatus.values());
    model.addAttribute("chosenPillar", chosenPillar == null ? "" : chosenPillar.code());
    model.addAttribute("chosenStatus", chosenStatus == null ? "" : chosenStatus.code());
    model.addAttribute(
        "withoutStrategy",
        organisations.stream().filter(o -> !withStrategy.contains(o.id())).toList());
    model.addAttribute("organisationCount", organisations.size());
    Map<String, Map<String, Long>> byPillarAndStatus = new LinkedHashMap<>();
    for (Pillar p : Pillar.values()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (CommitmentStatus s : CommitmentStatus.values()) {
        counts.put(s.code(), all.stream().filter(c -> c.pillar() == p && c.status() == s).count());
      }
      byPillarAndStatus.put(p.label(), counts);
    }
    model.addAttribute("byPillarAndStatus", byPillarAndStatus);
    return COMMITMENTS_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/progression-levels")
  String levels(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("pillars", Pillar.values());
    model.addAttribute("levels", ProgressionLevel.values());
    return LEVELS_VIEW;
  }

  // Helpers

  private List<CommitmentRow> rows(
      IntegratedCareBoard icb,
      List<AnchorCommitment> commitmentList,
      Map<Long, String> organisationNames,
      List<AnchorStrategy> strategies) {
    Map<String, String> themes =
        catalogue.themes().stream().collect(Collectors.toMap(Theme::code, Theme::title));
    Map<String, Indicator> indicators = catalogue.indicatorsFor(icb.code());
    Map<Long, String> strategyTitles =
        strategies.stream().collect(Collectors.toMap(AnchorStrategy::id, AnchorStrategy::title));
    return commitmentList.stream()
        .map(
            c ->
                new CommitmentRow(
                    c.id(),
                    c.organisationId(),
                    organisationNames.getOrDefault(c.organisationId(), ""),
                    c.pillar().label(),
                    c.promise(),
                    c.themeCodes().stream()
                        .map(t -> themes.getOrDefault(t, t))
                        .collect(Collectors.joining(", ")),
                    c.indicatorCodes().stream()
                        .map(i -> indicators.containsKey(i) ? indicators.get(i).title() : i)
                        .collect(Collectors.joining(", ")),
                    c.baseline(),
                    c.target(),
                    c.targetDate() == null ? null : Formats.date(c.targetDate()),
                    c.measure() == null
                        ? c.metricCode()
                        : c.measure() + (c.metricCode() == null ? "" : " (" + c.metricCode() + ")"),
                    c.owner(),
                    c.evidence(),
                    c.status().label(),
                    c.status().code(),
                    c.strategyId() == null ? null : strategyTitles.get(c.strategyId())))
        .toList();
  }

  private String strategyForm(
      IntegratedCareBoard icb,
      Model model,
      AnchorOrganisation organisation,
      AnchorStrategy existing,
      StrategyDraft values,
      List<FieldProblem> problems) {
    common(icb, model, organisation, problems);
    model.addAttribute("existing", existing);
    model.addAttribute("values", values);
    model.addAttribute(
        "statuses",
        Arrays.stream(StrategyStatus.values())
            .map(s -> new Choice(s.code(), s.label(), null))
            .toList());
    return STRATEGY_FORM;
  }

  private String commitmentForm(
      IntegratedCareBoard icb,
      Model model,
      AnchorOrganisation organisation,
      AnchorCommitment existing,
      CommitmentDraft values,
      List<FieldProblem> problems) {
    common(icb, model, organisation, problems);
    model.addAttribute("existing", existing);
    model.addAttribute("values", values);
    model.addAttribute("pillars", Pillar.values());
    model.addAttribute("statuses", CommitmentStatus.values());
    model.addAttribute("strategies", strategiesOf(icb, organisation.id()));
    Map<String, List<Choice>> byTheme = new LinkedHashMap<>();
    catalogue
        .indicatorsFor(icb.code())
        .values()
        .forEach(
            i ->
                byTheme
                    .computeIfAbsent(i.themeCode(), k -> new ArrayList<>())
                    .add(new Choice(i.id(), i.title(), null)));
    Set<String> chosenThemes = new java.util.HashSet<>();
    values.themes().forEach(t -> chosenThemes.addAll(List.of(t.split("[,;\\s]+"))));
    Set<String> chosenIndicators = new java.util.HashSet<>();
    values.indicators().forEach(t -> chosenIndicators.addAll(List.of(t.split("[,;\\s]+"))));
    model.addAttribute(
        "themes",
        catalogue.themes().stream()
            .map(
                t -> {
                  List<Choice> indicators = byTheme.getOrDefault(t.code(), List.of());
                  return new ThemeChoices(
                      t.code(),
                      t.title(),
                      indicators,
                      indicators.stream().anyMatch(c -> chosenIndicators.contains(c.value())));
                })
            .toList());
    model.addAttribute("chosenThemes", chosenThemes);
    model.addAttribute("chosenIndicators", chosenIndicators);
    if (existing != null) {
      model.addAttribute(
          "history",
          register.statusChanges(icb.code()).stream()
              .filter(s -> s.commitmentId() == existing.id())
              .map(s -> new Choice(s.status().label(), Formats.dateTime(s.changedAt()), null))
              .toList());
    }
    return COMMITMENT_FORM;
  }

  private String progressionForm(
      IntegratedCareBoard icb,
      Model model,
      AnchorOrganisation organisation,
      Map<String, String> values,
      List<FieldProblem> problems) {
    common(icb, model, organisation, problems);
    model.addAttribute("values", values);
    model.addAttribute("pillars", Pillar.values());
    model.addAttribute("levels", ProgressionLevel.values());
    return PROGRESSION_FORM;
  }

  private void common(
      IntegratedCareBoard icb,
      Model model,
      AnchorOrganisation organisation,
      List<FieldProblem> problems) {
    model.addAttribute("icb", icb);
    model.addAttribute("organisation", organisation);
    model.addAttribute("errors", problems);
    model.addAttribute(
        "fieldErrors",
        problems.stream()
            .collect(
                Collectors.toMap(
                    FieldProblem::field, FieldProblem::message, (a, b) -> a + ". " + b)));
  }

  private static CommitmentDraft draft(AnchorCommitment c) {
    return new CommitmentDraft(
        c.strategyId() == null ? "" : c.strategyId().toString(),
        c.pillar().code(),
        c.promise(),
        c.themeCodes(),
        c.indicatorCodes(),
        c.baseline(),
        c.target(),
        c.targetDate() == null ? "" : c.targetDate().toString(),
        c.measure(),
        c.metricCode(),
        c.owner(),
        c.evidence(),
        c.status().code());
  }

  private List<AnchorStrategy> strategiesOf(IntegratedCareBoard icb, long id) {
    return register.strategies(icb.code()).stream().filter(s -> s.organisationId() == id).toList();
  }

  private AnchorOrganisation require(IntegratedCareBoard icb, long id) {
    return register
        .organisation(icb.code(), id)
        .orElseThrow(
            () -> new NotFoundException("This workspace's register has no organisation " + id));
  }

  private AnchorStrategy requireStrategy(IntegratedCareBoard icb, long id, long strategyId) {
    return commitments
        .strategy(icb.code(), id, strategyId)
        .orElseThrow(
            () -> new NotFoundException("This organisation has no strategy " + strategyId));
  }

  private AnchorCommitment requireCommitment(IntegratedCareBoard icb, long id, long commitmentId) {
    return commitments
        .commitment(icb.code(), id, commitmentId)
        .orElseThrow(
            () -> new NotFoundException("This organisation has no commitment " + commitmentId));
  }

  private static String back(IntegratedCareBoard icb, long id, String what) {
    return "redirect:/workspaces/" + icb.code() + "/anchors/organisations/" + id + "?" + what;
  }
}
