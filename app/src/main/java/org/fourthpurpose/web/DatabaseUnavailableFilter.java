package org.fourthpurpose.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
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

  /** The deploying organisation's service name, HTML-escaped, for the page's header and title. */
  private final String serviceName;

  @org.springframework.beans.factory.annotation.Autowired
  DatabaseUnavailableFilter(
      @org.springframework.beans.factory.annotation.Value("${fp.branding.service-name:}")
          String serviceName) {
    this.serviceName =
        org.springframework.web.util.HtmlUtils.htmlEscape(
            serviceName == null || serviceName.isBlank()
                ? BrandingProperties.DEFAULT_SERVICE_NAME
                : serviceName.strip());
  }

  DatabaseUnavailableFilter() {
    this(null);
  }

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

  /**
   * Whether the failure, or anything that caused it, says the database cannot be reached: Spring's
   * and the pool's exceptions for it, or a driver's connection failure by its SQLState (class 08,
   * or PostgreSQL's 57P01-57P03 for a server shutting down or starting). A transaction cut off
   * midway usually ends in a failed rollback, so the failure that ended the work is looked at too.
   */
  static boolean isDatabaseUnavailable(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure;
        t != null && depth++ < 50;
        t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (t instanceof TransactionSystemException ended
          && ended.getApplicationException() != null
          && ended.getApplicationException() != failure
          && isDatabaseUnavailable(ended.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  private void unavailable(HttpServletRequest request, HttpServletResponse response)
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
      // Drawn here, not by a template: the layout asks the database who is signed in, which is
      // what failed. The stylesheet is a static file, so the page still looks like the service.
      String css = request.getContextPath() + "/assets/css/fourthpurpose.min.css";
      String home = request.getContextPath() + "/";
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                  + "<title>Sorry, the service is unavailable – "
                  + serviceName
                  + "</title>"
                  + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  + "<link rel=\"stylesheet\" href=\""
                  + css
                  + "\"></head><body>"
                  + "<header class=\"nhsuk-header\" role=\"banner\"><div class=\"nhsuk-header__container"
                  + " nhsuk-width-container\"><div class=\"nhsuk-header__service\"><a"
                  + " class=\"nhsuk-header__service-name\" href=\""
                  + home
                  + "\">"
                  + serviceName
                  + "</a></div></div></header>"
                  + "<div class=\"nhsuk-width-container\"><main class=\"nhsuk-main-wrapper\""
                  + " id=\"maincontent\"><div class=\"nhsuk-grid-row\"><div"
                  + " class=\"nhsuk-grid-column-two-thirds\">"
                  + "<h1>Sorry, the service is unavailable</h1><p>"
                  + detail
                  + "</p>"
                  + "</div></div></main></div></body></html>");
    }
  }
}
