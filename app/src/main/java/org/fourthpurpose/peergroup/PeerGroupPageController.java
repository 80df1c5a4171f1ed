package org.fourthpurpose.peergroup;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Groups of systems saved in a workspace: the list and the form to save one (editors), publishing
 * and deleting. Each group's page, comparing its members theme by theme, is the profile feature's.
 */
@NeedsReferenceData("peer-groups")
@Controller
class PeerGroupPageController {

  static final String LIST_VIEW = "peergroup/groups";

  private final PeerGroups peers;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final IndicatorCatalogue catalogue;

  PeerGroupPageController(
      PeerGroups peers, WorkspaceAccess access, Geography geography, IndicatorCatalogue catalogue) {
    this.peers = peers;
    this.access = access;
    this.geography = geography;
    this.catalogue = catalogue;
  }

  /** A problem with one field of the form, for the error summary. */
  record FieldError(String field, String message) {}

  @GetMapping("/workspaces/{icbCode}/groups")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return form(icb, model, List.of(), Map.of(), List.of());
  }

  @PostMapping("/workspaces/{icbCode}/groups")
  String create(
      @PathVariable String icbCode,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(required = false) String themeCode,
      @RequestParam(required = false) String description,
      @RequestParam(required = false) List<String> members,
      @RequestParam(defaultValue = "false") boolean published,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    PeerGroup.Kind parsedKind =
        switch (kind) {
          case "GEOGRAPHIC" -> PeerGroup.Kind.GEOGRAPHIC;
          case "THEMATIC" -> PeerGroup.Kind.THEMATIC;
          default -> null;
        };
    List<String> chosen = members == null ? List.of() : members;
    try {
      PeerGroup group =
          peers.create(
              icb.code(),
              name,
              parsedKind,
              themeCode == null || themeCode.isBlank() ? null : themeCode,
              description,
              published,
              chosen);
      return "redirect:/groups/" + group.id();
    } catch (InvalidInputException e) {
      String field =
          switch (e.field()) {
            case "members" -> "members";
            case "kind" -> "kind";
            case "themeCode" -> "themeCode";
            case "description" -> "description";
            default -> "name";
          };
      String message = e.getMessage();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(
          icb,
          model,
          List.of(new FieldError(field, capitalise(message))),
          Map.of(
              "name",
              name,
              "kind",
              kind,
              "themeCode",
              themeCode == null ? "" : themeCode,
              "description",
              description == null ? "" : description,
              "published",
              String.valueOf(published)),
          chosen);
    }
  }

  @PostMapping("/workspaces/{icbCode}/groups/{id}/publish")
  String publish(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean published) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!peers.publish(icb.code(), id, published)) {
      throw new NotFoundException("This workspace has no group " + id);
    }
    return "redirect:/groups/" + id;
  }

  @PostMapping("/workspaces/{icbCode}/groups/{id}/delete")
  String delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!peers.delete(icb.code(), id)) {
      throw new NotFoundException("This workspace has no group " + id);
    }
    return "redirect:/workspaces/" + icb.code() + "/groups";
  }

  private String form(
      IntegratedCareBoard icb,
      Model model,
      List<FieldError> errors,
      Map<String, String> values,
      List<String> chosenMembers) {
    List<String> chosen = new ArrayList<>();
    for (String m : chosenMembers) {
      geography.icb(m).ifPresent(i -> chosen.add(i.code()));
    }
    model.addAttribute("icb", icb);
    model.addAttribute("groups", peers.groups(icb.code()));
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("icbs", geography.icbs());
    model.addAttribute("themes", catalogue.themes());
    model.addAttribute("errors", errors);
    model.addAttribute("err", errors.isEmpty() ? null : errors.get(0));
    model.addAttribute("values", values);
    model.addAttribute("chosen", chosen);
    return LIST_VIEW;
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
