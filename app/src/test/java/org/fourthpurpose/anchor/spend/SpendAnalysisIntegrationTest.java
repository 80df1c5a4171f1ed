package org.fourthpurpose.anchor.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spend analyses in Birmingham and Solihull's workspace (used by no other integration test; its
 * places are Birmingham E08000025 and Solihull E08000029), with a file whose figures are worked out
 * by hand from the shipped lookups and IMD 2025 deciles; every refusal storing nothing; roles;
 * another workspace (Herefordshire and Worcestershire); publishing aggregates only.
 */
@ApplicationTest
class SpendAnalysisIntegrationTest {

  static final String ICB = "E54000055";
  static final String OTHER = "E54000019";
  static final String API = "/api/v1/workspaces/" + ICB + "/anchors/spend-analyses";
  static final String PAGES = "/workspaces/" + ICB + "/anchors/spend";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * E01008882: Birmingham, IMD 2025 decile 1. E01010116: Solihull, decile 10. E01009932: Sandwell
   * (Black Country ICB), decile 1. 52.460689, -1.807214: the population-weighted centroid of
   * E01008885, Birmingham, decile 5. 51.4816, -3.1791: Cardiff.
   */
  static final String FILE =
      "supplier,amount,lsoa_code,lad_code,latitude,longitude,sme\n"
          + "Brum Builders,1000.00,E01008882,,,,yes\n"
          + "Solihull Supplies,250.50,E01010116,,,,no\n"
          + "Sandwell Steel,400,E01009932,,,,\n"
          + "Coventry Care,99.50,,E08000026,,,\n"
          + "Solihull Services,300,,E08000029,,,yes\n"
          + "Digbeth Dairy,200.25,,,52.460689,-1.807214,\n"
          + "Welsh Widgets,75,,,51.4816,-3.1791,\n"
          + "No Location Ltd,20,,,,,\n";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;
  @LocalServerPort int port;

  record Person(String token, RequestPostProcessor session) {}

  Person editor;
  Person viewer;
  Person otherEditor;
  long organisation;
  long otherOrganisation;

  @BeforeEach
  void startWithNoAnalyses() {
    for (String icb : List.of(ICB, OTHER)) {
      jdbc.update("delete from anchor_spend_analysis where icb_code = ?", icb);
    }
    editor = person(ICB, WorkspaceRole.EDITOR);
    viewer = person(ICB, WorkspaceRole.VIEWER);
    otherEditor = person(OTHER, WorkspaceRole.EDITOR);
    organisation = icbOrganisation(ICB).id();
    otherOrganisation = icbOrganisation(OTHER).id();
  }

  private AnchorOrganisation icbOrganisation(String icb) {
    return register.organisations(icb).stream()
        .filter(o -> o.type() == OrganisationType.ICB)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anEditorsFileAddsUpToTheFiguresWorkedOutByHand() throws Exception {
    JsonNode analysis =
        JSON.readTree(
            call(
                editor,
                post(API + "?organisation=" + organisation + "&year=2024")
                    .contentType("text/csv")
                    .content(FILE),
                201));
    assertThat(analysis.get("rows").asLong()).isEqualTo(8);
    // 1000 + 250.50 + 400 + 99.50 + 300 + 200.25 + 75 + 20
    assertThat(analysis.get("totalAmount").decimalValue()).isEqualByComparingTo("2345.25");
    // Birmingham and Solihull's LSOAs and districts: 1000 + 250.50 + 300 + 200.25
    assertThat(analysis.get("amountInFootprint").decimalValue()).isEqualByComparingTo("1750.75");
    // Deciles 1 and 2: Brum Builders and Sandwell Steel, 1000 + 400
    assertThat(analysis.get("amountInMostDeprived20").decimalValue())
        .isEqualByComparingTo("1400.00");
    assertThat(analysis.get("amountPlacedInLsoa").decimalValue()).isEqualByComparingTo("1850.75");
    assertThat(analysis.get("unlocatedAmount").decimalValue()).isEqualByComparingTo("95.00");
    List<String> byLad = new ArrayList<>();
    analysis
        .get("byLad")
        .forEach(
            l ->
                byLad.add(
                    l.get("ladCode").asString()
                        + " "
                        + l.get("amount").decimalValue().setScale(2).toPlainString()
                        + " "
                        + l.get("inFootprint").asBoolean()));
    assertThat(byLad)
        .containsExactly(
            "E08000025 1200.25 true",
            "E08000029 550.50 true",
            "E08000028 400.00 false",
            "E08000026 99.50 false");
    assertThat(analysis.get("byDecile").get(0).get("amount").decimalValue())
        .isEqualByComparingTo("1400.00");
    assertThat(analysis.get("byDecile").get(4).get("amount").decimalValue())
        .isEqualByComparingTo("200.25");
    assertThat(analysis.get("smeAmount").decimalValue()).isEqualByComparingTo("1300.00");
    assertThat(analysis.get("smeFlaggedAmount").decimalValue()).isEqualByComparingTo("1550.50");
    assertThat(analysis.get("unplaced")).hasSize(2);
    assertThat(analysis.get("unplaced").get(0).get("line").asLong()).isEqualTo(8);
    assertThat(analysis.get("unplaced").get(0).get("reason").asString())
        .startsWith("51.4816, -3.1791 is not in England");
    assertThat(analysis.get("unplaced").get(1).get("line").asLong()).isEqualTo(9);
    assertThat(analysis.get("topSuppliers").get(0).get("supplier").asString())
        .isEqualTo("Brum Builders");
    long id = analysis.get("id").asLong();

    // Read back through the API and the pages.
    JsonNode one = JSON.readTree(call(viewer, get(API + "/" + id), 200));
    assertThat(one.get("amountInFootprint").decimalValue()).isEqualByComparingTo("1750.75");
    assertThat(JSON.readTree(call(viewer, get(API), 200))).hasSize(1);
    String page = page(PAGES + "/" + id, viewer);
    assertThat(page)
        .contains("£2,345.25")
        .contains("£1,750.75 (74.7% of all spend)")
        .contains("£1,400.00 (75.6% of the £1,850.75 placed in a neighbourhood)")
        .contains("Birmingham (E08000025)")
        .contains("Welsh Widgets")
        .contains("<svg");
    String csv = page(PAGES + "/" + id + "/aggregates.csv", viewer);
    assertThat(csv)
        .contains(",2024,in footprint," + ICB + ",1750.75,0.7465")
        .doesNotContain("Brum Builders");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where icb_code = ? and action ="
                    + " 'anchor-spend.analysed' and subject like ?",
                Long.class,
                ICB,
                "spend analysis " + id + " %"))
        .isEqualTo(1);
  }

  @Test
  void aFileWithBadRowsIsRefusedWithEveryLineAndColumnAndNothingIsStored() throws Exception {
    long analysesBefore =
        jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class);
    long auditBefore = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    JsonNode problem =
        JSON.readTree(
            call(
                editor,
                post(API + "?organisation=" + organisation + "&year=2024")
                    .contentType("text/csv")
                    .content(
                        "supplier,amount,lsoa_code,lad_code,latitude,longitude\n"
                            + "A,12.345,E01008882,,,\n"
                            + "B,10,E01008882,E08000025,,\n"
                            + "C,10,W01000001,,,\n"
                            + "D,10,,,52.46,\n"
                            + "E,10,E01008882,,,\n"),
                400));
    assertThat(problem.get("errorCount").asLong()).isEqualTo(4);
    List<String> where = new ArrayList<>();
    problem
        .get("errors")
        .forEach(e -> where.add(e.get("line").asLong() + " " + e.get("column").asString()));
    assertThat(where).containsExactly("2 amount", "3 lad_code", "4 lsoa_code", "5 longitude");
    assertThat(jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class))
        .isEqualTo(analysesBefore);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
        .isEqualTo(auditBefore);

    // The page lists the same problems under an error summary.
    MockHttpServletResponse response =
        mvc.perform(
                multipart(PAGES)
                    .file(
                        new MockMultipartFile(
                            "file",
                            "spend.csv",
                            "text/csv",
                            "supplier,amount,lsoa_code\nA,ten,E01008882\n"
                                .getBytes(StandardCharsets.UTF_8)))
                    .param("organisation", Long.toString(organisation))
                    .param("year", "2024")
                    .with(editor.session())
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("There is a problem")
        .contains("The file has 1 problem and nothing was stored")
        .contains("ten is not an amount in pounds");
    assertThat(jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class))
        .isEqualTo(analysesBefore);
  }

  @Test
  void aBodyOverTheUploadLimitIsRefusedWith413BeforeItIsRead() throws Exception {
    long analysesBefore =
        jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + API
                  + "?organisation="
                  + organisation
                  + "&year=2024 HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nAuthorization: Bearer "
                  + editor.token()
                  + "\r\n"
                  + "Content-Type: text/csv\r\nContent-Length: 300000000\r\n\r\n"
                  + "supplier,amount,lsoa_code\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Read what arrives while the body is never sent: the answer comes before any of it is read.
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[4096];
      int n;
      while (!answer.toString().contains("body-too-large\"") && (n = in.read(buffer)) > 0) {
        answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("body-too-large");
    }
    assertThat(jdbc.queryForObject("select count(*) from anchor_spend_analysis", Long.class))
        .isEqualTo(analysesBefore);
  }

  @Test
  void aViewerCannotUploadPublishOrDeleteButCanRead() throws Exception {
    call(
        viewer,
        post(API + "?organisation=" + organisation + "&year=2024")
            .contentType("text/csv")
            .content(FILE),
        403);
    long id = upload(2024);
    call(viewer, put(API + "/" + id + "/published?published=true"), 403);
    call(viewer, delete(API + "/" + id), 403);
    call(viewer, get(API + "/" + id), 200);
    assertThat(page(PAGES, viewer)).doesNotContain("Analyse the file");
  }

  @Test
  void anotherWorkspaceSeesNeitherRowsNorUnpublishedAggregatesAndThePublicSeesOnlyPublishedTotals()
      throws Exception {
    long id = upload(2024);
    // Another workspace's editor: not this workspace's analyses, nor its organisation.
    call(otherEditor, get(API + "/" + id), 403);
    call(otherEditor, get(API), 403);
    call(
        otherEditor,
        post("/api/v1/workspaces/"
                + OTHER
                + "/anchors/spend-analyses?organisation="
                + organisation
                + "&year=2024")
            .contentType("text/csv")
            .content(FILE),
        404);
    call(
        editor,
        post(API + "?organisation=" + otherOrganisation + "&year=2024")
            .contentType("text/csv")
            .content(FILE),
        404);
    call(otherEditor, get("/api/v1/workspaces/" + OTHER + "/anchors/spend-analyses/" + id), 404);

    // Nothing is public until published.
    String publicApi = "/api/v1/icbs/" + ICB + "/anchors/spend-analyses";
    assertThat(JSON.readTree(anonymous(publicApi))).isEmpty();
    assertThat(anonymous("/ics/" + ICB + "/anchors/spend"))
        .contains("has not published any spend analyses");

    call(editor, put(API + "/" + id + "/published?published=true"), 200);
    JsonNode published = JSON.readTree(anonymous(publicApi));
    assertThat(published).hasSize(1);
    assertThat(published.get(0).get("amountInFootprint").decimalValue())
        .isEqualByComparingTo("1750.75");
    assertThat(published.get(0).has("topSuppliers")).isFalse();
    assertThat(published.get(0).has("unplaced")).isFalse();
    assertThat(published.get(0).has("fileName")).isFalse();
    String publicPage = anonymous("/ics/" + ICB + "/anchors/spend");
    assertThat(publicPage).contains("£1,750.75 (74.7%)").doesNotContain("Brum Builders");
    assertThat(publicPage).doesNotContain("Welsh Widgets");

    call(editor, put(API + "/" + id + "/published?published=false"), 200);
    assertThat(JSON.readTree(anonymous(publicApi))).isEmpty();
  }

  @Test
  void aSecondFileForTheSameYearReplacesTheFirstAndYearsAreCompared() throws Exception {
    long first = upload(2023);
    long replaced = upload(2023);
    long next = upload(2024);
    assertThat(replaced).isNotEqualTo(first);
    call(viewer, get(API + "/" + first), 404);
    assertThat(JSON.readTree(call(viewer, get(API), 200))).hasSize(2);
    assertThat(page(PAGES + "/" + next, viewer)).contains("Across years").contains(">2023<");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where icb_code = ? and action ="
                    + " 'anchor-spend.replaced'",
                Long.class,
                ICB))
        .isGreaterThanOrEqualTo(1);

    call(editor, delete(API + "/" + next), 204);
    call(viewer, get(API + "/" + next), 404);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from anchor_spend_district where analysis_id = ?",
                Long.class,
                next))
        .isZero();
  }

  @Test
  void anExcelWorkbookSentAsAFileAddsUpAsTheCsvDoes() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    org.dhatim.fastexcel.Workbook book = new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0");
    org.dhatim.fastexcel.Worksheet sheet = book.newWorksheet("Spend");
    String[] lines = FILE.split("\n");
    for (int r = 0; r < lines.length; r++) {
      String[] cells = lines[r].split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        if (!cells[c].isEmpty()) {
          sheet.value(r, c, cells[c]);
        }
      }
    }
    book.finish();
    JsonNode analysis =
        JSON.readTree(
            call(
                editor,
                multipart(API)
                    .file(
                        new MockMultipartFile(
                            "file", "spend.xlsx", "application/octet-stream", bytes.toByteArray()))
                    .param("organisation", Long.toString(organisation))
                    .param("year", "2024"),
                201));
    assertThat(analysis.get("fileName").asString()).isEqualTo("spend.xlsx");
    assertThat(analysis.get("totalAmount").decimalValue()).isEqualByComparingTo("2345.25");
    assertThat(analysis.get("amountInFootprint").decimalValue()).isEqualByComparingTo("1750.75");
    assertThat(analysis.get("unplaced").get(0).get("line").asLong()).isEqualTo(8);
  }

  @Test
  void theUploadFormAsksForEachMissingField() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post(PAGES).param("year", "19").with(editor.session()).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("Select the organisation whose spend this is")
        .contains("Enter the year the spend is for, as 4 digits from 2000 to")
        .contains("Select a CSV file or Excel workbook of supplier spend");
  }

  @Test
  void removingAnOrganisationRemovesItsSpendAnalysesAndNoOthers() throws Exception {
    long supplierCouncil =
        JSON.readTree(
                call(
                    editor,
                    post("/api/v1/workspaces/" + ICB + "/anchors/organisations")
                        .contentType("application/json")
                        .content(
                            "{\"name\":\"Spend removal test "
                                + UUID.randomUUID()
                                + "\",\"type\":\"employer\"}"),
                    201))
            .get("id")
            .asLong();
    call(
        editor,
        post(API + "?organisation=" + supplierCouncil + "&year=2023")
            .contentType("text/csv")
            .content(FILE),
        201);
    long kept = upload(2022);
    String count = "select count(*) from anchor_spend_analysis where organisation_id = ?";
    assertThat(jdbc.queryForObject(count, Long.class, supplierCouncil)).isEqualTo(1);

    call(
        editor,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
            "/api/v1/workspaces/" + ICB + "/anchors/organisations/" + supplierCouncil),
        204);

    assertThat(jdbc.queryForObject(count, Long.class, supplierCouncil)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from anchor_spend_analysis where id = ?", Long.class, kept))
        .isEqualTo(1);
  }

  private long upload(int year) throws Exception {
    return JSON.readTree(
            call(
                editor,
                post(API + "?organisation=" + organisation + "&year=" + year)
                    .contentType("text/csv")
                    .content(FILE),
                201))
        .get("id")
        .asLong();
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
    MockHttpServletRequestBuilder request = get(path).with(who.session());
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(200);
    return body;
  }

  private String anonymous(String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(200);
    return body;
  }
}
