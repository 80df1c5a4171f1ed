package org.fourthpurpose.indicator.local;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.indicator.ValueType;
import org.fourthpurpose.indicator.importing.ImportedValues;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A workspace's own indicators: the list of its local indicators and of every indicator it has
 * imported values for (viewers and above), and the forms to define, change and delete a local
 * indicator (editors and above), each checked on the server with an error summary and a message by
 * every field at fault.
 *
 * <p>Deleting a local indicator that has values deletes them with it, after a page that says how
 * many: the workspace has no other way to remove imported values, so refusing would leave a
 * mistaken definition in place for ever.
 */
@NeedsReferenceData("indicators")
@Controller
class LocalIndicatorPageController {

  static final String LIST_VIEW = "indicator/local-indicators";
  static final String FORM_VIEW = "indicator/local-indicator-form";
  static final String DELETE_VIEW = "indicator/local-indicator-delete";

  private final LocalIndicators locals;
  private final ImportedValues values;
  private final IndicatorCatalogue catalogue;
  private final WorkspaceAccess access;
  private final Geography geography;

  LocalIndicatorPageController(
      LocalIndicators locals,
      ImportedValues values,
      IndicatorCatalogue catalogue,
      WorkspaceAccess access,
      Geography geography) {
    this.locals = locals;
    this.values = values;
    this.catalogue = catalogue;
    this.access = access;
    this.geography = geography;
  }

  /** A local indicator as the list shows it. */
  record Row(
      String id,
      String title,
      String valueType,
      String unit,
      String theme,
      String areaTypes,
      boolean published,
      long values) {}

  @GetMapping("/workspaces/{icbCode}/indicators/local")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    Map<String, String> themes =
        catalogue.themes().stream().collect(Collectors.toMap(Theme::code, Theme::title));
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute(
        "locals",
        locals.list(icb.code()).stream()
            .map(
                l ->
                    new Row(
                        l.id(),
                        l.indicator().title(),
                        valueTypeLabel(l.indicator().valueType()),
                        l.indicator().unit(),
                        themes.getOrDefault(l.indicator().themeCode(), l.indicator().themeCode()),
                        l.indicator().geographyLevels().stream()
                            .map(LocalIndicatorPageController::areaTypeLabel)
                            .collect(Collectors.joining(", ")),
                        l.published(),
                        l.values()))
            .toList());
    model.addAttribute("indicators", values.indicators(icb.code()));
    return LIST_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/indicators/local/new")
  String newForm(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return form(
        icb,
        model,
        null,
        new LocalIndicatorDefinition(
            "local-", "", "", "", "", "", "", "", "", "", List.of("ICB"), false),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/indicators/local")
  String define(
      @PathVariable String icbCode,
      @ModelAttribute LocalIndicatorDefinition definition,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    try {
      LocalIndicator defined = locals.define(icb.code(), definition);
      return "redirect:/workspaces/" + icb.code() + "/indicators/local?defined=" + defined.id();
    } catch (DefinitionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, null, definition, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/indicators/local/{id}/edit")
  String editForm(@PathVariable String icbCode, @PathVariable String id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    LocalIndicator local = require(icb, id);
    Indicator i = local.indicator();
    return form(
        icb,
        model,
        local,
        new LocalIndicatorDefinition(
            i.id(),
            i.title(),
            i.definition(),
            i.unit(),
            i.valueType().name(),
            i.polarity().name(),
            i.intervalMethod().name(),
            i.themeCode(),
            i.source(),
            i.licence(),
            i.geographyLevels().stream().map(Enum::name).toList(),
            local.published()),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/indicators/local/{id}/edit")
  String update(
      @PathVariable String icbCode,
      @PathVariable String id,
      @ModelAttribute LocalIndicatorDefinition definition,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    LocalIndicator local = require(icb, id);
    try {
      locals.update(icb.code(), id, definition.withId(id));
      return "redirect:/workspaces/" + icb.code() + "/indicators/local?changed=" + id;
    } catch (DefinitionProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, local, definition.withId(id), e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/indicators/local/{id}/delete")
  String confirmDelete(@PathVariable String icbCode, @PathVariable String id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("local", require(icb, id));
    return DELETE_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/indicators/local/{id}/delete")
  String delete(@PathVariable String icbCode, @PathVariable String id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!locals.delete(icb.code(), id, true)) {
      throw notFound(id);
    }
    return "redirect:/workspaces/" + icb.code() + "/indicators/local?deleted=" + id;
  }

  /** One choice of a radio group or select: its value and its label. */
  record Choice(String value, String label, String hint) {}

  private String form(
      IntegratedCareBoard icb,
      Model model,
      LocalIndicator existing,
      LocalIndicatorDefinition values,
      List<FieldProblem> problems) {
    model.addAttribute("icb", icb);
    model.addAttribute("existing", existing);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("values", values);
    model.addAttribute("errors", problems);
    Map<String, String> byField =
        problems.stream()
            .collect(
                Collectors.toMap(
                    FieldProblem::field, FieldProblem::message, (a, b) -> a + ". " + b));
    model.addAttribute("fieldErrors", byField);
    model.addAttribute("themes", catalogue.themes());
    model.addAttribute(
        "valueTypes",
        Arrays.stream(ValueType.values())
            .map(v -> new Choice(v.name(), valueTypeLabel(v), valueTypeHint(v)))
            .toList());
    model.addAttribute(
        "polarities",
        List.of(
            new Choice(Polarity.HIGHER_IS_BETTER.name(), "Higher is better", null),
            new Choice(Polarity.LOWER_IS_BETTER.name(), "Lower is better", null),
            new Choice(Polarity.NEITHER.name(), "Neither: higher or lower is not better", null)));
    model.addAttribute(
        "methods",
        Arrays.stream(IntervalMethod.values())
            .map(m -> new Choice(m.name(), methodLabel(m), null))
            .toList());
    model.addAttribute(
        "areaTypes",
        Arrays.stream(AreaLevel.values())
            .map(a -> new Choice(a.name(), areaTypeLabel(a), null))
            .toList());
    return FORM_VIEW;
  }

  private LocalIndicator require(IntegratedCareBoard icb, String id) {
    return locals.find(icb.code(), id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("This workspace has no local indicator " + id);
  }

  static String valueTypeLabel(ValueType type) {
    return switch (type) {
      case PROPORTION -> "Proportion";
      case RATE -> "Rate";
      case MEAN -> "Mean";
      case SCORE -> "Score";
      case COUNT -> "Count";
      case RATIO -> "Ratio";
    };
  }

  private static String valueTypeHint(ValueType type) {
    return switch (type) {
      case PROPORTION ->
          "A share of a group: 0 to 100 for a unit starting with %, otherwise 0 to 1; the numerator"
              + " is part of the denominator";
      case RATE -> "Events per so many people, such as per 1,000 residents; never negative";
      case MEAN -> "An average, such as years or pounds per week";
      case SCORE -> "A score or index, such as a mean score from 0 to 10";
      case COUNT -> "A number of things or people; never negative";
      case RATIO -> "One quantity over another, such as patients per GP";
    };
  }

  private static String methodLabel(IntervalMethod method) {
    return switch (method) {
      case PUBLISHED -> "Published with the values (lower_ci and upper_ci in the file)";
      case WILSON -> "Wilson score interval from numerator and denominator (proportions)";
      case BYARS -> "Byars' method from numerator and denominator (rates and counts)";
      case EXACT_POISSON -> "Exact Poisson from numerator and denominator (rates and counts)";
      case STUDENT_T -> "Student's t (give lower_ci and upper_ci in the file)";
      case NONE -> "None: complete counts or indices";
    };
  }

  static String areaTypeLabel(AreaLevel level) {
    return switch (level) {
      case ENGLAND -> "England";
      case REGION -> "Regions";
      case ICB -> "Integrated care boards (ICBs)";
      case SUB_ICB -> "Sub-ICB locations";
      case LAD -> "Local authority districts";
    };
  }
}
