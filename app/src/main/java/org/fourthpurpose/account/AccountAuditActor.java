package org.fourthpurpose.account;

import java.util.Optional;
import org.fourthpurpose.audit.AuditActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Tells the audit log who is making the current request and what of it they may read: ICS
 * administrators their workspace's entries, platform administrators everything.
 */
@Component
class AccountAuditActor implements AuditActor {

  /** The actor of a request nobody signed in to (a personal link, the set-up link). */
  static final String ANONYMOUS = "anonymous";

  private final WorkspaceAccess access;

  AccountAuditActor(WorkspaceAccess access) {
    this.access = access;
  }

  @Override
  public Optional<String> currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
      return Optional.of(name(user.account()));
    }
    return RequestContextHolder.getRequestAttributes() == null
        ? Optional.empty()
        : Optional.of(ANONYMOUS);
  }

  @Override
  public boolean mayRead(String icbCode) {
    return access.canAdminister(icbCode);
  }

  @Override
  public boolean mayReadAll() {
    return access.currentAccount().map(Account::platformAdmin).orElse(false);
  }

  /** How the audit log names an account: its email address and id, which never changes. */
  static String name(Account account) {
    return account.email() + " (account " + account.id() + ")";
  }
}
