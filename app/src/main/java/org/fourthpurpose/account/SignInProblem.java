package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Why a sign-in through the OIDC provider was refused, kept in the session for the one sign-in page
 * that shows it: the message may name the person's own email address, which does not belong in a
 * URL.
 */
final class SignInProblem {

  private static final String ATTRIBUTE = SignInProblem.class.getName();

  private SignInProblem() {}

  static void keep(HttpServletRequest request, String message) {
    request.getSession(true).setAttribute(ATTRIBUTE, message);
  }

  /** The kept message, removed so that it shows once; null when there is none. */
  static String take(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object message = session.getAttribute(ATTRIBUTE);
    session.removeAttribute(ATTRIBUTE);
    return message instanceof String s ? s : null;
  }
}
