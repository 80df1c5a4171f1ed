package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in, first-administrator set-up, a person's own account and tokens, and account
 * administration.
 */
@Controller
class AccountController {

  private final AccountService accounts;
  private final WorkspaceAccess access;
  private final FirstAdministrator firstAdministrator;
  private final org.fourthpurpose.geography.Geography geography;
  private final List<AccountTasks> tasks;
  private final OidcSignIn oidc;

  AccountController(
      AccountService accounts,
      WorkspaceAccess access,
      FirstAdministrator firstAdministrator,
      org.fourthpurpose.geography.Geography geography,
      List<AccountTasks> tasks,
      OidcSignIn oidc) {
    this.accounts = accounts;
    this.access = access;
    this.firstAdministrator = firstAdministrator;
    this.geography = geography;
    this.tasks = tasks;
    this.oidc = oidc;
  }

  @GetMapping("/sign-in")
  String signIn(HttpServletRequest request, Model model) {
    if (oidc.isEnabled()) {
      model.addAttribute("oidc", oidc);
    }
    model.addAttribute("problem", SignInProblem.take(request));
    return "account/sign-in";
  }

  @GetMapping("/setup")
  String setup(@RequestParam(required = false) String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("valid", firstAdministrator.isValidSetupLink(token));
    return "account/setup";
  }

  @PostMapping("/setup")
  String createFirstAdministrator(
      @RequestParam String token,
      @RequestParam String email,
      @RequestParam String name,
      @RequestParam String password,
      Model model) {
    try {
      firstAdministrator.createFromSetupLink(token, email, name, password);
      return "redirect:/sign-in?created";
    } catch (InvalidInputException e) {
      model.addAttribute("token", token);
      model.addAttribute("valid", firstAdministrator.isValidSetupLink(token));
      model.addAttribute("email", email);
      model.addAttribute("name", name);
      model.addAttribute("errors", List.of(new FieldError(e.field(), e.getMessage())));
      return "account/setup";
    }
  }

  @GetMapping("/account")
  String account(Model model) {
    Account account = current();
    model.addAttribute("account", account);
    model.addAttribute("memberships", accounts.memberships(account.id()));
    model.addAttribute("tokens", accounts.tokens(account.id()));
    model.addAttribute("tasks", tasks.stream().flatMap(t -> t.tasksFor(account).stream()).toList());
    model.addAttribute("oidc", oidc);
    model.addAttribute("identities", oidc.linkedIdentities(account.id()));
    return "account/account";
  }

  @PostMapping("/account/tokens")
  String createToken(@RequestParam String name, Model model, RedirectAttributes redirect) {
    Account account = current();
    try {
      IssuedToken token = accounts.createToken(account.id(), name);
      redirect.addFlashAttribute("newToken", token.token());
      return "redirect:/account";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", List.of(new FieldError(e.field(), e.getMessage())));
      return account(model);
    }
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
    boolean revoked = accounts.revokeToken(current().id(), id);
    redirect.addFlashAttribute(
        "message", revoked ? "Token revoked" : "That token was already revoked");
    return "redirect:/account";
  }

  @PostMapping("/account/identities/remove")
  String unlinkOwnIdentity(
      @RequestParam String issuer, @RequestParam String subject, RedirectAttributes redirect) {
    boolean removed = oidc.unlink(current().id(), issuer, subject);
    redirect.addFlashAttribute(
        "message", removed ? "Sign-in link removed" : "That sign-in link was already removed");
    return "redirect:/account#sign-in-methods";
  }

  @PostMapping("/admin/accounts/{id}/identities/remove")
  String unlinkIdentity(
      @PathVariable long id,
      @RequestParam String issuer,
      @RequestParam String subject,
      RedirectAttributes redirect) {
    Account account =
        accounts
            .find(id)
            .orElseThrow(() -> new InvalidInputException("account", "No such account"));
    boolean removed = oidc.unlink(id, issuer, subject);
    redirect.addFlashAttribute(
        "message",
        removed
            ? "Sign-in link removed from " + account.email()
            : "That sign-in link was already removed");
    return "redirect:/admin/accounts";
  }

  @GetMapping("/admin/accounts")
  String administerAccounts(Model model) {
    model.addAttribute("accounts", accounts.accounts());
    model.addAttribute(
        "memberships",
        accounts.accounts().stream()
            .collect(
                java.util.stream.Collectors.toMap(a -> a.id(), a -> accounts.memberships(a.id()))));
    model.addAttribute(
        "identities",
        accounts.accounts().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    a -> a.id(), a -> oidc.linkedIdentities(a.id()))));
    model.addAttribute("oidc", oidc);
    model.addAttribute("icbs", geography.icbs());
    model.addAttribute("roles", WorkspaceRole.values());
    return "account/admin";
  }

  @PostMapping("/admin/accounts/{id}/roles")
  String grantRole(
      @PathVariable long id,
      @RequestParam String icbCode,
      @RequestParam(required = false) WorkspaceRole role,
      RedirectAttributes redirect) {
    if (role == null) {
      accounts.revoke(id, icbCode);
    } else {
      accounts.grant(id, icbCode, role);
    }
    redirect.addFlashAttribute("message", "Roles updated");
    return "redirect:/admin/accounts";
  }

  private Account current() {
    return access.currentAccount().orElseThrow(() -> new AccessDeniedException("Sign in first"));
  }

  /** One problem with one form field, for the NHS.UK error summary. */
  record FieldError(String field, String message) {
    static FieldError of(org.fourthpurpose.web.UserProblem problem) {
      return new FieldError(problem.field(), problem.getMessage());
    }
  }
}
