package org.fourthpurpose.equity.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waiting-list analyses through the exact API in Greater Manchester's workspace (used by no other
 * integration test), on the DuckDB engine: a hand-made extract whose figures are worked out by
 * hand, every kind of refusal ending {@code failed} with its line and column, another workspace
 * kept out, publishing (the public page is not found until then), and no pathway identifier
 * anywhere in the application's database afterwards.
 */
@ApplicationTest
class EquityAnalysisIntegrationTest {

  static final String ICB = "E54000057";
  static final String OTHER = "E54000060";
  static final String API = "/api/v1/workspaces/" + ICB + "/equity";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final LocalDate CENSUS = LocalDate.of(2025, 3, 31);

  /** Bolton 00T, IMD 2025 decile 1. */
  static final String LSOA = "E01004787";

  static final String HEADER =
      "pathway_id,lsoa_code,age,sex,ethnicity,first_language_english,learning_disability,"
          + "mental_health,treatment_function,clock_start\n";

  /**
   * 20 pathways in one decile-1 neighbourhood, all White, 45, English first language, no learning
   * disability or mental illness, general surgery (110). Ten women waiting 10, 20, …, 100 days; ten
   * men waiting 130, 155, …, 355 days (all over 18 weeks, none over 52).
   */
  static String file(String prefix) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 10; i++) {
      csv.append(row(prefix + "F" + i, "2", CENSUS.minusDays(10L * i)));
    }
    for (int i = 0; i < 10; i++) {
      csv.append(row(prefix + "M" + i, "1", CENSUS.minusDays(130 + 25L * i)));
    }
    return csv.toString();
  }

  static String row(String id, String sex, LocalDate start) {
    return id + "," + LSOA + ",45," + sex + ",A,Y,N,N,110," + start + "\n";
  }

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  record Person(String token, RequestPostProcessor session) {}

  Person editor;
  Person viewer;
  Person otherEditor;

  @BeforeEach
  void startWithNoAnalyses() {
    for (String icb : List.of(ICB, OTHER)) {
      jdbc.update("delete from equity_analysis where icb_code = ?", icb);
    }
    editor = person(ICB, WorkspaceRole.EDITOR);
    viewer = person(ICB, WorkspaceRole.VIEWER);
    otherEditor = person(OTHER, WorkspaceRole.EDITOR);
  }

  @Test
  void anExtractIsAnalysedInTheBackgroundToTheFiguresWorkedOutByHand() throws Exception {
    JsonNode started =
        JSON.readTree(
            call(
                editor,
                post(API + "/waiting-list?censusDate=" + CENSUS)
                    .contentType("text/csv")
                    .content(file("EQT-P")),
                202));
    assertThat(started.propertyNames()).containsExactly("id", "status");
    assertThat(started.get("status").asString()).isIn("queued", "running", "done");
    long id = started.get("id").asLong();

    JsonNode analysis = awaitEnd(id);
    assertThat(analysis.get("status").asString()).as(analysis.toString()).isEqualTo("done");
    assertThat(analysis.get("rows").asLong()).isEqualTo(20);
    assertThat(analysis.get("fileDeleted").asBoolean()).isTrue();
    assertThat(analysis.get("engine").asString()).startsWith("DuckDB");
    assertThat(analysis.get("tables").toString()).contains("imd-quintile", "ethnicity", "sex");

    JsonNode sex = JSON.readTree(call(viewer, get(API + "/analyses/" + id + "/tables/sex"), 200));
    JsonNode male = sex.get(0);
    assertThat(male.get("group").asString()).isEqualTo("Male");
    assertThat(first8(male))
        .containsExactly(
            "group",
            "waiting",
            "medianDays",
            "p92Days",
            "over18Weeks",
            "over52Weeks",
            "percentOver18Weeks",
            "suppressed");
    assertThat(male.get("waiting").asLong()).isEqualTo(10);
    // 130 … 355 by 25: median (230 + 255) / 2; p92 at 1 + 0.92 × 9 = 9.28: 330 + 0.28 × 25
    assertThat(male.get("medianDays").asDouble()).isEqualTo(242.5);
    assertThat(male.get("p92Days").asDouble()).isEqualTo(337.0);
    assertThat(male.get("over18Weeks").asLong()).isEqualTo(10);
    assertThat(male.get("over52Weeks").asLong()).isZero();
    assertThat(male.get("percentOver18Weeks").asDouble()).isEqualTo(100.0);
    assertThat(male.get("suppressed").asBoolean()).isFalse();
    JsonNode female = sex.get(1);
    assertThat(female.get("group").asString()).isEqualTo("Female");
    // 10 … 100 by 10: median 55; p92 90 + 0.28 × 10
    assertThat(female.get("medianDays").asDouble()).isEqualTo(55.0);
    assertThat(female.get("p92Days").asDouble()).isEqualTo(92.8);
    assertThat(female.get("percentOver18Weeks").asDouble()).isEqualTo(0.0);

    JsonNode quintiles =
        JSON.readTree(call(viewer, get(API + "/analyses/" + id + "/tables/imd-quintile"), 200));
    assertThat(quintiles).hasSize(5);
    assertThat(quintiles.get(0).get("group").asString()).isEqualTo("1");
    assertThat(quintiles.get(0).get("waiting").asLong()).isEqualTo(20);
    // All 20: 10 … 100 and 130 … 355; median (100 + 130) / 2; p92 at 18.48: 305 + 0.48 × 25
    assertThat(quintiles.get(0).get("medianDays").asDouble()).isEqualTo(115.0);
    assertThat(quintiles.get(0).get("p92Days").asDouble()).isEqualTo(317.0);
    assertThat(quintiles.get(0).get("percentOver18Weeks").asDouble()).isEqualTo(50.0);
    assertThat(quintiles.get(4).get("waiting").asLong()).isZero();
    assertThat(quintiles.get(4).get("medianDays").isNull()).isTrue();

    JsonNode ethnicity =
        JSON.readTree(call(viewer, get(API + "/analyses/" + id + "/tables/ethnicity"), 200));
    List<String> groups = new ArrayList<>();
    ethnicity.forEach(g -> groups.add(g.get("group").asString()));
    assertThat(groups).containsExactly("White", "Mixed", "Asian", "Black", "Other", "Not stated");
    assertThat(ethnicity.get(0).get("waiting").asLong()).isEqualTo(20);
    for (String breakdown :
        List.of(
            "imd-decile",
            "language",
            "learning-disability",
            "mental-health",
            "age-band",
            "treatment-function",
            "ics-fifth",
            "sub-icb",
            "district")) {
      JsonNode table =
          JSON.readTree(call(viewer, get(API + "/analyses/" + id + "/tables/" + breakdown), 200));
      long total = 0;
      for (JsonNode g : table) {
        total += g.get("waiting").asLong();
      }
      assertThat(total).as(breakdown).isEqualTo(20);
    }
    call(viewer, get(API + "/analyses/" + id + "/tables/postcode"), 404);

    // The workspace's pages show the same figures and offer the downloads.
    String page = page("/workspaces/" + ICB + "/equity/analyses/" + id + "?breakdown=sex", viewer);
    assertThat(page).contains("242.5").contains("337.0").contains("The uploaded file was deleted");
    String csv = page("/workspaces/" + ICB + "/equity/analyses/" + id + "/tables.csv", viewer);
    assertThat(csv)
        .startsWith("censusDate,breakdown,group,secondGroup,waiting,medianDays")
        .contains("2025-03-31,sex,Male,,10,242.5,337,10,0,100,false");
  }

  @Test
  void everyRefusalEndsAsFailedWithItsLineAndColumnAndStoresNoTables() throws Exception {
    String bad =
        HEADER
            + "EQT-R1,E01004787,45,2,A,Y,N,N,110,2025-01-01\n"
            + "EQT-R2,E09999999,45,2,A,Y,N,N,110,2025-01-01\n"
            + "EQT-R3,E01004787,-4,2,A,Y,N,N,110,2025-01-01\n"
            + "EQT-R4,E01004787,45,7,A,Y,N,N,110,2025-01-01\n"
            + "EQT-R5,E01004787,45,2,Q,Y,N,N,110,2025-01-01\n"
            + "EQT-R6,E01004787,45,2,A,maybe,N,N,110,2025-01-01\n"
            + "EQT-R7,E01004787,45,2,A,Y,N,N,110,2025-04-01\n"
            + "EQT-R8,E01004787,45,2,A,Y,N,N,110,31/01/2025\n"
            + "EQT-R1,E01004787,45,2,A,Y,N,N,110,2025-01-01\n";
    long id = upload(bad);
    JsonNode analysis = awaitEnd(id);
    assertThat(analysis.get("status").asString()).isEqualTo("failed");
    assertThat(analysis.get("message").asString()).contains("8 problems");
    assertThat(analysis.get("problemCount").asLong()).isEqualTo(8);
    List<String> problems = new ArrayList<>();
    analysis
        .get("problems")
        .forEach(
            p ->
                problems.add(
                    p.get("line").asLong()
                        + " "
                        + p.get("column").asString()
                        + " "
                        + p.get("message").asString()));
    assertThat(problems)
        .containsExactly(
            "3 lsoa_code 'E09999999' is not a 2021 or 2011 LSOA code in the lookup",
            "4 age '-4' is not a whole number of years from 0 to 120",
            "5 sex '7' is not a sex code: 1 or M (male), 2 or F (female), 9 (indeterminate), 0 or X"
                + " (not known), or empty",
            "6 ethnicity 'Q' is not an NHS ethnic category code (A to H, J to N, P, R, S, Z, 99 or"
                + " empty)",
            "7 first_language_english 'maybe' is not Y, N or empty",
            "8 clock_start '2025-04-01' is after the census date 2025-03-31",
            "9 clock_start '31/01/2025' is not a date written YYYY-MM-DD",
            // The identifier itself is never stored.
            "10 pathway_id the identifier appears on an earlier line: each pathway must appear"
                + " once");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from equity_table_row where analysis_id = ?", Long.class, id))
        .isZero();
    call(viewer, get(API + "/analyses/" + id + "/tables/sex"), 409);
    String page = page("/workspaces/" + ICB + "/equity/analyses/" + id, viewer);
    assertThat(page).contains("The extract was not analysed").contains("is after the census date");

    // A missing column, a header with no rows, and text that is not UTF-8.
    JsonNode missing = awaitEnd(upload("pathway_id,lsoa_code,age\nEQT-M1,E01004787,45\n"));
    assertThat(missing.get("status").asString()).isEqualTo("failed");
    assertThat(missing.get("problemCount").asLong()).isEqualTo(7);
    assertThat(missing.get("problems").get(0).get("line").asLong()).isEqualTo(1);
    assertThat(missing.get("problems").get(0).get("column").asString()).isEqualTo("sex");
    JsonNode empty = awaitEnd(upload(HEADER));
    assertThat(empty.get("status").asString()).isEqualTo("failed");
    assertThat(empty.get("problems").get(0).get("message").asString()).contains("has no pathways");
    byte[] latin1 =
        (HEADER + "EQT-L1,E01004787,45,2,A,Y,N,N,110,2025-01-01\nEQT-L\u00e92,E01004787")
            .getBytes(StandardCharsets.ISO_8859_1);
    MockHttpServletResponse response =
        mvc.perform(
                post(API + "/waiting-list?censusDate=" + CENSUS)
                    .contentType("text/csv")
                    .content(latin1)
                    .header("Authorization", "Bearer " + editor.token()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(202);
    JsonNode notUtf8 = awaitEnd(JSON.readTree(response.getContentAsString()).get("id").asLong());
    assertThat(notUtf8.get("status").asString()).isEqualTo("failed");
    assertThat(notUtf8.get("problemCount").asLong()).isPositive();
  }

  @Test
  void aCensusDateThatIsMissingOrInTheFutureIsRefusedBeforeAnythingIsStored() throws Exception {
    long before = jdbc.queryForObject("select count(*) from equity_analysis", Long.class);
    JsonNode problem =
        JSON.readTree(
            call(
                editor,
                post(API + "/waiting-list").contentType("text/csv").content(file("EQT-C")),
                400));
    assertThat(problem.get("field").asString()).isEqualTo("censusDate");
    call(
        editor,
        post(API + "/waiting-list?censusDate=2999-01-01").contentType("text/csv").content("x"),
        400);
    call(
        editor,
        post(API + "/waiting-list?censusDate=31-03-2025").contentType("text/csv").content("x"),
        400);
    assertThat(jdbc.queryForObject("select count(*) from equity_analysis", Long.class))
        .isEqualTo(before);
  }

  @Test
  void anotherWorkspaceAndViewersCannotReachOrChangeTheAnalyses() throws Exception {
    long id = upload(file("EQT-I"));
    awaitEnd(id);
    call(
        viewer,
        post(API + "/waiting-list?censusDate=" + CENSUS).contentType("text/csv").content(file("X")),
        403);
    call(viewer, put(API + "/analyses/" + id + "/published?published=true"), 403);
    call(otherEditor, get(API + "/analyses/" + id), 403);
    call(otherEditor, get(API + "/analyses/" + id + "/tables/sex"), 403);
    call(
        otherEditor,
        post(API + "/waiting-list?censusDate=" + CENSUS).contentType("text/csv").content(file("X")),
        403);
    call(otherEditor, get("/api/v1/workspaces/" + OTHER + "/equity/analyses/" + id), 404);
    call(
        otherEditor,
        get("/api/v1/workspaces/" + OTHER + "/equity/analyses/" + id + "/tables/sex"),
        404);
    MockHttpServletResponse anonymous =
        mvc.perform(get(API + "/analyses/" + id)).andReturn().getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(401);
  }

  @Test
  void thePublicPageIsNotFoundUntilAnAnalysisIsPublishedAndShowsOnlyItsTables() throws Exception {
    long id = upload(file("EQT-U"));
    awaitEnd(id);
    assertThat(anonymousStatus("/ics/" + ICB + "/equity")).isEqualTo(404);
    call(editor, put(API + "/analyses/" + id + "/published?published=true"), 200);
    MockHttpServletResponse page =
        mvc.perform(get("/ics/" + ICB + "/equity?breakdown=sex")).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8))
        .contains("Who waits longest")
        .contains("242.5")
        .contains("How the data is protected")
        .doesNotContain("EQT-U");
    assertThat(anonymousStatus("/ics/" + ICB + "/equity/tables.csv")).isEqualTo(200);
    call(editor, put(API + "/analyses/" + id + "/published?published=false"), 200);
    assertThat(anonymousStatus("/ics/" + ICB + "/equity")).isEqualTo(404);
  }

  @Test
  void noTableOfTheApplicationDatabaseHoldsAPathwayIdentifierAfterAnalyses() throws Exception {
    awaitEnd(upload(file("EQTRAW-")));
    // A refused file, whose problems are stored: a duplicate identifier is named by line only.
    awaitEnd(
        upload(
            HEADER
                + "EQTRAW-DUP,E01004787,45,2,A,Y,N,N,110,2025-01-01\n"
                + "EQTRAW-DUP,E01004787,45,2,A,Y,N,N,110,2025-01-01\n"));
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null
              && (schema.equalsIgnoreCase("information_schema")
                  || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          int type = rs.getInt("DATA_TYPE");
          if (type == Types.VARCHAR
              || type == Types.CHAR
              || type == Types.LONGVARCHAR
              || type == Types.CLOB
              || type == Types.NVARCHAR
              || type == Types.NCHAR) {
            columns.add(
                new String[] {schema, rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
          }
        }
      }
      assertThat(columns.stream().map(c -> c[1].toLowerCase()))
          .contains("equity_problem", "equity_table_row", "job_run", "audit_entry");
      for (String[] c : columns) {
        String table = (c[0] == null ? "" : "\"" + c[0] + "\".") + "\"" + c[1] + "\"";
        Long hits =
            jdbc.queryForObject(
                "select count(*) from " + table + " where \"" + c[2] + "\" like '%EQTRAW-%'",
                Long.class);
        if (hits != null && hits > 0) {
          found.add(c[1] + "." + c[2]);
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private long upload(String csv) throws Exception {
    return JSON.readTree(
            call(
                editor,
                post(API + "/waiting-list?censusDate=" + CENSUS)
                    .contentType("text/csv")
                    .content(csv),
                202))
        .get("id")
        .asLong();
  }

  /** Follows an analysis until it has ended (a bounded wait: the engine takes well under 30 s). */
  private JsonNode awaitEnd(long id) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonNode analysis = JSON.readTree(call(viewer, get(API + "/analyses/" + id), 200));
      String status = analysis.get("status").asString();
      if (status.equals("done") || status.equals("failed")) {
        return analysis;
      }
      assertThat(status).isIn("queued", "running");
      assertThat(System.nanoTime()).as("analysis %d still %s", id, status).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static List<String> first8(JsonNode row) {
    List<String> names = new ArrayList<>(row.propertyNames());
    return names.subList(0, 8);
  }

  private Person person(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return new Person(
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  private String call(Person who, AbstractMockHttpServletRequestBuilder<?> request, int expected)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("Authorization", "Bearer " + who.token()))
            .andReturn()
            .getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private String page(String path, Person who) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).with(who.session())).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(200);
    return body;
  }

  private int anonymousStatus(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse().getStatus();
  }
}
