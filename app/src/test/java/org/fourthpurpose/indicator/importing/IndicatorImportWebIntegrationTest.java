package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
class IndicatorImportWebIntegrationTest {

  static final String WORKSPACE = "E54000051";
  static final String PAGE = "/workspaces/" + WORKSPACE + "/indicators/imports";
  static final String API = "/api/v1" + PAGE;
  static final String GOOD =
      IndicatorImportsIntegrationTest.HEADER
          + "employment-rate,E54000051,2021,75,,,,\n"
          + "employment-rate,E54000051,2022,76,,,,\n";
  static final String BAD =
      IndicatorImportsIntegrationTest.HEADER
          + "employment-rate,E54000051,2021,seventy,,,,\n"
          + "employment-rate,E99999999,2022,76,,,,\n";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyTheImports() {
    jdbc.update("delete from imported_value");
    jdbc.update("delete from indicator_import_error");
    jdbc.update("delete from indicator_import");
  }

  private Account member(String workspace, WorkspaceRole role) {
    Account account =
        accounts.createAccount(
            "import-" + UUID.randomUUID() + "@example.org", "Ada", "long enough password", false);
    accounts.grant(account.id(), workspace, role);
    return account;
  }

  private String bearer(Account account) {
    return "Bearer " + accounts.createToken(account.id(), "script").token();
  }

  private static MockMultipartFile csv(String content) {
    return new MockMultipartFile(
        "file", "values.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sendsAnonymousPeopleToSignInAndAnonymousScriptsAway() throws Exception {
    mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
    mvc.perform(post(API).contentType("text/csv").content(GOOD))
        .andExpect(status().isUnauthorized());
    assertThat(jdbc.queryForObject("select count(*) from indicator_import", Long.class)).isZero();
  }

  @Test
  void letsAViewerSeeImportsButNotImport() throws Exception {
    Account viewer = member(WORKSPACE, WorkspaceRole.VIEWER);
    String page =
        mvc.perform(get(PAGE).with(user(accounts.userDetails(viewer.id()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("<h1>Indicator imports</h1>").doesNotContain("type=\"file\"");
    mvc.perform(
            multipart(PAGE)
                .file(csv(GOOD))
                .with(user(accounts.userDetails(viewer.id())))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(API).header("Authorization", bearer(viewer)).contentType("text/csv").content(GOOD))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from imported_value", Long.class)).isZero();
  }

  @Test
  void refusesAnEditorOfAnotherWorkspace() throws Exception {
    Account other = member("E54000008", WorkspaceRole.EDITOR);
    mvc.perform(get(PAGE).with(user(accounts.userDetails(other.id()))))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(API).header("Authorization", bearer(other)).contentType("text/csv").content(GOOD))
        .andExpect(status().isForbidden());
  }

  @Test
  void importsAnUploadedFileInTheBackgroundAndShowsTheRowsStored() throws Exception {
    Account editor = member(WORKSPACE, WorkspaceRole.EDITOR);
    String location =
        mvc.perform(
                multipart(PAGE)
                    .file(csv(GOOD))
                    .param("format", "tidy")
                    .with(user(accounts.userDetails(editor.id())))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern(PAGE + "/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    MockHttpServletResponse result = null;
    for (int i = 0; i < 100; i++) {
      result =
          mvc.perform(get(location).with(user(accounts.userDetails(editor.id()))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse();
      if (result.getHeader("Refresh") == null) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(result.getContentAsString())
        .contains("Imported: 2 rows stored from 2 rows read.")
        .doesNotContain("http-equiv=\"refresh\"");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from imported_value where workspace_icb_code = ?",
                Long.class,
                WORKSPACE))
        .isEqualTo(2);
    assertThat(
            mvc.perform(get(PAGE).with(user(accounts.userDetails(editor.id()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(">values.csv</a>")
        .contains("Imported");
  }

  @Test
  void refreshesTheProgressPageEveryTwoSecondsWhileTheImportRuns() throws Exception {
    jdbc.update(
        "insert into indicator_import (workspace_icb_code, file_name, format, checksum, status,"
            + " started_by, started_at) values (?, 'running.csv', 'TIDY_CSV', 'x', 'VALIDATING',"
            + " 'tester', ?)",
        WORKSPACE,
        Timestamp.from(Instant.now()));
    long id = jdbc.queryForObject("select max(id) from indicator_import", Long.class);
    Account viewer = member(WORKSPACE, WorkspaceRole.VIEWER);
    String page =
        mvc.perform(get(PAGE + "/" + id).with(user(accounts.userDetails(viewer.id()))))
            .andExpect(status().isOk())
            .andExpect(header().string("Refresh", "2"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("<meta http-equiv=\"refresh\" content=\"2\">")
        .contains("Checking rows: 0 so far.")
        .doesNotContain("<script>");
  }

  @Test
  void listsEveryProblemWithItsLineAndColumnAndStoresNothing() throws Exception {
    Account editor = member(WORKSPACE, WorkspaceRole.EDITOR);
    String location =
        mvc.perform(
                multipart(PAGE)
                    .file(csv(BAD))
                    .with(user(accounts.userDetails(editor.id())))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String page = "";
    for (int i = 0; i < 100 && !page.contains("was not imported"); i++) {
      Thread.sleep(100);
      page =
          mvc.perform(get(location).with(user(accounts.userDetails(editor.id()))))
              .andReturn()
              .getResponse()
              .getContentAsString();
    }
    assertThat(page)
        .contains("nhsuk-error-summary")
        .contains("2 problems, listed below with line and column")
        .containsPattern(
            "<td data-label=\"Line\" class=\"fp-table-numeric\">2</td>\\s*"
                + "<td data-label=\"Column\" class=\"nhsuk-u-text-break-word\">value</td>")
        .containsPattern(
            "<td data-label=\"Line\" class=\"fp-table-numeric\">3</td>\\s*"
                + "<td data-label=\"Column\" class=\"nhsuk-u-text-break-word\">area_code</td>")
        .contains("&#39;seventy&#39; is not a number");
    assertThat(jdbc.queryForObject("select count(*) from imported_value", Long.class)).isZero();
  }

  @Test
  void asksForAFileWhenTheFormIsSentWithout() throws Exception {
    Account editor = member(WORKSPACE, WorkspaceRole.EDITOR);
    String page =
        mvc.perform(multipart(PAGE).with(user(accounts.userDetails(editor.id()))).with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("There is a problem").contains("Choose a file to import");
  }

  @Test
  void importsACsvBodyFromTheApiAndAnswersCreatedWithTheImportId() throws Exception {
    Account editor = member(WORKSPACE, WorkspaceRole.EDITOR);
    String body =
        mvc.perform(
                post(API)
                    .header("Authorization", bearer(editor))
                    .contentType("text/csv")
                    .content(GOOD))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("ACCEPTED"))
            .andExpect(jsonPath("$.rowsStored").value(2))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = jdbc.queryForObject("select max(id) from indicator_import", Long.class);
    assertThat(body).contains("\"id\":" + id);
    // The same file again is recognised, not stored twice.
    mvc.perform(multipart(API).file(csv(GOOD)).header("Authorization", bearer(editor)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.alreadyImported").value(true));
    assertThat(jdbc.queryForObject("select count(*) from imported_value", Long.class)).isEqualTo(2);
  }

  @Test
  void rejectsABadFileFromTheApiWithEveryErrorInProblemJson() throws Exception {
    Account editor = member(WORKSPACE, WorkspaceRole.EDITOR);
    mvc.perform(multipart(API).file(csv(BAD)).header("Authorization", bearer(editor)))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[0].line").value(2))
        .andExpect(jsonPath("$.errors[0].column").value("value"))
        .andExpect(jsonPath("$.errors[0].message").value("'seventy' is not a number"))
        .andExpect(jsonPath("$.errors[1].line").value(3))
        .andExpect(jsonPath("$.errors[1].column").value("area_code"));
    assertThat(jdbc.queryForObject("select count(*) from imported_value", Long.class)).isZero();
  }
}
