package org.fourthpurpose.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before any password is checked while the throttle says to wait, and sends
 * the person back to the sign-in page with a message that says how long, but not whether the
 * account exists.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && (request.getContextPath() + "/sign-in").equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Duration wait = throttle.waitFor(request.getParameter("email"), request.getRemoteAddr());
    if (wait.isZero()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    long minutes = (seconds + 59) / 60;
    response.setHeader("Retry-After", String.valueOf(seconds));
    response.sendRedirect(request.getContextPath() + "/sign-in?wait=" + minutes);
  }
}
