package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.web.NotFoundException;
import org.fourthpurpose.web.UserProblem;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an invitation's link leads. The invited person sets a password to create their account, or,
 * when they have one, signs in and accepts; the role is theirs at once.
 */
@Controller
class InvitationController {

  private final Invitations invitations;
  private final AccountService accounts;
  private final WorkspaceAccess access;
  private final OidcSignIn oidc;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  InvitationController(
      Invitations invitations, AccountService accounts, WorkspaceAccess access, OidcSignIn oidc) {
    this.invitations = invitations;
    this.accounts = accounts;
    this.access = access;
    this.oidc = oidc;
  }

  @GetMapping("/invitations/{token}")
  String invitation(@PathVariable String token, Model model) {
    InvitationLink link =
        invitations
            .open(token)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "token",
                        null,
                        "This invitation link is not valid. Check you copied all of it, or ask for"
                            + " a new invitation."));
    Optional<Account> me = access.currentAccount();
    model.addAttribute("link", link);
    model.addAttribute("token", token);
    model.addAttribute("me", me.orElse(null));
    model.addAttribute("forMe", me.map(a -> a.email().equals(link.email())).orElse(false));
    if (oidc.isEnabled()) {
      model.addAttribute("oidcName", oidc.name());
      model.addAttribute("oidcStart", oidc.startPath("/invitations/" + token));
    }
    return "account/invitation";
  }

  /** Reached after signing in (the path needs an account), so back to the invitation. */
  @GetMapping("/invitations/{token}/accept")
  String signedInToAccept(@PathVariable String token) {
    return "redirect:/invitations/" + token;
  }

  @PostMapping("/invitations/{token}/accept")
  String accept(@PathVariable String token, Model model, RedirectAttributes redirect) {
    Account me =
        access
            .currentAccount()
            .orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("Sign in"));
    try {
      InvitationLink link = invitations.acceptAs(token, me);
      redirect.addFlashAttribute(
          "message",
          "You have joined " + link.workspaceName() + " as " + link.role().withArticle() + ".");
      return "redirect:/workspaces/" + link.icbCode();
    } catch (UserProblem problem) {
      if (problem instanceof NotFoundException) {
        throw problem;
      }
      model.addAttribute("errors", List.of(AccountController.FieldError.of(problem)));
      return invitation(token, model);
    }
  }

  @PostMapping("/invitations/{token}")
  String createAccount(
      @PathVariable String token,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    try {
      Account account = invitations.acceptWithNewAccount(token, name, password);
      signIn(account, request, response);
      InvitationLink link = invitations.open(token).orElseThrow();
      redirect.addFlashAttribute(
          "message",
          "Your account is ready. You have joined "
              + link.workspaceName()
              + " as "
              + link.role().withArticle()
              + ".");
      return "redirect:/workspaces/" + link.icbCode();
    } catch (UserProblem problem) {
      if (problem instanceof NotFoundException) {
        throw problem;
      }
      model.addAttribute("errors", List.of(AccountController.FieldError.of(problem)));
      model.addAttribute("name", name);
      return invitation(token, model);
    }
  }

  /**
   * Creates the invited person's account without a password and sends them to the OpenID Connect
   * provider, which signs them in if it vouches for the invited address.
   */
  @PostMapping("/invitations/{token}/provider")
  String createAccountForProvider(
      @PathVariable String token,
      @RequestParam(required = false) String name,
      Model model,
      RedirectAttributes redirect) {
    if (!oidc.isEnabled()) {
      throw new NotFoundException("This service does not offer sign-in through another provider");
    }
    try {
      invitations.acceptWithProvider(token, name);
      InvitationLink link = invitations.open(token).orElseThrow();
      return "redirect:" + oidc.startPath("/workspaces/" + link.icbCode());
    } catch (UserProblem problem) {
      if (problem instanceof NotFoundException) {
        throw problem;
      }
      model.addAttribute("errors", List.of(AccountController.FieldError.of(problem)));
      model.addAttribute("name", name);
      return invitation(token, model);
    }
  }

  /** Signs the new account in, in a new session (so no earlier session id carries over). */
  private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
    UserDetails user = accounts.userDetails(account.id());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
