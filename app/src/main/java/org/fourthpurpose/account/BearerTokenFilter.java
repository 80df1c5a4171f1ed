package org.fourthpurpose.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in from {@code Authorization: Bearer <personal access token>}; a bad token
 * gets 401.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private final AccountService accounts;

  BearerTokenFilter(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<Account> account = accounts.authenticateToken(header.substring(7).strip());
      if (account.isEmpty()) {
        SecurityConfiguration.problem(
            response, 401, "Unauthorized", "The access token is not valid, or it has been revoked");
        return;
      }
      SignedInUser user = (SignedInUser) accounts.userDetails(account.get().id());
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
    chain.doFilter(request, response);
  }
}
