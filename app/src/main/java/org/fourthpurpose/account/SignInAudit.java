package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.fourthpurpose.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records sign-ins, refused sign-ins and sign-outs in the audit log, from the events Spring
 * Security publishes for the sign-in form (tokens authenticate without events, so API calls are not
 * sign-ins). A refused sign-in is recorded with the email address tried as the actor and the same
 * words whether or not an account has it; the sign-in page says nothing either way.
 */
@Component
class SignInAudit {

  private final AuditLog audit;

  SignInAudit(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void signedIn(AuthenticationSuccessEvent event) {
    Authentication authentication = event.getAuthentication();
    if (authentication.getPrincipal() instanceof SignedInUser user) {
      audit.recordAs(
          AccountAuditActor.name(user.account()),
          null,
          "sign-in.succeeded",
          "sign-in from " + address(authentication),
          null,
          null);
    }
  }

  @EventListener
  void refused(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    String reason = "refused: wrong email address or password";
    if (event instanceof AuthenticationFailureDisabledEvent) {
      reason = "refused: the account is disabled";
    } else if (event instanceof AuthenticationFailureLockedEvent) {
      reason = "refused: the account is locked";
    }
    audit.recordAs(
        tried(attempt.getName()),
        null,
        "sign-in.failed",
        "sign-in from " + address(attempt),
        null,
        reason);
  }

  @EventListener
  void signedOut(LogoutSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
      audit.recordAs(
          AccountAuditActor.name(user.account()),
          null,
          "sign-out.succeeded",
          "sign-out from " + address(event.getAuthentication()),
          null,
          null);
    }
  }

  /** The email address a sign-in was tried with, as the account would be looked up. */
  static String tried(String email) {
    return email == null || email.isBlank()
        ? "(no email address)"
        : email.strip().toLowerCase(Locale.ROOT);
  }

  /** The network address of the current request, or the one the sign-in came from. */
  private static String address(Authentication authentication) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      HttpServletRequest servlet = request.getRequest();
      return servlet.getRemoteAddr();
    }
    if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    return "an unknown address";
  }
}
