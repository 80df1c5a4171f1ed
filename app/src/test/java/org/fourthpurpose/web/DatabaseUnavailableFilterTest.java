package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatabaseUnavailableFilterTest {

  private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

  private MockHttpServletResponse run(String path, RuntimeException failure) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(
        request,
        response,
        (req, res) -> {
          throw new ServletException("Request processing failed", failure);
        });
    return response;
  }

  @Test
  void anApiRequestGetsA503ProblemWithRetryAfterWhenNoConnectionCanBeHad() throws Exception {
    MockHttpServletResponse response =
        run(
            "/api/v1/icbs",
            new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("pool timed out")));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"status\":503");
  }

  @Test
  void aPageGetsA503PageToo() throws Exception {
    MockHttpServletResponse response =
        run("/ics/QYG", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).contains("Sorry, the service is unavailable");
  }

  @Test
  void thePageNamesTheDeployingOrganisationsServiceEscaped() throws Exception {
    DatabaseUnavailableFilter branded =
        new DatabaseUnavailableFilter("Cheshire & Merseyside <Insight>");
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ics/QYG");
    MockHttpServletResponse response = new MockHttpServletResponse();
    branded.doFilter(
        request,
        response,
        (req, res) -> {
          throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        });

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString())
        .contains(
            "<title>Sorry, the service is unavailable – Cheshire &amp; Merseyside"
                + " &lt;Insight&gt;</title>")
        .contains(">Cheshire &amp; Merseyside &lt;Insight&gt;</a>")
        .doesNotContain("Fourth Purpose");
  }

  @Test
  void otherFailuresPassThroughUntouched() {
    assertThatThrownBy(() -> run("/ics/QYG", new IllegalStateException("a bug")))
        .isInstanceOf(ServletException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTransactionCutOffMidwayIsAnOutageEvenWhenItsRollbackFailedToo() throws Exception {
    // The driver's "connection closed" (SQLState 08003) on rollback, after the server ended the
    // session (57P01) under the statement that was running.
    var rollbackFailed =
        new org.springframework.transaction.TransactionSystemException(
            "JDBC rollback failed",
            new java.sql.SQLException("This connection has been closed.", "08003"));
    MockHttpServletResponse response = run("/workspaces/QYG/maturity", rollbackFailed);
    assertThat(response.getStatus()).isEqualTo(503);

    var ended = new org.springframework.transaction.TransactionSystemException("rollback failed");
    ended.initApplicationException(
        new java.sql.SQLException("terminating connection due to administrator command", "57P01"));
    assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(ended)).isTrue();
    assertThat(
            DatabaseUnavailableFilter.isDatabaseUnavailable(
                new java.sql.SQLException("syntax error", "42601")))
        .isFalse();
  }
}
