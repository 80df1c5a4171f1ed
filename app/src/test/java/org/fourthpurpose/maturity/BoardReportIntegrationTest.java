package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.maturity.Fixtures.Person;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The board report, rendered and read back: PDF text, CSV rows and the Excel workbook. */
@org.fourthpurpose.ApplicationTest
class BoardReportIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired Geography geography;

  String icb;
  Person admin;
  Person alice;
  String base;
  String pages;

  @BeforeEach
  void setUp() throws Exception {
    Fixtures fixtures = new Fixtures(accounts, geography);
    icb = fixtures.icbCodes().get(8);
    admin = fixtures.person("Report Admin", icb, WorkspaceRole.ICS_ADMIN);
    alice = fixtures.person("Alice Rater", icb, WorkspaceRole.VIEWER);
    String body =
        mvc.perform(
                admin.bearer(
                    post("/api/v1/workspaces/" + icb + "/maturity/rounds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.uniqueRoundName() + "\"}")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long round = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    base = "/api/v1/workspaces/" + icb + "/maturity/rounds/" + round;
    pages = "/workspaces/" + icb + "/maturity/rounds/" + round;
    mvc.perform(
            admin.bearer(
                post(base + "/assessors")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"organisation\":\"City Council\",\"email\":\""
                            + alice.account().email()
                            + "\"}")))
        .andExpect(status().isCreated());
    mvc.perform(
            alice.bearer(
                put(base + "/my-ratings/acting-as-an-anchor")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"level\":\"established\",\"fulfilment\":\"partly\",\"confidence\":\"medium\","
                            + "\"evidence\":\"=HYPERLINK(\\\"x\\\") Procurement strategy, adopted 2026\","
                            + "\"evidenceLinks\":[\"https://example.org/procurement\"]}")))
        .andExpect(status().isOk());
    mvc.perform(
            admin.bearer(
                put(base + "/agreements/acting-as-an-anchor")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"level\":\"established\",\"fulfilment\":\"partly\",\"rationale\":\"Social value weighting in all tenders\"}")))
        .andExpect(status().isOk());
    mvc.perform(
            admin.bearer(
                post(base + "/milestones")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"areaId\":\"acting-as-an-anchor\",\"action\":\"Report local spend quarterly\",\"owner\":\"Finance director\",\"dueDate\":\"2027-03-31\"}")))
        .andExpect(status().isCreated());
  }

  @Test
  void thePdfReportContainsTheAgreedLevelRationaleEvidenceAndMilestones() throws Exception {
    long started = System.nanoTime();
    byte[] pdf =
        mvc.perform(admin.bearer(get(base + "/report.pdf")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("Acting as an anchor");
    assertThat(text).contains("Agreed level: Established (Partly met)");
    assertThat(text).contains("Social value weighting in all tenders");
    assertThat(text).contains("Procurement strategy, adopted 2026");
    assertThat(text).contains("Report local spend quarterly");
    assertThat(text).contains("Cathy Elliott");
    assertThat(millis).as("PDF generation time").isLessThan(10_000);
  }

  @Test
  void thePrintablePageShowsTheSameReport() throws Exception {
    mvc.perform(get(pages + "/report").with(admin.session()))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("Social value weighting in all tenders")))
        .andExpect(content().string(Matchers.containsString("Heat map of agreed levels")));
  }

  @Test
  void theCsvHasOneRowPerAssessorAndAreaAndDefusesFormulas() throws Exception {
    String csv =
        mvc.perform(admin.bearer(get(base + "/ratings.csv")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("round,domain,area_id,area,assessor,organisation");
    assertThat(lines).hasSize(1 + 12);
    String anchor =
        java.util.Arrays.stream(lines)
            .filter(l -> l.contains("acting-as-an-anchor"))
            .findFirst()
            .orElseThrow();
    assertThat(anchor).contains("Alice Rater,City Council,false,,established,partly,medium");
    assertThat(anchor).contains("\"'=HYPERLINK(\"\"x\"\") Procurement strategy, adopted 2026\"");
  }

  @Test
  void theExcelWorkbookHoldsTheRatings() throws Exception {
    byte[] xlsx =
        mvc.perform(admin.bearer(get(base + "/ratings.xlsx")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows).hasSize(1 + 12);
      assertThat(rows.get(0).getCellText(2)).isEqualTo("area_id");
      Row anchor =
          rows.stream()
              .filter(r -> r.getCellText(2).equals("acting-as-an-anchor"))
              .findFirst()
              .orElseThrow();
      assertThat(anchor.getCellText(4)).isEqualTo("Alice Rater");
      assertThat(anchor.getCellText(8)).isEqualTo("established");
      assertThat(anchor.getCellText(9)).isEqualTo("partly");
    }
  }

  @Test
  void aRatingFormWithABadLinkShowsAnErrorSummaryAndKeepsWhatWasTyped() throws Exception {
    mvc.perform(
            post(pages + "/my-ratings")
                .with(alice.session())
                .with(csrf())
                .param("level-inclusive-growth", "emerging")
                .param("fulfilment-inclusive-growth", "fully")
                .param("evidence-inclusive-growth", "Cost of living hub")
                .param("links-inclusive-growth", "javascript:alert(1)")
                .param("version-acting-as-an-anchor", "1")
                .param("level-acting-as-an-anchor", "established")
                .param("fulfilment-acting-as-an-anchor", "partly")
                .param("action", "save"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("nhsuk-error-summary")))
        .andExpect(
            content().string(Matchers.containsString("href=\"#evidenceLinks-inclusive-growth\"")))
        .andExpect(content().string(Matchers.containsString("Cost of living hub")));
    String csv =
        mvc.perform(admin.bearer(get(base + "/ratings.csv")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv).doesNotContain("Cost of living hub");
  }
}
