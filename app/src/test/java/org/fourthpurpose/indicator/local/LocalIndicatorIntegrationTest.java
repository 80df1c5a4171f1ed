package org.fourthpurpose.indicator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local indicator end to end, in the Black Country's workspace (used by no other integration
 * test): defined on the page and through the API, its values imported as CSV and as a workbook,
 * seen on the profile, its theme page, CSV, workbook and API with the intervals worked out here by
 * hand; every refusal (impossible values with file, line and column; bad definitions; roles;
 * another workspace); deleting; the audit log; and a backup's round trip.
 */
@ApplicationTest
class LocalIndicatorIntegrationTest {

  static final String ICB = "E54000062";
  static final String ODS = "QUA";
  static final String OTHER = "E54000034";
  static final String API = "/api/v1/workspaces/" + ICB;
  static final String PAGES = "/workspaces/" + ICB + "/indicators/local";
  static final String HEADER =
      "indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n";
  static final String SOURCE = "Black Country ICB anchor institutions finance returns";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Wilson 95% limits of 150 of 400, in %, worked out by hand from the score formula. */
  static final double LOWER = 32.89570794631629;

  static final double UPPER = 42.342099412041115;

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  record Person(Account account, String token, RequestPostProcessor session) {
    RequestBuilder bearer(AbstractMockHttpServletRequestBuilder<?> request) {
      return request.header("Authorization", "Bearer " + token);
    }
  }

  Person editor;
  Person viewer;

  @BeforeEach
  void startEmpty() {
    for (String icb : List.of(ICB, OTHER)) {
      jdbc.update("delete from imported_value where workspace_icb_code = ?", icb);
      jdbc.update(
          "delete from indicator_import_error where import_id in (select id from"
              + " indicator_import where workspace_icb_code = ?)",
          icb);
      jdbc.update("delete from indicator_import where workspace_icb_code = ?", icb);
      jdbc.update("delete from indicator where workspace_icb_code = ?", icb);
    }
    editor = person(ICB, WorkspaceRole.EDITOR);
    viewer = person(ICB, WorkspaceRole.VIEWER);
  }

  @Test
  void definedImportedAsCsvAndXlsxAndShownOnTheProfileItsDownloadsAndApiMarkedLocal()
      throws Exception {
    // Defined on the page, as a person fills in the form.
    MockHttpServletResponse defined =
        mvc.perform(
                post(PAGES)
                    .with(editor.session())
                    .with(csrf())
                    .param("id", "local-anchor-spend")
                    .param("title", "Spend with local suppliers")
                    .param("definition", "Share of the anchor institutions' spend with suppliers")
                    .param("unit", "% of anchor spend")
                    .param("valueType", "PROPORTION")
                    .param("polarity", "HIGHER_IS_BETTER")
                    .param("intervalMethod", "WILSON")
                    .param("themeCode", "local-economy")
                    .param("source", SOURCE)
                    .param("licence", "Open Government Licence v3.0")
                    .param("areaTypes", "ICB", "ENGLAND"))
            .andReturn()
            .getResponse();
    assertThat(defined.getStatus()).isEqualTo(302);
    assertThat(defined.getRedirectedUrl()).isEqualTo(PAGES + "?defined=local-anchor-spend");
    // And one through the API, published at once.
    status(editor, postJson(API + "/indicators/definitions", volunteers(true)), 201);

    status(
        editor,
        post(API + "/indicators/imports")
            .contentType("text/csv")
            .content(
                HEADER
                    + "local-anchor-spend,E54000062,2023/24,,120,400,,\n"
                    + "local-anchor-spend,QUA,2024/25,,150,400,,\n"
                    + "local-anchor-spend,E92000001,2024/25,,30000,100000,,\n"),
        201);
    status(
        editor,
        multipart(API + "/indicators/imports")
            .file(
                new MockMultipartFile(
                    "file",
                    "volunteers.xlsx",
                    "application/octet-stream",
                    workbook(
                        new Object[][] {
                          {"indicator_id", "area_code", "period", "value"},
                          {"local-community-volunteers", "E54000062", "2023", 1100},
                          {"local-community-volunteers", "E54000062", "2024", 1250},
                          {"local-community-volunteers", "E38000259", "2024", 1250}
                        }))),
        201);

    // A member sees both on the profile, marked Local in words.
    String page = page("/ics/" + ODS + "/profile", editor.session());
    String anchor = row(page, "local-anchor-spend");
    assertThat(anchor)
        .contains(">Spend with local suppliers</a>")
        .contains("<strong class=\"nhsuk-tag nhsuk-tag--white\">Local</strong>")
        .contains("<td data-label=\"Period\">2024/25</td>")
        .contains("<span>37.5</span>")
        .contains(">(32.9 to 42.3)</span>")
        .contains(">30.0</td>")
        .contains("<span>Better than England</span>")
        .contains(
            "href=\"/ics/QUA/profile/themes/local-economy?comparator=england#local-anchor-spend\"");
    assertThat(row(page, "local-community-volunteers"))
        .contains("<span>1,250</span>")
        .contains("<span>No England value</span>")
        .doesNotContain("Similar")
        .contains("Local</strong>");

    String theme = page("/ics/" + ODS + "/profile/themes/local-economy", viewer.session());
    assertThat(theme)
        .containsPattern(
            "<h2 id=\"local-anchor-spend\">Spend with local suppliers <strong[^>]*>Local</strong></h2>")
        .contains("A local indicator: ")
        .contains("Source: " + SOURCE + ". Licence: Open Government Licence v3.0.")
        .contains("2023/24");

    // The public sees only the published one.
    String anonymous = page("/ics/" + ODS + "/profile", null);
    assertThat(anonymous).contains("data-indicator=\"local-community-volunteers\"");
    assertThat(anonymous).doesNotContain("local-anchor-spend");
    // Publishing it forgets the cached public page.
    JsonNode changed =
        JSON.readTree(
            status(
                editor,
                putJson(
                    API + "/indicators/definitions/local-anchor-spend",
                    anchorJson("local-anchor-spend", "local-economy", true)),
                200));
    assertThat(changed.get("published").asBoolean()).isTrue();
    assertThat(changed.get("values").asLong()).isEqualTo(3);
    assertThat(page("/ics/" + ODS + "/profile", null))
        .contains("data-indicator=\"local-anchor-spend\"");

    // The CSV has the same figures, with local and source.
    String csv = page("/ics/" + ODS + "/profile.csv", null);
    List<String> lines = csv.lines().toList();
    List<String> header = Arrays.asList(lines.get(0).split(","));
    assertThat(header.subList(header.size() - 2, header.size())).containsExactly("local", "source");
    String[] line =
        lines.stream()
            .filter(l -> l.contains(",local-anchor-spend,"))
            .findFirst()
            .orElseThrow()
            .split(",");
    assertThat(Double.parseDouble(line[header.indexOf("value")])).isEqualTo(37.5);
    assertThat(Double.parseDouble(line[header.indexOf("lower95")])).isCloseTo(LOWER, within(1e-9));
    assertThat(Double.parseDouble(line[header.indexOf("upper95")])).isCloseTo(UPPER, within(1e-9));
    assertThat(Double.parseDouble(line[header.indexOf("englandValue")])).isEqualTo(30.0);
    assertThat(line[header.indexOf("comparisonWithEngland")]).isEqualTo("better");
    assertThat(line[header.indexOf("local")]).isEqualTo("true");
    assertThat(line[header.indexOf("source")]).isEqualTo(SOURCE);
    assertThat(
            lines.stream().filter(l -> l.contains(",employment-rate,")).findFirst().orElseThrow())
        .contains(",false,");

    // The workbook too, as numbers.
    byte[] xlsx =
        mvc.perform(get("/ics/" + ODS + "/profile.xlsx"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      List<String> columns = new ArrayList<>();
      rows.get(0).forEach(c -> columns.add(c.getRawValue()));
      Row local =
          rows.stream()
              .filter(
                  r -> "local-anchor-spend".equals(r.getCellText(columns.indexOf("indicatorId"))))
              .findFirst()
              .orElseThrow();
      assertThat(local.getCellAsNumber(columns.indexOf("value")).orElseThrow().doubleValue())
          .isEqualTo(37.5);
      assertThat(local.getCellAsNumber(columns.indexOf("lower95")).orElseThrow().doubleValue())
          .isCloseTo(LOWER, within(1e-9));
      assertThat(local.getCellText(columns.indexOf("local"))).isEqualTo("true");
      assertThat(local.getCellText(columns.indexOf("source"))).isEqualTo(SOURCE);
    }

    // And the API.
    JsonNode api = JSON.readTree(page("/api/v1/icbs/" + ODS + "/profile", null));
    JsonNode spend = indicator(api, "local-anchor-spend");
    assertThat(spend.get("local").asBoolean()).isTrue();
    assertThat(spend.get("source").asString()).isEqualTo(SOURCE);
    assertThat(spend.get("value").asDouble()).isEqualTo(37.5);
    assertThat(spend.get("upper95").asDouble()).isCloseTo(UPPER, within(1e-9));
    assertThat(spend.get("numerator").asDouble()).isEqualTo(150);
    assertThat(spend.get("comparisonWithEngland").asString()).isEqualTo("better");
    JsonNode count = indicator(api, "local-community-volunteers");
    assertThat(count.get("value").asDouble()).isEqualTo(1250);
    assertThat(count.get("englandValue").isNull()).isTrue();
    assertThat(count.get("comparisonWithEngland").isNull()).isTrue();
    assertThat(count.get("rank").isNull()).isTrue();
    assertThat(indicator(api, "employment-rate").get("local").asBoolean()).isFalse();
    // Another workspace's member is the public here.
    Person outsider = person(OTHER, WorkspaceRole.EDITOR);
    jdbc.update("update indicator set published = false where id = 'local-anchor-spend'");
    assertThat(status(outsider, get("/api/v1/icbs/" + ODS + "/profile"), 200))
        .doesNotContain("local-anchor-spend");
    assertThat(status(viewer, get("/api/v1/icbs/" + ODS + "/profile"), 200))
        .contains("local-anchor-spend");

    assertThat(auditActions()).contains("local-indicator.defined", "local-indicator.changed");
    assertThat(
            jdbc.queryForList(
                    "select actor from audit_entry where icb_code = ? and action ="
                        + " 'local-indicator.defined' and subject = 'local indicator"
                        + " local-anchor-spend' order by sequence_number desc",
                    String.class,
                    ICB)
                .get(0))
        .startsWith(editor.account().email());
  }

  @Test
  void refusesImpossibleValuesForTheValueTypeNamingFileLineAndColumnAndStoresNothing()
      throws Exception {
    status(
        editor,
        postJson(
            API + "/indicators/definitions",
            anchorJson("local-anchor-spend", "local-economy", false)),
        201);
    status(editor, postJson(API + "/indicators/definitions", volunteers(false)), 201);
    status(
        editor,
        postJson(
            API + "/indicators/definitions",
            definition(
                "local-falls-rate",
                "Falls",
                "RATE",
                "per 1,000 people",
                "BYARS",
                "health",
                List.of("ICB"))),
        201);
    String file =
        HEADER
            + "local-anchor-spend,E54000062,2024/25,500,,,,\n"
            + "local-anchor-spend,E54000062,2023/24,,450,400,,\n"
            + "local-community-volunteers,E54000062,2024,-5,,,,\n"
            + "local-falls-rate,E54000062,2024,-2.5,,,,\n"
            + "local-anchor-spend,E92000001,2024/25,30,,,31,35\n"
            + "local-anchor-spend,E92000001,2023/24,30,,,25,29\n"
            + "local-anchor-spend,E08000027,2024/25,30,,,,\n"
            + "adult-obesity,E54000062,2024,500,,,,\n"
            + "employment-rate,E54000062,2024,250,,,,\n"
            + "local-anchor-spend,E54000062,2022/23,,100,400,,\n";
    JsonNode problem =
        JSON.readTree(
            status(
                editor,
                post(API + "/indicators/imports").contentType("text/csv").content(file),
                400));
    assertThat(problem.get("file").asString()).isEqualTo("upload.csv");
    List<String> errors = new ArrayList<>();
    problem
        .get("errors")
        .forEach(
            e ->
                errors.add(
                    e.get("line").asLong()
                        + " "
                        + e.get("column").asString()
                        + ": "
                        + e.get("message").asString()));
    assertThat(errors)
        .containsExactly(
            "2 value: is 500: a proportion in % of anchor spend must be between 0 and 100",
            "3 numerator: is 450, more than the denominator (400): the numerator of a proportion"
                + " counts part of its denominator",
            "4 value: is -5: a count cannot be negative",
            "5 value: is -2.5: a rate cannot be negative",
            "6 lower_ci: is 31, above the value (30): an interval must contain its value",
            "7 upper_ci: is 29, below the value (30): an interval must contain its value",
            "8 area_code: 'E08000027' is a local authority district; the local indicator"
                + " local-anchor-spend is defined for England and ICBs only: add the area type to"
                + " its definition or leave this row out",
            "9 value: is 500: a proportion in % of adults must be between 0 and 100",
            "10 value: is 250: a proportion in % of people aged 16-64 must be between 0 and 100");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from imported_value where workspace_icb_code = ?",
                Long.class,
                ICB))
        .isZero();

    // The same rules for a workbook, with the column's letter.
    JsonNode sheet =
        JSON.readTree(
            status(
                editor,
                multipart(API + "/indicators/imports")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "spend.xlsx",
                            "application/octet-stream",
                            workbook(
                                new Object[][] {
                                  {
                                    "indicator_id",
                                    "area_code",
                                    "period",
                                    "value",
                                    "numerator",
                                    "denominator"
                                  },
                                  {"local-anchor-spend", "E54000062", "2024/25", 100.5}
                                }))),
                400));
    assertThat(sheet.get("file").asString()).isEqualTo("spend.xlsx");
    JsonNode only = sheet.get("errors").get(0);
    assertThat(only.get("line").asLong()).isEqualTo(2);
    assertThat(only.get("column").asString()).isEqualTo("D (value)");
    assertThat(only.get("message").asString())
        .isEqualTo("is 100.5: a proportion in % of anchor spend must be between 0 and 100");

    // A proportion on the 0 to 1 scale is refused above 1.
    status(
        editor,
        postJson(
            API + "/indicators/definitions",
            definition(
                "local-share",
                "Share",
                "PROPORTION",
                "proportion of people (0 to 1)",
                "WILSON",
                "health",
                List.of("ICB"))),
        201);
    JsonNode share =
        JSON.readTree(
            status(
                editor,
                post(API + "/indicators/imports")
                    .contentType("text/csv")
                    .content(HEADER + "local-share,E54000062,2024,1.2,,,,\n"),
                400));
    assertThat(share.get("errors").get(0).get("message").asString())
        .isEqualTo("is 1.2: a proportion in proportion of people (0 to 1) must be between 0 and 1");
    // The imports page names the file, and each problem's line and column.
    long rejected = share.get("importId").asLong();
    assertThat(page("/workspaces/" + ICB + "/indicators/imports/" + rejected, viewer.session()))
        .contains("upload.csv")
        .contains("must be between 0 and 1");
  }

  @Test
  void refusesDefinitionsWithBadFieldsOnThePageAndInTheApiNamingEachField() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post(PAGES)
                    .with(editor.session())
                    .with(csrf())
                    .param("id", "anchor spend")
                    .param("title", "")
                    .param("definition", "Share of spend")
                    .param("unit", "pounds")
                    .param("valueType", "PROPORTION")
                    .param("polarity", "SIDEWAYS")
                    .param("intervalMethod", "BYARS")
                    .param("themeCode", "astrology")
                    .param("source", SOURCE)
                    .param("licence", "OGL"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    String form = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(form)
        .contains("<title>Error: Define a local indicator")
        .contains("There is a problem")
        .contains("href=\"#id\"")
        .contains("The code must start with local- and have only lower-case letters")
        .contains("href=\"#title\"")
        .contains("Enter a title")
        .contains("For a proportion, start the unit with %")
        .contains("&#39;SIDEWAYS&#39; is not one of HIGHER_IS_BETTER, LOWER_IS_BETTER, NEITHER")
        .contains("Byars&#39; and the exact Poisson interval are for rates and counts only")
        .contains("&#39;astrology&#39; is not one of the catalogue&#39;s themes")
        .contains("Select at least one area type")
        .contains("id=\"title-error\"")
        .contains(">Share of spend</textarea>");
    assertThat(count()).isZero();

    // The API, field by field.
    assertThat(
            field(
                postJson(
                    API + "/indicators/definitions", anchorJson("local-x", "astrology", false))))
        .isEqualTo("themeCode");
    assertThat(
            field(
                postJson(
                    API + "/indicators/definitions",
                    anchorJson("local-x", "local-economy", false)
                        .replace("\"title\":\"Spend with local suppliers\"", "\"title\":\" \""))))
        .isEqualTo("title");
    assertThat(
            field(
                postJson(
                    API + "/indicators/definitions",
                    anchorJson("employment-rate", "local-economy", false))))
        .isEqualTo("id");
    status(
        editor,
        postJson(API + "/indicators/definitions", anchorJson("local-x", "local-economy", false)),
        201);
    JsonNode duplicate =
        JSON.readTree(
            status(
                editor,
                postJson(
                    API + "/indicators/definitions", anchorJson("local-x", "local-economy", false)),
                400));
    assertThat(duplicate.get("detail").asString())
        .contains("This workspace already has a local indicator with the code local-x");
    // Another workspace may not take a code in use.
    Person otherEditor = person(OTHER, WorkspaceRole.EDITOR);
    JsonNode taken =
        JSON.readTree(
            status(
                otherEditor,
                postJson(
                    "/api/v1/workspaces/" + OTHER + "/indicators/definitions",
                    anchorJson("local-x", "local-economy", false)),
                400));
    assertThat(taken.get("detail").asString()).contains("already used by another indicator");
    // The kind of number stays while there are values.
    status(
        editor,
        post(API + "/indicators/imports")
            .contentType("text/csv")
            .content(HEADER + "local-x,E54000062,2024/25,40,,,,\n"),
        201);
    assertThat(
            field(
                putJson(
                    API + "/indicators/definitions/local-x",
                    anchorJson("local-x", "local-economy", false)
                        .replace("\"PROPORTION\"", "\"SCORE\"")
                        .replace("\"WILSON\"", "\"NONE\""))))
        .isEqualTo("valueType");
    assertThat(
            field(
                putJson(
                    API + "/indicators/definitions/local-x",
                    anchorJson("local-x", "local-economy", false).replace("\"ICB\",", ""))))
        .isEqualTo("areaTypes");
    assertThat(
            JSON.readTree(status(editor, get(API + "/indicators/definitions/local-x"), 200))
                .get("valueType")
                .asString())
        .isEqualTo("PROPORTION");
  }

  @Test
  void viewersReadButMayNotChangeAndAnotherWorkspaceCannotReachTheDefinitions() throws Exception {
    status(
        editor,
        postJson(
            API + "/indicators/definitions",
            anchorJson("local-anchor-spend", "local-economy", false)),
        201);
    JsonNode list = JSON.readTree(status(viewer, get(API + "/indicators/definitions"), 200));
    assertThat(list.get(0).get("id").asString()).isEqualTo("local-anchor-spend");
    assertThat(list.get(0).get("areaTypes").toString()).isEqualTo("[\"ENGLAND\",\"ICB\"]");
    assertThat(page(PAGES, viewer.session()))
        .contains("Spend with local suppliers")
        .contains("Workspace only")
        .doesNotContain("Define a local indicator</a>")
        .doesNotContain("/local-anchor-spend/delete");
    assertThat(page(PAGES + "/local-anchor-spend/edit", viewer.session()))
        .contains("nhsuk-summary-list")
        .doesNotContain("name=\"title\"");

    status(
        viewer,
        postJson(API + "/indicators/definitions", anchorJson("local-y", "local-economy", false)),
        403);
    status(
        viewer,
        putJson(
            API + "/indicators/definitions/local-anchor-spend",
            anchorJson("local-anchor-spend", "local-economy", true)),
        403);
    status(viewer, delete(API + "/indicators/definitions/local-anchor-spend"), 403);
    mvc.perform(post(PAGES).with(viewer.session()).with(csrf()).param("id", "local-y"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isForbidden());
    mvc.perform(get(PAGES + "/new").with(viewer.session()))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isForbidden());

    Person other = person(OTHER, WorkspaceRole.EDITOR);
    status(other, get(API + "/indicators/definitions"), 403);
    // In its own workspace, the other system has no such indicator.
    String otherApi = "/api/v1/workspaces/" + OTHER + "/indicators/definitions/local-anchor-spend";
    status(other, get(otherApi), 404);
    status(other, putJson(otherApi, anchorJson("local-anchor-spend", "local-economy", true)), 404);
    status(other, delete(otherApi + "?deleteValues=true"), 404);
    mvc.perform(
            get("/workspaces/" + OTHER + "/indicators/local/local-anchor-spend/edit")
                .with(other.session()))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isNotFound());
    // And its values cannot be imported into another workspace.
    JsonNode refused =
        JSON.readTree(
            status(
                other,
                post("/api/v1/workspaces/" + OTHER + "/indicators/imports")
                    .contentType("text/csv")
                    .content(HEADER + "local-anchor-spend,E54000034,2024/25,40,,,,\n"),
                400));
    assertThat(refused.get("errors").get(0).get("column").asString()).isEqualTo("indicator_id");
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void deletingAnIndicatorWithValuesNeedsConfirmingAndDeletesTheValuesWithIt() throws Exception {
    status(
        editor,
        postJson(
            API + "/indicators/definitions",
            anchorJson("local-anchor-spend", "local-economy", false)),
        201);
    status(editor, postJson(API + "/indicators/definitions", volunteers(false)), 201);
    status(
        editor,
        post(API + "/indicators/imports")
            .contentType("text/csv")
            .content(
                HEADER
                    + "local-anchor-spend,E54000062,2024/25,,150,400,,\n"
                    + "local-anchor-spend,E92000001,2024/25,30,,,,\n"),
        201);
    JsonNode conflict =
        JSON.readTree(
            status(editor, delete(API + "/indicators/definitions/local-anchor-spend"), 409));
    assertThat(conflict.get("detail").asString())
        .isEqualTo(
            "The workspace has 2 values for local-anchor-spend: confirm that they are to be"
                + " deleted with it (deleteValues=true)");
    assertThat(values("local-anchor-spend")).isEqualTo(2);

    assertThat(page(PAGES + "/local-anchor-spend/delete", editor.session()))
        .contains(
            "The workspace has 2 values for local-anchor-spend. Deleting the indicator deletes them")
        .contains("Delete the indicator and its values");
    MockHttpServletResponse deleted =
        mvc.perform(post(PAGES + "/local-anchor-spend/delete").with(editor.session()).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(deleted.getRedirectedUrl()).isEqualTo(PAGES + "?deleted=local-anchor-spend");
    assertThat(values("local-anchor-spend")).isZero();
    status(editor, get(API + "/indicators/definitions/local-anchor-spend"), 404);

    // Without values, the API deletes at once.
    status(editor, delete(API + "/indicators/definitions/local-community-volunteers"), 204);
    assertThat(count()).isZero();
    assertThat(
            jdbc.queryForList(
                    "select after_summary from audit_entry where icb_code = ? and action ="
                        + " 'local-indicator.deleted' and subject = 'local indicator"
                        + " local-anchor-spend' order by sequence_number desc",
                    String.class,
                    ICB)
                .get(0))
        .isEqualTo("2 values deleted with it");
    assertThat(auditActions()).contains("local-indicator.deleted");
  }

  @Test
  void aBackupRestoresTheDefinitionsWithTheirValues() throws Exception {
    Person admin = person(ICB, WorkspaceRole.ICS_ADMIN);
    status(
        editor,
        postJson(
            API + "/indicators/definitions",
            anchorJson("local-anchor-spend", "local-economy", true)),
        201);
    status(
        editor,
        post(API + "/indicators/imports")
            .contentType("text/csv")
            .content(HEADER + "local-anchor-spend,E54000062,2024/25,,150,400,,\n"),
        201);
    String backup = status(admin, get(API + "/backup"), 200);
    JsonNode local =
        JSON.readTree(backup).get("data").get("indicators").get("localIndicators").get(0);
    assertThat(local.get("id").asString()).isEqualTo("local-anchor-spend");
    assertThat(local.get("published").asBoolean()).isTrue();
    assertThat(local.get("createdBy").asString()).startsWith(editor.account().email());

    status(
        editor, delete(API + "/indicators/definitions/local-anchor-spend?deleteValues=true"), 204);
    assertThat(count()).isZero();
    status(
        admin, put(API + "/backup").contentType(MediaType.APPLICATION_JSON).content(backup), 200);
    JsonNode restored =
        JSON.readTree(status(viewer, get(API + "/indicators/definitions/local-anchor-spend"), 200));
    assertThat(restored.get("title").asString()).isEqualTo("Spend with local suppliers");
    assertThat(restored.get("unit").asString()).isEqualTo("% of anchor spend");
    assertThat(restored.get("published").asBoolean()).isTrue();
    assertThat(restored.get("values").asLong()).isEqualTo(1);
    assertThat(restored.get("createdBy").asString()).startsWith(editor.account().email());
    assertThat(
            indicator(
                    JSON.readTree(page("/api/v1/icbs/" + ODS + "/profile", null)),
                    "local-anchor-spend")
                .get("value")
                .asDouble())
        .isEqualTo(37.5);
  }

  // --- helpers

  private Person person(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  private String status(Person who, AbstractMockHttpServletRequestBuilder<?> request, int expected)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(who.bearer(request)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private String field(MockHttpServletRequestBuilder request) throws Exception {
    return JSON.readTree(status(editor, request, 400)).get("field").asString();
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    MockHttpServletRequestBuilder request = get(path);
    if (who != null) {
      request = request.with(who);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(200);
    return body;
  }

  private static MockHttpServletRequestBuilder postJson(String path, String json) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  private static MockHttpServletRequestBuilder putJson(String path, String json) {
    return put(path).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  private static String anchorJson(String id, String theme, boolean published) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\"Spend with local suppliers\",\"definition\":\"Share of the anchor"
        + " institutions' spend with suppliers\",\"unit\":\"% of anchor spend\",\"valueType\":"
        + "\"PROPORTION\",\"polarity\":\"HIGHER_IS_BETTER\",\"intervalMethod\":\"WILSON\","
        + "\"themeCode\":\""
        + theme
        + "\",\"source\":\""
        + SOURCE
        + "\",\"licence\":\"Open Government Licence v3.0\",\"areaTypes\":[\"ICB\",\"ENGLAND\"],"
        + "\"published\":"
        + published
        + "}";
  }

  private static String volunteers(boolean published) {
    return definition(
            "local-community-volunteers",
            "Community volunteers",
            "COUNT",
            "people",
            "NONE",
            "communities",
            List.of("ICB", "SUB_ICB"))
        .replace("\"published\":false", "\"published\":" + published);
  }

  private static String definition(
      String id,
      String title,
      String valueType,
      String unit,
      String method,
      String theme,
      List<String> areaTypes) {
    return JSON.writeValueAsString(
        Map.ofEntries(
            Map.entry("id", id),
            Map.entry("title", title),
            Map.entry("definition", title + " in the system"),
            Map.entry("unit", unit),
            Map.entry("valueType", valueType),
            Map.entry("polarity", "HIGHER_IS_BETTER"),
            Map.entry("intervalMethod", method),
            Map.entry("themeCode", theme),
            Map.entry("source", SOURCE),
            Map.entry("licence", "Open Government Licence v3.0"),
            Map.entry("areaTypes", areaTypes),
            Map.entry("published", false)));
  }

  private static byte[] workbook(Object[][] cells) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(out, "test", "1.0")) {
      Worksheet sheet = wb.newWorksheet("values");
      for (int r = 0; r < cells.length; r++) {
        for (int c = 0; c < cells[r].length; c++) {
          Object v = cells[r][c];
          if (v instanceof Number n) {
            sheet.value(r, c, n);
          } else if (v != null) {
            sheet.value(r, c, v.toString());
          }
        }
      }
    }
    return out.toByteArray();
  }

  /** The profile table row of one indicator. */
  private static String row(String page, String indicatorId) {
    int start = page.indexOf("data-indicator=\"" + indicatorId + "\"");
    assertThat(start).as(indicatorId + " on the profile").isPositive();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private static JsonNode indicator(JsonNode profile, String id) {
    for (JsonNode i : profile.get("indicators")) {
      if (i.get("indicatorId").asString().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no " + id + " in the profile");
  }

  private long count() {
    return jdbc.queryForObject(
        "select count(*) from indicator where workspace_icb_code = ?", Long.class, ICB);
  }

  private long values(String indicatorId) {
    return jdbc.queryForObject(
        "select count(*) from imported_value where workspace_icb_code = ? and indicator_id = ?",
        Long.class,
        ICB,
        indicatorId);
  }

  private List<String> auditActions() {
    return jdbc.queryForList(
        "select action from audit_entry where icb_code = ? order by sequence_number",
        String.class,
        ICB);
  }
}
