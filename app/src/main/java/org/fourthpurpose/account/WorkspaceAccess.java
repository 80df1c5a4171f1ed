package org.fourthpurpose.account;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

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
    return accounts.find(user.account().id()).filter(Account::enabled);
  }

  public Optional<WorkspaceRole> roleIn(String icbCode) {
    return currentAccount()
        .flatMap(
            account ->
                account.platformAdmin()
                    ? Optional.of(WorkspaceRole.ICS_ADMIN)
                    : accounts.roleOf(account.id(), icbCode));
  }

  public boolean canView(String icbCode) {
    return has(icbCode, WorkspaceRole.VIEWER);
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
