package org.fourthpurpose.impact.measure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCache;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The impact page (every measure's chart and the summary table of icons), a measure's own page (its
 * chart, values, imports and rebases) and the forms that change measures (editors). Forms are
 * checked on the server, with an error summary and a message by every field at fault.
 */
@NeedsReferenceData({"anchor-seed", "indicators"})
@Controller
class ImpactPageController {

  static final String IMPACT_VIEW = "impact/impact";
  static final String MEASURE_VIEW = "impact/measure";
  static final String FORM_VIEW = "impact/measure-form";
  static final String REMOVE_VIEW = "impact/measure-remove";

  private final Measures measures;
  private final LinkTargetRegistry links;
  private final IndicatorCache indicators;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final AuditLog audit;

  ImpactPageController(
      Measures measures,
      LinkTargetRegistry links,
      IndicatorCache indicators,
      WorkspaceAccess access,
      Geography geography,
      AuditLog audit) {
    this.measures = measures;
    this.links = links;
    this.indicators = indicators;
    this.access = access;
    this.geography = geography;
    this.audit = audit;
  }

  /** A value as the values table shows it. */
  record ValueRow(LocalDate period, String label, String text) {}

  /** One choice of a select. */
  record Choice(String value, String label) {}

  /** A group of choices of a select. */
  record ChoiceGroup(String label, List<Choice> choices) {}

  @GetMapping("/workspaces/{icbCode}/impact")
  String impact(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = view(icbCode);
    List<MeasureView> views = measures.analysed(icb.code()).stream().map(MeasureView::of).toList();
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("measures", views);
    model.addAttribute("enough", MeasureAnalysis.ENOUGH);
    long special =
        views.stream()
            .filter(v -> v.variation() != null && !v.variation().equals("common_cause"))
            .count();
    long tooFew = views.stream().filter(v -> v.variation() == null).count();
    model.addAttribute("specialCount", special);
    model.addAttribute("tooFewCount", tooFew);
    return IMPACT_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/impact/measures/{id}")
  String measure(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = view(icbCode);
    return measurePage(icb, id, model, List.of(), Map.of(), null);
  }

  private String measurePage(
      IntegratedCareBoard icb,
      long id,
      Model model,
      List<FieldProblem> errors,
      Map<String, String> entered,
      ValuesRefused refused) {
    Measures.Analysed a = measures.analysed(icb.code(), id);
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("m", MeasureView.of(a));
    model.addAttribute(
        "values",
        reversed(
            a.values().stream()
                .map(v -> new ValueRow(v.period(), v.label(), Numbers.plain(v.value())))
                .toList()));
    model.addAttribute("enough", MeasureAnalysis.ENOUGH);
    model.addAttribute("forms", Periods.FORMS);
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
    model.addAttribute("errors", errors);
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute("entered", entered);
    model.addAttribute("refused", refused);
    String valuesFrom = a.measure().valuesFrom();
    model.addAttribute(
        "valuesFromTitle",
        valuesFrom == null
            ? null
            : indicators.icbIndicators().stream()
                .filter(i -> i.id().equals(valuesFrom))
                .map(Indicator::title)
                .findFirst()
                .orElse(valuesFrom));
    return MEASURE_VIEW;
  }

  // Adding and changing measures

  @GetMapping("/workspaces/{icbCode}/impact/measures/new")
  String newMeasure(
      @PathVariable String icbCode,
      @RequestParam(name = "link", required = false) String link,
      Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    MeasureDraft draft = MeasureDraft.empty();
    if (link != null) {
      draft = new MeasureDraft("", "", "", "increase", "", "", "", "", link.strip(), "");
    }
    return form(icb, null, draft, List.of(), model);
  }

  @PostMapping("/workspaces/{icbCode}/impact/measures")
  String add(
      @PathVariable String icbCode, MeasureDraft draft, Model model, HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      Measure m = measures.add(icb.code(), draft, audit.currentActor());
      return "redirect:/workspaces/" + icb.code() + "/impact/measures/" + m.id() + "?added";
    } catch (MeasureRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, null, draft, e.problems(), model);
    }
  }

  @GetMapping("/workspaces/{icbCode}/impact/measures/{id}/edit")
  String editForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    Measure m = measures.require(icb.code(), id);
    return form(icb, m, Measures.draftOf(m), List.of(), model);
  }

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/edit")
  String change(
      @PathVariable String icbCode,
      @PathVariable long id,
      MeasureDraft draft,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    Measure m = measures.require(icb.code(), id);
    try {
      measures.change(icb.code(), id, draft, audit.currentActor());
      return "redirect:/workspaces/" + icb.code() + "/impact/measures/" + id + "?changed";
    } catch (MeasureRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, m, draft, e.problems(), model);
    }
  }

  @GetMapping("/workspaces/{icbCode}/impact/measures/{id}/remove")
  String removeForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = edit(icbCode);
    model.addAttribute("icb", icb);
    model.addAttribute("measure", measures.require(icb.code(), id));
    return REMOVE_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/remove")
  String remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = edit(icbCode);
    measures.remove(icb.code(), id, audit.currentActor());
    return "redirect:/workspaces/" + icb.code() + "/impact?removed";
  }

  private String form(
      IntegratedCareBoard icb,
      Measure existing,
      MeasureDraft draft,
      List<FieldProblem> errors,
      Model model) {
    model.addAttribute("icb", icb);
    model.addAttribute("existing", existing);
    model.addAttribute("values", draft);
    model.addAttribute("errors", errors);
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute(
        "improvements",
        List.of(
            new Choice("increase", "Higher is better"),
            new Choice("decrease", "Lower is better"),
            new Choice("neutral", "Neither: watch for change either way")));
    List<ChoiceGroup> linkGroups = new ArrayList<>();
    links
        .all(icb.code())
        .forEach(
            (kind, targets) -> {
              if (!targets.isEmpty()) {
                linkGroups.add(
                    new ChoiceGroup(
                        LinkTargetRegistry.label(kind) + "s",
                        targets.stream()
                            .map(
                                t ->
                                    new Choice(
                                        kind + ":" + t.key(),
                                        t.label()
                                            + (t.status() == null ? "" : " (" + t.status() + ")")))
                            .toList()));
              }
            });
    model.addAttribute("linkGroups", linkGroups);
    model.addAttribute(
        "indicatorChoices",
        indicators.icbIndicators().stream().map(i -> new Choice(i.id(), i.title())).toList());
    return FORM_VIEW;
  }

  // Values

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/values")
  String addValue(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "value", required = false) String value,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      measures.putValue(icb.code(), id, period, value, audit.currentActor());
      return "redirect:/workspaces/"
          + icb.code()
          + "/impact/measures/"
          + id
          + "?value-saved#values";
    } catch (MeasureRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return measurePage(
          icb,
          id,
          model,
          e.problems(),
          Map.of("period", period == null ? "" : period, "value", value == null ? "" : value),
          null);
    }
  }

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/values/remove")
  String removeValue(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam("period") LocalDate period) {
    IntegratedCareBoard icb = edit(icbCode);
    measures.removeValue(icb.code(), id, period, audit.currentActor());
    return "redirect:/workspaces/"
        + icb.code()
        + "/impact/measures/"
        + id
        + "?value-removed#values";
  }

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/values/import")
  String importValues(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "replace", required = false) String replace,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    measures.require(icb.code(), id);
    try {
      if (file == null || file.isEmpty()) {
        throw ValuesRefused.of("The file", 0, null, "was not chosen or is empty: choose a file");
      }
      int imported =
          measures.importValues(
              icb.code(),
              id,
              file.getOriginalFilename(),
              bytes(file),
              replace != null,
              audit.currentActor());
      return "redirect:/workspaces/"
          + icb.code()
          + "/impact/measures/"
          + id
          + "?imported="
          + imported;
    } catch (ValuesRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return measurePage(
          icb,
          id,
          model,
          List.of(
              new FieldProblem(
                  "file",
                  e.file()
                      + " was not imported: "
                      + e.problems().size()
                      + (e.problems().size() == 1 ? " problem" : " problems")
                      + ". Nothing was stored.")),
          Map.of(),
          e);
    } catch (MeasureRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return measurePage(
          icb,
          id,
          model,
          List.of(new FieldProblem("file", e.problems().get(0).message())),
          Map.of(),
          null);
    }
  }

  // Rebases

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/rebases")
  String addRebase(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "reason", required = false) String reason,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      measures.addRebase(icb.code(), id, date, reason, audit.currentActor());
      return "redirect:/workspaces/" + icb.code() + "/impact/measures/" + id + "?rebased#rebases";
    } catch (MeasureRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return measurePage(
          icb,
          id,
          model,
          e.problems(),
          Map.of("date", date == null ? "" : date, "reason", reason == null ? "" : reason),
          null);
    }
  }

  @PostMapping("/workspaces/{icbCode}/impact/measures/{id}/rebases/{rebaseId}/remove")
  String removeRebase(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable long rebaseId) {
    IntegratedCareBoard icb = edit(icbCode);
    measures.removeRebase(icb.code(), id, rebaseId, audit.currentActor());
    return "redirect:/workspaces/"
        + icb.code()
        + "/impact/measures/"
        + id
        + "?rebase-removed#rebases";
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

  static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  static String linkLabel(LinkTarget t) {
    return t == null ? null : t.label();
  }
}
