package org.fourthpurpose.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 Service Unavailable with {@code Retry-After}, not a 500, while the database cannot be
 * reached (restarting, failing over, out of connections), wherever the failure surfaces: in a
 * controller, a page cache or a security filter. The connection pool reconnects by itself, so
 * service returns without a restart once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 30;

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!isDatabaseUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("The database cannot be reached; answered 503 to {}", request.getRequestURI());
      unavailable(request, response);
    }
  }

  /** Whether the failure, or anything that caused it, says the database cannot be reached. */
  static boolean isDatabaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  private static void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.reset();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String detail =
        "The service cannot reach its database just now. Try again in a minute; nothing was"
            + " changed.";
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"type\":\"https://fourthpurpose.org/problems/service-unavailable\","
                  + "\"title\":\"Service unavailable\",\"status\":503,\"detail\":\""
                  + detail
                  + "\"}");
    } else {
      // A plain page: the layout itself may need the database, which is what failed.
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sorry, the"
                  + " service is unavailable</title></head><body><main><h1>Sorry, the service is"
                  + " unavailable</h1><p>"
                  + detail
                  + "</p></main></body></html>");
    }
  }
}
