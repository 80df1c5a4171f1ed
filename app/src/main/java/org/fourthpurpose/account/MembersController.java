package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.UserProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The people of one ICS workspace, for its administrators: who has access and with which role,
 * invitations waiting to be accepted, inviting someone, changing a role and removing a member.
 */
@Controller
class MembersController {

  private final Invitations invitations;
  private final InvitationMail mail;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final String baseUrl;

  MembersController(
      Invitations invitations,
      InvitationMail mail,
      WorkspaceAccess access,
      Geography geography,
      @Value("${fp.base-url:}") String baseUrl) {
    this.invitations = invitations;
    this.mail = mail;
    this.access = access;
    this.geography = geography;
    this.baseUrl = baseUrl;
  }

  @GetMapping("/workspaces/{icbCode}/members")
  String members(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("members", invitations.members(icb.code()));
    model.addAttribute("pending", invitations.pending(icb.code()));
    model.addAttribute("roles", WorkspaceRole.values());
    model.addAttribute("validDays", invitations.validFor().toDays());
    model.addAttribute("me", access.currentAccount().map(Account::id).orElse(-1L));
    return "account/members";
  }

  @PostMapping("/workspaces/{icbCode}/invitations")
  String invite(
      @PathVariable String icbCode,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String role,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    try {
      Invitations.IssuedInvitation issued =
          invitations.invite(icb.code(), email, role(role, false));
      String link = link(request, issued.token());
      InvitationMail.Delivery delivery =
          mail.send(
              issued.invitation(),
              icb.shortName(),
              link,
              access.currentAccount().map(Account::displayName).orElse(null));
      redirect.addFlashAttribute("invited", issued.invitation());
      redirect.addFlashAttribute("delivery", delivery.name());
      if (delivery != InvitationMail.Delivery.SENT) {
        redirect.addFlashAttribute("invitationLink", link);
      }
      return "redirect:/workspaces/" + icb.code() + "/members";
    } catch (UserProblem problem) {
      model.addAttribute("errors", List.of(AccountController.FieldError.of(problem)));
      model.addAttribute(
          "form", Map.of("email", email == null ? "" : email, "role", role == null ? "" : role));
      return members(icbCode, model);
    }
  }

  @PostMapping("/workspaces/{icbCode}/invitations/{invitationId}/withdraw")
  String withdraw(
      @PathVariable String icbCode, @PathVariable long invitationId, RedirectAttributes redirect) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    Invitations.PendingInvitation withdrawn = invitations.withdraw(icb.code(), invitationId);
    redirect.addFlashAttribute(
        "message",
        "The invitation to " + withdrawn.email() + " was withdrawn. Its link no longer works.");
    return "redirect:/workspaces/" + icb.code() + "/members";
  }

  @PostMapping("/workspaces/{icbCode}/members/{accountId}")
  String changeRole(
      @PathVariable String icbCode,
      @PathVariable long accountId,
      @RequestParam(required = false) String role,
      Model model,
      RedirectAttributes redirect) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    try {
      WorkspaceRole newRole = role(role, true);
      Invitations.Member member = invitations.changeRole(icb.code(), accountId, newRole);
      redirect.addFlashAttribute(
          "message",
          newRole == null
              ? member.displayName() + " no longer has access to this workspace."
              : member.displayName() + " is now " + newRole.withArticle() + ".");
      return "redirect:/workspaces/" + icb.code() + "/members";
    } catch (UserProblem problem) {
      if (problem instanceof org.fourthpurpose.web.NotFoundException) {
        throw problem;
      }
      model.addAttribute("errors", List.of(AccountController.FieldError.of(problem)));
      return members(icbCode, model);
    }
  }

  /** A role from a form; "NONE" (removal) only where allowed. */
  static WorkspaceRole role(String value, boolean noneAllowed) {
    if (noneAllowed && "NONE".equals(value)) {
      return null;
    }
    if (value != null) {
      for (WorkspaceRole role : WorkspaceRole.values()) {
        if (role.name().equals(value)) {
          return role;
        }
      }
    }
    throw new InvalidInputException("role", value, "Choose a role");
  }

  private String link(HttpServletRequest request, String token) {
    String base =
        baseUrl.isBlank()
            ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
            : baseUrl.replaceAll("/+$", "");
    return base + "/invitations/" + token;
  }
}
