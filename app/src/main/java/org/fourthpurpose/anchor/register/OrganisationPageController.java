package org.fourthpurpose.anchor.register;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The anchor institutions of a workspace: the section's front page and the register of
 * organisations (viewers read it; editors add, change and remove organisations, each form checked
 * on the server with an error summary and a message by every field at fault).
 */
@NeedsReferenceData("anchor-seed")
@Controller
class OrganisationPageController {

  static final String HOME_VIEW = "anchor/register/anchors";
  static final String LIST_VIEW = "anchor/register/organisations";
  static final String FORM_VIEW = "anchor/register/organisation-form";
  static final String REMOVE_VIEW = "anchor/register/organisation-remove";

  private final Organisations organisations;
  private final WorkspaceAccess access;
  private final Geography geography;

  OrganisationPageController(
      Organisations organisations, WorkspaceAccess access, Geography geography) {
    this.organisations = organisations;
    this.access = access;
    this.geography = geography;
  }

  /** A district the organisation may serve, for the form's checkboxes and the list. */
  record Place(String code, String name) {}

  /** An organisation as the register's table shows it. */
  record Row(
      long id,
      String name,
      String type,
      String identifiers,
      Integer staff,
      String spend,
      String places,
      String contactOwner,
      String activityShare,
      boolean seeded) {}

  @GetMapping("/workspaces/{icbCode}/anchors")
  String home(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    List<AnchorOrganisation> all = organisations.list(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("organisationCount", all.size());
    return HOME_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    Map<String, String> names = districtNames(icb);
    List<AnchorOrganisation> all = organisations.list(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("rows", all.stream().map(o -> row(o, names)).toList());
    model.addAttribute(
        "byType",
        Arrays.stream(OrganisationType.values())
            .map(t -> Map.entry(t.label(), all.stream().filter(o -> o.type() == t).count()))
            .filter(e -> e.getValue() > 0)
            .toList());
    model.addAttribute("servingShare", Math.round(RegisterSeeding.SERVING_SHARE * 100));
    return LIST_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/new")
  String newForm(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return form(
        icb,
        model,
        null,
        new OrganisationDraft("", "", "", "", "", "", "", "", "", "", "", ""),
        List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations")
  String add(
      @PathVariable String icbCode,
      @ModelAttribute OrganisationDraft draft,
      @RequestParam(name = "place", required = false) List<String> place,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    OrganisationDraft withPlaces = draft.withPlaces(place);
    try {
      AnchorOrganisation added = organisations.add(icb.code(), withPlaces);
      return "redirect:/workspaces/" + icb.code() + "/anchors/organisations?added=" + added.id();
    } catch (OrganisationProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, null, withPlaces, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/edit")
  String editForm(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation existing = require(icb, id);
    return form(icb, model, existing, OrganisationDraft.of(existing), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/edit")
  String update(
      @PathVariable String icbCode,
      @PathVariable long id,
      @ModelAttribute OrganisationDraft draft,
      @RequestParam(name = "place", required = false) List<String> place,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation existing = require(icb, id);
    OrganisationDraft withPlaces = draft.withPlaces(place);
    try {
      organisations.update(icb.code(), id, withPlaces);
      return "redirect:/workspaces/" + icb.code() + "/anchors/organisations?changed=" + id;
    } catch (OrganisationProblems e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, existing, withPlaces, e.problems());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/{id}/remove")
  String confirmRemove(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("organisation", require(icb, id));
    return REMOVE_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/{id}/remove")
  String remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    AnchorOrganisation existing = require(icb, id);
    organisations.remove(icb.code(), id);
    return "redirect:/workspaces/"
        + icb.code()
        + "/anchors/organisations?removed="
        + java.net.URLEncoder.encode(existing.name(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private String form(
      IntegratedCareBoard icb,
      Model model,
      AnchorOrganisation existing,
      OrganisationDraft values,
      List<FieldProblem> problems) {
    model.addAttribute("icb", icb);
    model.addAttribute("existing", existing);
    model.addAttribute("values", values);
    model.addAttribute("errors", problems);
    model.addAttribute(
        "fieldErrors",
        problems.stream()
            .collect(
                Collectors.toMap(
                    FieldProblem::field, FieldProblem::message, (a, b) -> a + ". " + b)));
    model.addAttribute("types", OrganisationType.values());
    model.addAttribute("identifierKinds", Identifiers.values());
    model.addAttribute(
        "places",
        districtNames(icb).entrySet().stream()
            .map(e -> new Place(e.getKey(), e.getValue()))
            .toList());
    model.addAttribute(
        "chosenPlaces",
        values.places() == null
            ? java.util.Set.of()
            : java.util.Set.of(values.places().strip().split("[,;\\s]+")));
    return FORM_VIEW;
  }

  /** The districts of the system's footprint by code, in name order. */
  private Map<String, String> districtNames(IntegratedCareBoard icb) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    organisations.footprint(icb.code()).stream()
        .map(code -> geography.lad(code).orElse(new LocalAuthorityDistrict(code, code, "", "", 0)))
        .sorted(java.util.Comparator.comparing(LocalAuthorityDistrict::name))
        .forEach(d -> names.put(d.code(), d.name()));
    return names;
  }

  private static Row row(AnchorOrganisation o, Map<String, String> districts) {
    return new Row(
        o.id(),
        o.name(),
        o.type().label(),
        o.identifiers().entrySet().stream()
            .map(
                e ->
                    Identifiers.byKey(e.getKey()).map(Identifiers::label).orElse(e.getKey())
                        + " "
                        + e.getValue())
            .collect(Collectors.joining(", ")),
        o.staff(),
        o.annualNonPaySpend() == null
            ? null
            : "£" + String.format(java.util.Locale.UK, "%,.0f", o.annualNonPaySpend()),
        o.places().size() == districts.size() && !districts.isEmpty()
            ? "The whole system"
            : o.places().stream()
                .map(p -> districts.getOrDefault(p, p))
                .collect(Collectors.joining(", ")),
        o.contactOwner(),
        o.activityShare() == null
            ? null
            : String.format(java.util.Locale.UK, "%.1f%%", o.activityShare().doubleValue() * 100),
        o.seeded());
  }

  private AnchorOrganisation require(IntegratedCareBoard icb, long id) {
    return organisations
        .find(icb.code(), id)
        .orElseThrow(
            () -> new NotFoundException("This workspace's register has no organisation " + id));
  }
}
