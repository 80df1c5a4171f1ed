package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real outage: the database stops accepting connections and drops the ones the application's pool
 * holds, as a restart or a failover does. Pages and the API answer 503 with {@code Retry-After}
 * soon, a request cut in the middle of its transaction too, and once the database is back the same
 * requests answer 200 from the same running application.
 *
 * <p>PostgreSQL only: the embedded H2 database lives inside the application's own process, so it
 * cannot go away while the application stays up.
 */
@ApplicationTest
class DatabaseOutageIntegrationTest {

  /**
   * How long a request may take to answer 503 while the database is down: the pool's own wait for a
   * connection (10 s, the application's setting, kept here so the test sees what users see) and a
   * little more.
   */
  static final Duration BOUND = Duration.ofSeconds(13);

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired Geography geography;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Environment environment;

  @Test
  void pagesAndTheApiAnswer503WhileTheDatabaseIsDownAnd200AgainWhenItIsBackWithoutARestart()
      throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("fp.test.database")),
        "An embedded H2 database lives in the application's process and cannot go down on its own:"
            + " the outage is tested on PostgreSQL");
    String icb = geography.icbs().get(5).code();
    Account person =
        accounts.createAccount(
            "outage." + UUID.randomUUID() + "@example.org",
            "Outage Tester",
            "correct horse battery staple",
            false);
    accounts.grant(person.id(), icb, WorkspaceRole.EDITOR);
    String token = accounts.createToken(person.id(), "outage").token();
    MockHttpServletRequestBuilder page =
        get("/workspaces/" + icb + "/indicators/imports")
            .with(user(accounts.userDetails(person.id())));
    MockHttpServletRequestBuilder api =
        get("/api/v1/workspaces/" + icb + "/maturity/rounds")
            .header("Authorization", "Bearer " + token);
    assertThat(answer(page).getStatus()).isEqualTo(200);
    assertThat(answer(api).getStatus()).isEqualTo(200);

    try (Outage outage = new Outage()) {
      outage.begin();

      long started = System.nanoTime();
      MockHttpServletResponse down = answer(page);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
      assertThat(down.getStatus()).isEqualTo(503);
      assertThat(down.getHeader("Retry-After"))
          .isEqualTo(String.valueOf(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS));
      assertThat(down.getContentType()).startsWith("text/html");
      assertThat(down.getContentAsString())
          .contains("Sorry, the service is unavailable")
          .contains("nhsuk-header")
          .contains("/assets/css/fourthpurpose.min.css");

      started = System.nanoTime();
      MockHttpServletResponse apiDown = answer(api);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
      assertThat(apiDown.getStatus()).isEqualTo(503);
      assertThat(apiDown.getHeader("Retry-After")).isEqualTo("30");
      assertThat(apiDown.getContentType()).startsWith("application/problem+json");
      assertThat(apiDown.getContentAsString())
          .contains("\"status\":503")
          .contains("problems/service-unavailable");

      outage.end();
      // The pool's connections died with the outage: it must notice, make new ones, and serve.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int pageStatus = 0;
      while (System.nanoTime() < deadline && (pageStatus = answer(page).getStatus()) != 200) {
        Thread.onSpinWait();
      }
      assertThat(pageStatus).as("the page once the database is back").isEqualTo(200);
      assertThat(answer(api).getStatus()).isEqualTo(200);
      assertThat(JdbcClient.create(dataSource).sql("select 1").query(Integer.class).single())
          .isEqualTo(1);
    }
  }

  @Test
  void aRequestWhoseTransactionIsCutOffMidwayAnswers503AndTheNextOneWorks() throws Exception {
    assumeTrue(
        "postgresql".equals(System.getProperty("fp.test.database")),
        "An embedded H2 database cannot drop the application's connections: tested on PostgreSQL");
    JdbcClient sql = JdbcClient.create(dataSource);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
    MockHttpServletResponse response = new MockHttpServletResponse();
    try (Outage outage = new Outage()) {
      new DatabaseUnavailableFilter()
          .doFilter(
              request,
              response,
              (req, res) ->
                  transaction.executeWithoutResult(
                      status -> {
                        sql.sql("select count(*) from account").query(Long.class).single();
                        // The database drops the connection between two statements.
                        outage.dropConnections();
                        sql.sql("select count(*) from account").query(Long.class).single();
                      }));
    }
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    assertThat(sql.sql("select 1").query(Integer.class).single()).isEqualTo(1);
  }

  private MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  /**
   * Takes the test database away from the application through a connection of its own: refuses new
   * connections ({@code allow_connections false}) and ends every other session on it, as a server
   * restart does. Closing always lets connections in again.
   */
  final class Outage implements AutoCloseable {
    private final Connection admin;
    private final String database;
    private boolean refusing;

    Outage() throws Exception {
      try (Connection app = dataSource.getConnection();
          Statement s = app.createStatement();
          var rs = s.executeQuery("select current_database()")) {
        rs.next();
        database = rs.getString(1);
      }
      // PostgreSQL will not shut the door of the database a session is in: work from the
      // server's maintenance database, as an operator would.
      String url = environment.getRequiredProperty("spring.datasource.url");
      admin =
          DriverManager.getConnection(
              url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres"),
              environment.getProperty("spring.datasource.username"),
              environment.getProperty("spring.datasource.password"));
    }

    void begin() throws Exception {
      execute("alter database " + quoted() + " with allow_connections false");
      refusing = true;
      dropConnections();
    }

    void dropConnections() {
      try (var s =
          admin.prepareStatement(
              "select pg_terminate_backend(pid) from pg_stat_activity where datname = ?"
                  + " and pid <> pg_backend_pid()")) {
        s.setString(1, database);
        s.execute();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    void end() throws Exception {
      execute("alter database " + quoted() + " with allow_connections true");
      refusing = false;
    }

    private String quoted() {
      return "\"" + database.replace("\"", "\"\"") + "\"";
    }

    private void execute(String statement) throws Exception {
      try (Statement s = admin.createStatement()) {
        s.execute(statement);
      }
    }

    @Override
    public void close() throws Exception {
      try {
        if (refusing) {
          end();
        }
      } finally {
        admin.close();
      }
    }
  }
}
