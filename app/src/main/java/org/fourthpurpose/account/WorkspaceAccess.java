package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers what the person making the current request may do in an ICS workspace. Roles are read
 * from the database on each check, so a revoked role stops working at once. Platform administrators
 * may do everything everywhere.
 */
@Component
public class WorkspaceAccess {

  private final AccountService accounts;

  WorkspaceAccess(AccountService accounts) {
    this.accounts = accounts;
  }

  /** The signed-in account (through a session or a token), if any and still enabled. */
  public Optional<Account> currentAccount() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
      return Optional.empty();
    }
    long id = user.account().id();
    // Looked up once per request: a page asks many times whether and where the person may look.
    Looked looked = looked();
    if (looked != null && looked.accountId == id && looked.account != null) {
      return looked.account;
    }
    Optional<Account> account = accounts.find(id).filter(Account::enabled);
    if (looked != null) {
      looked.accountId = id;
      looked.account = account;
      looked.roles.clear();
    }
    return account;
  }

  public Optional<WorkspaceRole> roleIn(String icbCode) {
    Optional<Account> current = currentAccount();
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Account account = current.get();
    if (account.platformAdmin()) {
      return Optional.of(WorkspaceRole.ICS_ADMIN);
    }
    Looked looked = looked();
    if (looked == null) {
      return accounts.roleOf(account.id(), icbCode);
    }
    return looked.roles.computeIfAbsent(icbCode, code -> accounts.roleOf(account.id(), code));
  }

  /** What this request has looked up about the person already; null outside a web request. */
  private static Looked looked() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return null;
    }
    Object looked = request.getAttribute(LOOKED, RequestAttributes.SCOPE_REQUEST);
    if (looked instanceof Looked l) {
      return l;
    }
    Looked fresh = new Looked();
    request.setAttribute(LOOKED, fresh, RequestAttributes.SCOPE_REQUEST);
    return fresh;
  }

  private static final String LOOKED = WorkspaceAccess.class.getName() + ".looked";

  /** The account and its roles by ICS code, as read once in this request. */
  private static final class Looked {
    long accountId;
    Optional<Account> account;
    final java.util.Map<String, Optional<WorkspaceRole>> roles = new java.util.HashMap<>();
  }

  public boolean canView(String icbCode) {
    return has(icbCode, WorkspaceRole.VIEWER);
  }

  private static final Pattern ICB_CODE = Pattern.compile("E54[0-9]{6}");

  /**
   * For a {@code web.PageAudience} of workspace pages: the workspace of the request's path ({@code
   * /workspaces/{code}/…}, exactly {@code segments} segments long counting the empty first one)
   * when it is named by its ONS code as the product writes it (so that the keys of kept pages match
   * what {@code web.WorkspaceChanged} names) and the person may view it; empty otherwise, and the
   * page is rendered afresh, with its error or redirect.
   */
  public Optional<String> viewableWorkspacePage(HttpServletRequest request, int segments) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    if (path.length != segments
        || !"workspaces".equals(path[1])
        || !ICB_CODE.matcher(path[2]).matches()
        || !canView(path[2])) {
      return Optional.empty();
    }
    return Optional.of(path[2]);
  }

  public boolean canEdit(String icbCode) {
    return has(icbCode, WorkspaceRole.EDITOR);
  }

  public boolean canAdminister(String icbCode) {
    return has(icbCode, WorkspaceRole.ICS_ADMIN);
  }

  public void requireView(String icbCode) {
    require(icbCode, WorkspaceRole.VIEWER);
  }

  public void requireEdit(String icbCode) {
    require(icbCode, WorkspaceRole.EDITOR);
  }

  public void requireAdminister(String icbCode) {
    require(icbCode, WorkspaceRole.ICS_ADMIN);
  }

  private boolean has(String icbCode, WorkspaceRole needed) {
    return roleIn(icbCode).map(role -> role.includes(needed)).orElse(false);
  }

  private void require(String icbCode, WorkspaceRole needed) {
    if (currentAccount().isEmpty()) {
      throw new AuthenticationCredentialsNotFoundException("Sign in to use this workspace");
    }
    if (!has(icbCode, needed)) {
      throw new AccessDeniedException(
          "You need the "
              + needed.name().toLowerCase().replace('_', ' ')
              + " role in this workspace");
    }
  }
}
