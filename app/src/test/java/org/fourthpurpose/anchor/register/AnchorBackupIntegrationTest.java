package org.fourthpurpose.anchor.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.StatusChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frimley's anchor register through a workspace backup: written with every organisation, strategy,
 * commitment, status change and progression level, and restored exactly after the register changed;
 * a damaged entry refuses the restore and changes nothing.
 */
@ApplicationTest
class AnchorBackupIntegrationTest {

  static final String ICB = OrganisationRegisterIntegrationTest.ICB;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;
  @Autowired org.fourthpurpose.anchor.sharing.Publications publications;

  String token;
  RequestPostProcessor editor;
  AnchorOrganisation trust;

  @BeforeEach
  void aRegisterWithACommitment() throws Exception {
    OrganisationRegisterIntegrationTest.forget(jdbc, ICB);
    Account admin = account(WorkspaceRole.ICS_ADMIN);
    token = accounts.createToken(admin.id(), "test").token();
    editor = SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(admin.id()));
    trust =
        register.organisations(ICB).stream()
            .filter(o -> o.name().equals("Frimley Health NHS Foundation Trust"))
            .findFirst()
            .orElseThrow();
    String pages = "/workspaces/" + ICB + "/anchors/organisations/" + trust.id();
    send(post(pages + "/strategies").param("title", "Anchor plan").param("status", "published"));
    long strategy = register.strategies(ICB).get(0).id();
    send(
        post(pages + "/commitments")
            .param("strategyId", String.valueOf(strategy))
            .param("pillar", "procurement")
            .param("promise", "Half of non-pay spend with suppliers in the footprint")
            .param("themes", "local-economy")
            .param("indicators", "employment-rate")
            .param("target", "50%")
            .param("targetDate", "2028-03-31")
            .param("status", "planned"));
    long commitment = register.commitments(ICB).get(0).id();
    send(
        post(pages + "/commitments/" + commitment + "/edit")
            .param("strategyId", String.valueOf(strategy))
            .param("pillar", "procurement")
            .param("promise", "Half of non-pay spend with suppliers in the footprint")
            .param("themes", "local-economy")
            .param("indicators", "employment-rate")
            .param("target", "50%")
            .param("targetDate", "2028-03-31")
            .param("status", "under-way"));
    send(
        post(pages + "/progression")
            .param("level-procurement", "2")
            .param("note-procurement", "Baseline measured"));
  }

  @Test
  void theRegisterIsRestoredExactlyAfterItChanged() throws Exception {
    List<AnchorOrganisation> organisations = register.organisations(ICB);
    List<AnchorCommitment> commitments = register.commitments(ICB);
    List<Progression> progressions = register.progressions(ICB);
    List<StatusChange> history = register.statusChanges(ICB);
    String backup = call(get(api()), 200);
    JsonNode document = JSON.readTree(backup);
    JsonNode anchors = document.get("data").get("anchors");
    assertThat(anchors.get("organisations")).hasSize(16);
    assertThat(anchors.get("commitments").get(0).get("themes").get(0).asString())
        .isEqualTo("local-economy");
    assertThat(anchors.get("status-changes")).hasSize(2);

    // The register changes: an organisation removed (with its commitment), another added.
    call(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
            "/api/v1/workspaces/" + ICB + "/anchors/organisations/" + trust.id()),
        204);
    call(
        post("/api/v1/workspaces/" + ICB + "/anchors/organisations")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Added later\",\"type\":\"vcse\"}"),
        201);
    assertThat(register.commitments(ICB)).isEmpty();

    call(put(api()).contentType(MediaType.APPLICATION_JSON).content(backup), 200);
    assertThat(register.organisations(ICB))
        .usingRecursiveComparison()
        .ignoringFields("id")
        .isEqualTo(organisations);
    assertThat(register.commitments(ICB))
        .usingRecursiveComparison()
        .ignoringFields("id", "organisationId", "strategyId")
        .isEqualTo(commitments);
    assertThat(register.progressions(ICB))
        .usingRecursiveComparison()
        .ignoringFields("organisationId")
        .isEqualTo(progressions);
    assertThat(register.statusChanges(ICB))
        .usingRecursiveComparison()
        .ignoringFields("commitmentId")
        .isEqualTo(history);
    // Seeding does not run again on top of the restored register.
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void spendAnalysesAndPublicationChoicesComeBackFromTheBackupByValue() throws Exception {
    jdbc.update("delete from anchor_spend_analysis where icb_code = ?", ICB);
    // One year of the trust's spend: £1,000.00 in all, £750.50 in the footprint, £300.25 in the
    // most deprived 20% of neighbourhoods (deciles 1 and 2: £100.25 + £200.00).
    jdbc.update(
        "insert into anchor_spend_analysis (icb_code, organisation_id, organisation_name,"
            + " spend_year, file_name, rows_read, suppliers, total_amount, footprint_amount,"
            + " most_deprived20_amount, lsoa_amount, district_only_amount, unlocated_amount,"
            + " sme_amount, near_placed_rows, unplaced_rows, published, created_by, created_at)"
            + " values (?, ?, ?, 2024, 'spend-2024.csv', 5, 3, 1000.00, 750.50, 300.25, 800.00,"
            + " 150.00, 50.00, 120.10, 1, 1, true, 'ada@example.org', ?)",
        ICB,
        trust.id(),
        trust.name(),
        java.sql.Timestamp.from(java.time.Instant.parse("2026-05-01T09:30:00Z")));
    long analysis =
        jdbc.queryForObject(
            "select id from anchor_spend_analysis where icb_code = ?", Long.class, ICB);
    jdbc.update(
        "insert into anchor_spend_district (analysis_id, lad_code, in_footprint, amount) values"
            + " (?, 'E06000036', true, 750.50), (?, 'E09000001', false, 199.50)",
        analysis,
        analysis);
    jdbc.update(
        "insert into anchor_spend_decile (analysis_id, decile, amount) values (?, 1, 100.25),"
            + " (?, 2, 200.00), (?, 7, 499.75)",
        analysis,
        analysis,
        analysis);
    jdbc.update(
        "insert into anchor_spend_supplier (analysis_id, position, supplier, amount, row_count)"
            + " values (?, 1, 'Bracknell Linen Ltd', 600.00, 2)",
        analysis);
    jdbc.update(
        "insert into anchor_spend_unplaced (analysis_id, line, supplier, amount, reason) values"
            + " (?, 4, 'Nowhere Supplies', 50.00, 'no postcode')",
        analysis);
    publications.publish(ICB, true, false, true);
    try {
      String backup = call(get(api()), 200);
      assertThat(JSON.readTree(backup).get("data").get("anchors").get("spend-analyses")).hasSize(1);

      // Both change: the analysis is deleted and the choices reversed.
      jdbc.update("delete from anchor_spend_analysis where icb_code = ?", ICB);
      publications.publish(ICB, false, true, false);

      call(put(api()).contentType(MediaType.APPLICATION_JSON).content(backup), 200);
      long organisation =
          register.organisations(ICB).stream()
              .filter(o -> o.name().equals(trust.name()))
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(
              jdbc.queryForList(
                  "select organisation_id, spend_year, file_name, rows_read, suppliers,"
                      + " total_amount, footprint_amount, most_deprived20_amount, lsoa_amount,"
                      + " district_only_amount, unlocated_amount, sme_amount, vcse_amount,"
                      + " published from anchor_spend_analysis where icb_code = ?",
                  ICB))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(((Number) row.get("organisation_id")).longValue())
                    .isEqualTo(organisation);
                assertThat(((Number) row.get("spend_year")).intValue()).isEqualTo(2024);
                assertThat(row.get("file_name")).isEqualTo("spend-2024.csv");
                assertThat(((Number) row.get("rows_read")).longValue()).isEqualTo(5);
                assertThat(((Number) row.get("suppliers")).intValue()).isEqualTo(3);
                assertThat(money(row.get("total_amount"))).isEqualTo("1000.00");
                assertThat(money(row.get("footprint_amount"))).isEqualTo("750.50");
                assertThat(money(row.get("most_deprived20_amount"))).isEqualTo("300.25");
                assertThat(money(row.get("lsoa_amount"))).isEqualTo("800.00");
                assertThat(money(row.get("district_only_amount"))).isEqualTo("150.00");
                assertThat(money(row.get("unlocated_amount"))).isEqualTo("50.00");
                assertThat(money(row.get("sme_amount"))).isEqualTo("120.10");
                assertThat(row.get("vcse_amount")).isNull();
                assertThat(row.get("published")).isEqualTo(true);
              });
      long restored =
          jdbc.queryForObject(
              "select id from anchor_spend_analysis where icb_code = ?", Long.class, ICB);
      assertThat(
              jdbc.queryForList(
                  "select lad_code || (case when in_footprint then ' in ' else ' out ' end) || amount from"
                      + " anchor_spend_district where analysis_id = ? order by lad_code",
                  String.class,
                  restored))
          .containsExactly("E06000036 in 750.50", "E09000001 out 199.50");
      assertThat(
              jdbc.queryForList(
                  "select decile || ' ' || amount from anchor_spend_decile where analysis_id = ?"
                      + " order by decile",
                  String.class,
                  restored))
          .containsExactly("1 100.25", "2 200.00", "7 499.75");
      assertThat(
              jdbc.queryForList(
                  "select supplier || ' ' || amount || ' ' || row_count from"
                      + " anchor_spend_supplier where analysis_id = ?",
                  String.class,
                  restored))
          .containsExactly("Bracknell Linen Ltd 600.00 2");
      assertThat(
              jdbc.queryForList(
                  "select line || ' ' || supplier || ' ' || reason from anchor_spend_unplaced"
                      + " where analysis_id = ?",
                  String.class,
                  restored))
          .containsExactly("4 Nowhere Supplies no postcode");
      org.fourthpurpose.anchor.sharing.Publication publication = publications.publication(ICB);
      assertThat(publication.register()).isTrue();
      assertThat(publication.commitments()).isFalse();
      assertThat(publication.system()).isTrue();
    } finally {
      jdbc.update("delete from anchor_spend_analysis where icb_code = ?", ICB);
      publications.publish(ICB, false, false, false);
    }
  }

  @Test
  void aDamagedEntryIsRefusedNamingItsPlaceAndChangesNothing() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(call(get(api()), 200));
    ((ObjectNode) document.get("data").get("anchors").get("organisations").get(0))
        .put("ukprn", "20000000");
    JsonNode problem =
        JSON.readTree(
            call(
                put(api()).contentType(MediaType.APPLICATION_JSON).content(document.toString()),
                400));
    assertThat(problem.get("detail").asString())
        .contains("Part 'anchors', organisations entry 1, field 'ukprn'")
        .contains("a UKPRN is 8 digits starting with 1");
    assertThat(register.organisations(ICB)).hasSize(16);
    assertThat(register.commitments(ICB)).hasSize(1);
  }

  private static String money(Object amount) {
    return ((java.math.BigDecimal) amount).setScale(2).toPlainString();
  }

  private static String api() {
    return "/api/v1/workspaces/" + ICB + "/backup";
  }

  private void send(MockHttpServletRequestBuilder request) throws Exception {
    assertThat(mvc.perform(request.with(editor).with(csrf())).andReturn().getResponse().getStatus())
        .isEqualTo(302);
  }

  private String call(MockHttpServletRequestBuilder request, int expected) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private Account account(WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), ICB, role);
    return account;
  }
}
