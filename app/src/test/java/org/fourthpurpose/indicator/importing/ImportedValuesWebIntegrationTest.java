package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@ApplicationTest
class ImportedValuesWebIntegrationTest {

  static final String WORKSPACE = "E54000051";
  static final String LOCAL = "/workspaces/" + WORKSPACE + "/indicators/local";
  static final String HEADER = IndicatorImportsIntegrationTest.HEADER;

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired IndicatorImports imports;
  @Autowired ImportedValues importedValues;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  @BeforeEach
  void emptyTheImports() {
    jdbc.update("delete from imported_value");
    jdbc.update("delete from indicator_import_error");
    jdbc.update("delete from indicator_import");
  }

  @Test
  void showsAViewerTheIndicatorsWithImportedValuesAndEachOnesValuesAsATableAndCsv()
      throws Exception {
    long first = importCsv(HEADER + "employment-rate,E54000051,2024,70,,,,\n");
    long second =
        importCsv(
            HEADER
                + "employment-rate,E54000051,2024,75.5,,,74.1,76.9\n"
                + "employment-rate,QOQ,2023,74.0,,,,\n"
                + "employment-rate,E06000065,2024/25,,300,400,,\n"
                + "employment-rate,E92000001,2024-Q1,76.1,,,,\n"
                + "claimant-count,E54000051,2024-03,3.5,,,,\n");
    assertThat(first).isLessThan(second);
    RequestPostProcessor viewer = as(member(WORKSPACE, WorkspaceRole.VIEWER));

    String list = page(LOCAL, viewer);
    assertThat(list)
        .contains("<h1>Local indicators and imported values</h1>")
        .contains("href=\"" + LOCAL + "/employment-rate\"")
        .contains("href=\"" + LOCAL + "/claimant-count\"")
        .containsPattern(
            "<td data-label=\"Values\" class=\"fp-table-numeric\">4</td>\\s*"
                + "<td data-label=\"Periods\">2023 to 2024/25 \\(4 periods\\)</td>")
        .contains("<table class=\"nhsuk-table fp-reflow\" id=\"imported-indicators\">");

    String values = page(LOCAL + "/employment-rate", viewer);
    assertThat(values)
        .contains("4 values in force, for 2023 to 2024/25.")
        .contains("href=\"" + LOCAL + "/employment-rate.csv\"")
        .containsPattern(
            "<th scope=\"row\">North Yorkshire</th>\\s*<td data-label=\"Area code\">E06000065</td>\\s*"
                + "<td data-label=\"Period\">2024/25</td>\\s*"
                + "<td data-label=\"Value\" class=\"fp-table-numeric\">75</td>\\s*"
                + "<td data-label=\"Numerator\" class=\"fp-table-numeric\">300</td>\\s*"
                + "<td data-label=\"Denominator\" class=\"fp-table-numeric\">400</td>")
        .containsPattern(
            "<td data-label=\"Area code\">E54000051</td>\\s*<td data-label=\"Period\">2024</td>\\s*"
                + "<td data-label=\"Value\" class=\"fp-table-numeric\">75.5</td>")
        .doesNotContain(">70</td>")
        .doesNotContain("style=")
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)"); // the layout's scripts are files

    String csv =
        mvc.perform(get(LOCAL + "/employment-rate.csv").with(viewer))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"E54000051-employment-rate-imported.csv\""))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String humber = "NHS Humber and North Yorkshire Integrated Care Board";
    assertThat(csv)
        .isEqualTo(
            "area_code,area_name,period,value,numerator,denominator,lower_ci,upper_ci,import_id\r\n"
                + "E06000065,North Yorkshire,2024/25,75,300,400,,,"
                + second
                + "\r\n"
                + "E54000051,"
                + humber
                + ",2023,74,,,,,"
                + second
                + "\r\n"
                + "E54000051,"
                + humber
                + ",2024,75.5,,,74.1,76.9,"
                + second
                + "\r\n"
                + "E92000001,England,2024-Q1,76.1,,,,,"
                + second
                + "\r\n");
  }

  @Test
  void keepsValuesOfAnEarlierImportThatALaterOneDidNotReplace() throws IOException {
    long first =
        importCsv(
            HEADER
                + "employment-rate,E54000051,2023,70,,,,\n"
                + "employment-rate,E54000051,2024,71,,,,\n");
    long second = importCsv(HEADER + "employment-rate,E54000051,2024,72,,,,\n");
    assertThat(importedValues.values(WORKSPACE, "employment-rate"))
        .extracting(ImportedValue::period, ImportedValue::value, ImportedValue::importId)
        .containsExactly(tuple("2023", 70.0, first), tuple("2024", 72.0, second));
    assertThat(importedValues.indicators(WORKSPACE))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.values()).isEqualTo(2);
              assertThat(i.lastImportId()).isEqualTo(second);
              assertThat(i.lastImportFileName()).isEqualTo("values.csv");
            });
    assertThat(importedValues.indicators("E54000008")).isEmpty();
  }

  @Test
  void refusesAViewerOfAnotherWorkspaceEveryPageAndTheCsv() throws Exception {
    importCsv(HEADER + "employment-rate,E54000051,2024,70,,,,\n");
    RequestPostProcessor other = as(member("E54000008", WorkspaceRole.VIEWER));
    mvc.perform(get(LOCAL).with(other)).andExpect(status().isForbidden());
    mvc.perform(get(LOCAL + "/employment-rate").with(other)).andExpect(status().isForbidden());
    mvc.perform(get(LOCAL + "/employment-rate.csv").with(other)).andExpect(status().isForbidden());
    mvc.perform(get(LOCAL)).andExpect(status().is3xxRedirection());
  }

  @Test
  void answersNotFoundForAnIndicatorWithoutImportedValuesOrAnUnknownWorkspace() throws Exception {
    importCsv(HEADER + "employment-rate,E54000051,2024,70,,,,\n");
    RequestPostProcessor viewer = as(member(WORKSPACE, WorkspaceRole.VIEWER));
    mvc.perform(get(LOCAL + "/claimant-count").with(viewer)).andExpect(status().isNotFound());
    mvc.perform(get(LOCAL + "/claimant-count.csv").with(viewer)).andExpect(status().isNotFound());
    mvc.perform(get("/workspaces/E99999999/indicators/local").with(viewer))
        .andExpect(status().isNotFound());
  }

  @Test
  void saysWhenNothingHasBeenImportedAndTheImportsPageLinksToTheValues() throws Exception {
    RequestPostProcessor viewer = as(member(WORKSPACE, WorkspaceRole.VIEWER));
    assertThat(page(LOCAL, viewer))
        .contains("No values have been imported into this workspace yet.")
        // Local indicators another test defined may be listed; there is no table of values.
        .doesNotContain("Indicators with imported values</caption>");
    assertThat(page("/workspaces/" + WORKSPACE + "/indicators/imports", viewer))
        .contains("href=\"" + LOCAL + "\"");
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private long importCsv(String content) throws IOException {
    Path file = Files.createTempFile(dir, "import", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    ImportOutcome outcome = imports.importNow(WORKSPACE, file, "values.csv", "tester");
    assertThat(outcome.record().status()).isEqualTo("ACCEPTED");
    return outcome.record().id();
  }

  private Account member(String workspace, WorkspaceRole role) {
    Account account =
        accounts.createAccount(
            "values-" + UUID.randomUUID() + "@example.org", "Ada", "long enough password", false);
    accounts.grant(account.id(), workspace, role);
    return account;
  }

  private RequestPostProcessor as(Account account) {
    return user(accounts.userDetails(account.id()));
  }
}
