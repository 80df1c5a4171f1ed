package org.fourthpurpose.anchor.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.OrganisationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organisations imported into Frimley's register from CSV and Excel files, all or nothing, with
 * every refusal by line and column; and the register downloaded as CSV and Excel with formulas
 * defused.
 */
@ApplicationTest
public class OrganisationImportIntegrationTest {

  static final String ICB = OrganisationRegisterIntegrationTest.ICB;
  static final String OTHER = OrganisationRegisterIntegrationTest.OTHER;
  static final String PAGES = "/workspaces/" + ICB + "/anchors/organisations";
  static final String HEADER =
      "name,type,ods,gss,ukprn,charity,company,staff,annual_non_pay_spend,places,contact_owner,"
          + "activity_share\n";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;

  RequestPostProcessor editor;
  RequestPostProcessor viewer;
  RequestPostProcessor otherEditor;

  @BeforeEach
  void startFromAFreshlySeededRegister() {
    OrganisationRegisterIntegrationTest.forget(jdbc, ICB);
    editor = person(ICB, WorkspaceRole.EDITOR);
    viewer = person(ICB, WorkspaceRole.VIEWER);
    otherEditor = person(OTHER, WorkspaceRole.EDITOR);
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void importsEveryRowOfAValidCsvFile() throws Exception {
    MockHttpServletResponse response =
        upload(
            "partners.csv",
            (HEADER
                    + "University of Surrey,university,,,10007160,,RC000651,3400,125000000,"
                    + "E07000209,Ada Lovelace,\n"
                    + "\n"
                    + "Rushmoor Voluntary Services,vcse,,,,1078563,,45,,E07000092;E07000089,,\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).isEqualTo(PAGES + "?imported=2");
    List<AnchorOrganisation> all = register.organisations(ICB);
    assertThat(all).hasSize(18);
    AnchorOrganisation surrey = named(all, "University of Surrey");
    assertThat(surrey.type()).isEqualTo(OrganisationType.UNIVERSITY);
    assertThat(surrey.identifiers()).containsEntry("ukprn", "10007160");
    assertThat(surrey.identifiers()).containsEntry("company", "RC000651");
    assertThat(surrey.staff()).isEqualTo(3400);
    assertThat(surrey.annualNonPaySpend()).isEqualByComparingTo("125000000");
    assertThat(surrey.seeded()).isFalse();
    AnchorOrganisation rvs = named(all, "Rushmoor Voluntary Services");
    assertThat(rvs.places()).containsExactly("E07000089", "E07000092");
    assertThat(rvs.identifiers()).containsOnlyKeys("charity");
  }

  @Test
  void refusesAFileWithEveryProblemByLineAndColumnAndStoresNothing() throws Exception {
    String file =
        HEADER
            // line 2: UKPRN not starting with 1
            + "Farnborough College,fe-college,,,20002370,,,,,,,\n"
            // line 3: not a type, and staff not a number
            + "Blackwater Valley Trust,charity,,,,,,many,,,,\n"
            // lines 4 and 5: the same charity number twice
            + "Hart Voluntary Action,vcse,,,,1057892,,,,,,\n"
            + "Hart Voluntary Action (copy),vcse,,,,1057892,,,,,,\n"
            // line 6: Frimley Health's ODS code, seeded into the register
            + "Frimley Park Hospital,nhs-trust,RDU,,,,,,,,,\n"
            // line 7: Liverpool is not in Frimley's footprint; the share is above 1
            + "Elsewhere,other,,,,,,,,E08000012,,1.5\n";
    MockHttpServletResponse response =
        upload("partners.csv", file.getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatus()).isEqualTo(400);
    String page = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("partners.csv was not imported: 7 problems. Nothing was stored.");
    assertThat(problems(page))
        .containsExactly(
            "2|E (ukprn)|&#39;20002370&#39; is not valid: a UKPRN is 8 digits starting with 1,"
                + " such as 10007788",
            "3|B (type)|&#39;charity&#39; is not a type of organisation: use one of icb,"
                + " nhs-trust, primary-care, local-authority, combined-authority, university,"
                + " fe-college, vcse, housing-association, employer, police-fire, other",
            "3|H (staff)|&#39;many&#39; is not a whole number of staff",
            "5|F (charity)|Charity number 1057892 is also on line 4",
            "6|C (ods)|ODS code RDU is already in the register, for Frimley Health NHS Foundation"
                + " Trust",
            "7|J (places)|&#39;E08000012&#39; is not a local authority district of this system:"
                + " use the district codes of its footprint, such as E06000036",
            "7|L (activity_share)|The share of activity must be from 0 to 1, such as 0.85");
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void refusesAHeaderWithUnknownOrMissingColumnsAndTextThatIsNotUtf8() throws Exception {
    MockHttpServletResponse unknown =
        upload("a.csv", "name,kind,vat\nX,vcse,1\n".getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(problems(unknown.getContentAsString(StandardCharsets.UTF_8)))
        .hasSize(3)
        .anyMatch(p -> p.startsWith("1|B (kind)|is not a column of this file"))
        .anyMatch(p -> p.startsWith("1|C (vat)|is not a column of this file"))
        .anyMatch(p -> p.equals("1||the header row has no type column"));
    byte[] latin1 =
        (HEADER + "Caf\u00e9 Partners,vcse,,,,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
    MockHttpServletResponse notUtf8 = upload("latin1.csv", latin1);
    assertThat(notUtf8.getStatus()).isEqualTo(400);
    assertThat(notUtf8.getContentAsString(StandardCharsets.UTF_8)).contains("is not UTF-8 text");
    MockHttpServletResponse notAWorkbook =
        upload("fake.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    assertThat(notAWorkbook.getStatus()).isEqualTo(400);
    assertThat(notAWorkbook.getContentAsString(StandardCharsets.UTF_8))
        .contains("is not an Excel workbook (.xlsx)");
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void importsAWorkbookAndRefusesOneWithAProblemAtItsSheetRow() throws Exception {
    MockHttpServletResponse good =
        upload(
            "partners.xlsx",
            workbook(
                List.of("name", "type", "ukprn", "staff"),
                List.of("Farnborough College of Technology", "fe-college", "10002370", 1200.0)));
    assertThat(good.getStatus()).isEqualTo(302);
    AnchorOrganisation college =
        named(register.organisations(ICB), "Farnborough College of Technology");
    assertThat(college.identifiers()).containsEntry("ukprn", "10002370");
    assertThat(college.staff()).isEqualTo(1200);

    MockHttpServletResponse bad =
        upload(
            "more.xlsx",
            workbook(List.of("name", "type", "ukprn"), List.of("Again", "fe-college", "10002370")));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(problems(bad.getContentAsString(StandardCharsets.UTF_8)))
        .containsExactly(
            "2|C (ukprn)|UKPRN 10002370 is already in the register, for Farnborough College of"
                + " Technology");
    assertThat(register.organisations(ICB)).hasSize(17);
  }

  @Test
  void theApiImportsACsvBodyAndAnswersARefusalWithItsLine() throws Exception {
    String token = token(ICB, WorkspaceRole.EDITOR);
    MockHttpServletResponse added =
        mvc.perform(
                post("/api/v1/workspaces/" + ICB + "/anchors/organisations/imports")
                    .header("Authorization", "Bearer " + token)
                    .contentType("text/csv")
                    .content("name,type\nAccent Housing,housing-association\n"))
            .andReturn()
            .getResponse();
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    assertThat(JSON.readTree(added.getContentAsString()).get("added").asInt()).isEqualTo(1);
    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/v1/workspaces/" + ICB + "/anchors/organisations/imports")
                    .header("Authorization", "Bearer " + token)
                    .contentType("text/csv")
                    .content("name,type\nX,vcse\nY,zoo\n"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.get("line").asLong()).isEqualTo(3);
    assertThat(problem.get("detail").asString()).contains("Line 3, column B (type)");
    assertThat(register.organisations(ICB)).hasSize(17);
  }

  @Test
  void downloadsDefuseFormulasInCsvAndExcel() throws Exception {
    upload(
        "partners.csv",
        (HEADER + "\"=HYPERLINK(\"\"http://x\"\")\",vcse,,,,,,,,,@evil,\n")
            .getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse csv =
        mvc.perform(get(PAGES + ".csv").with(viewer)).andReturn().getResponse();
    assertThat(csv.getStatus()).isEqualTo(200);
    String text = csv.getContentAsString(StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo(
            "id,name,type,ods,gss,ukprn,charity,company,staff,annual_non_pay_spend,places,"
                + "contact_owner,activity_share,latitude,longitude,seeded");
    assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",vcse,");
    assertThat(text).contains(",'@evil,");
    assertThat(text).contains(",Frimley Health NHS Foundation Trust,nhs-trust,RDU,,,,,,,,,0.7713,");

    MockHttpServletResponse xlsx =
        mvc.perform(get(PAGES + ".xlsx").with(viewer)).andReturn().getResponse();
    assertThat(xlsx.getStatus()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    try (ReadableWorkbook book =
            new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()));
        var rows = book.getFirstSheet().openStream()) {
      rows.forEach(r -> names.add(r.getCellText(1)));
    }
    assertThat(names).hasSize(18).contains("'=HYPERLINK(\"http://x\")");
  }

  @Test
  void aViewerCannotImportAndAnotherWorkspaceCannotDownload() throws Exception {
    MockHttpServletResponse viewing =
        mvc.perform(
                multipart(PAGES + "/import")
                    .file(file("a.csv", (HEADER + "X,vcse,,,,,,,,,,\n").getBytes()))
                    .with(viewer)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(viewing.getStatus()).isEqualTo(403);
    assertThat(
            mvc.perform(get(PAGES + ".csv").with(otherEditor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(get(PAGES + ".xlsx").with(otherEditor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  /** The problems table of a refused import's page, as "line|column|problem". */
  public static List<String> problems(String page) {
    List<String> problems = new ArrayList<>();
    int table = page.indexOf("id=\"problem-table\"");
    if (table < 0) {
      return problems;
    }
    String body = page.substring(page.indexOf("<tbody", table), page.indexOf("</tbody>", table));
    for (String row : body.split("<tr>")) {
      List<String> cells = new ArrayList<>();
      int at = 0;
      while ((at = row.indexOf("<td", at)) >= 0) {
        int start = row.indexOf('>', at) + 1;
        int end = row.indexOf("</td>", start);
        cells.add(row.substring(start, end));
        at = end;
      }
      if (cells.size() == 3) {
        problems.add(String.join("|", cells));
      }
    }
    return problems;
  }

  private MockHttpServletResponse upload(String name, byte[] bytes) throws Exception {
    return mvc.perform(
            multipart(PAGES + "/import").file(file(name, bytes)).with(editor).with(csrf()))
        .andReturn()
        .getResponse();
  }

  private static MockMultipartFile file(String name, byte[] bytes) {
    return new MockMultipartFile("file", name, "application/octet-stream", bytes);
  }

  static byte[] workbook(List<String> header, List<Object> row) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "test", "1.0");
    Worksheet sheet = book.newWorksheet("Sheet1");
    for (int c = 0; c < header.size(); c++) {
      sheet.value(0, c, header.get(c));
    }
    for (int c = 0; c < row.size(); c++) {
      Object v = row.get(c);
      if (v instanceof Number n) {
        sheet.value(1, c, n);
      } else {
        sheet.value(1, c, v.toString());
      }
    }
    book.finish();
    return out.toByteArray();
  }

  private static AnchorOrganisation named(List<AnchorOrganisation> all, String name) {
    return all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  private RequestPostProcessor person(String icb, WorkspaceRole role) {
    Account account = account(icb, role);
    return SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id()));
  }

  private String token(String icb, WorkspaceRole role) {
    return accounts.createToken(account(icb, role).id(), "test").token();
  }

  private Account account(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return account;
  }
}
