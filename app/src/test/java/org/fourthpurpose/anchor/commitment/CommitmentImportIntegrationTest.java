package org.fourthpurpose.anchor.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.register.OrganisationImportIntegrationTest;
import org.fourthpurpose.anchor.register.OrganisationRegisterIntegrationTest;
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
 * Commitments imported for Frimley's organisations from a CSV file, all or nothing, with every
 * refusal by line and column; downloaded with formulas defused; and listed by the API.
 */
@ApplicationTest
class CommitmentImportIntegrationTest {

  static final String ICB = OrganisationRegisterIntegrationTest.ICB;
  static final String PAGES = "/workspaces/" + ICB + "/anchors/commitments";
  static final String HEADER =
      "organisation,strategy,pillar,promise,themes,indicators,target,target_date,status\n";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;

  RequestPostProcessor editor;
  Account editorAccount;
  AnchorOrganisation trust;
  AnchorOrganisation surrey;

  @BeforeEach
  void startFromAFreshlySeededRegister() {
    OrganisationRegisterIntegrationTest.forget(jdbc, ICB);
    String email = "editor." + UUID.randomUUID() + "@example.org";
    editorAccount = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(editorAccount.id(), ICB, WorkspaceRole.EDITOR);
    editor = SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(editorAccount.id()));
    List<AnchorOrganisation> seeded = register.organisations(ICB);
    trust = named(seeded, "Frimley Health NHS Foundation Trust");
    surrey = named(seeded, "Surrey County Council");
  }

  @Test
  void importsCommitmentsNamingOrganisationsByIdentifierNameOrId() throws Exception {
    MockHttpServletResponse response =
        upload(
            "commitments.csv",
            HEADER
                + "rdu,,employment,40% of entry-level posts filled by local residents,"
                + "employment;income,employment-rate,40%,31/03/2027,under-way\n"
                + "Surrey County Council,,procurement,Social value weighted at 10% or more in"
                + " every tender,local-economy,,10%,2026-04-01,\n"
                + "E10000014,,estates,Surplus land offered for affordable homes,housing,,,,"
                + "planned\n");
    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).isEqualTo(PAGES + "?imported=3");
    List<AnchorCommitment> all = register.commitments(ICB);
    assertThat(all).hasSize(3);
    AnchorCommitment employment =
        all.stream().filter(c -> c.organisationId() == trust.id()).findFirst().orElseThrow();
    assertThat(employment.pillar()).isEqualTo(Pillar.EMPLOYMENT);
    assertThat(employment.themeCodes()).containsExactly("employment", "income");
    assertThat(employment.indicatorCodes()).containsExactly("employment-rate");
    assertThat(employment.status()).isEqualTo(CommitmentStatus.UNDER_WAY);
    AnchorCommitment procurement =
        all.stream().filter(c -> c.organisationId() == surrey.id()).findFirst().orElseThrow();
    assertThat(procurement.status()).isEqualTo(CommitmentStatus.PLANNED);
    assertThat(procurement.targetDate()).hasToString("2026-04-01");
    assertThat(register.statusChanges(ICB)).hasSize(3);
  }

  @Test
  void refusesAFileWithEveryProblemByLineAndColumnAndStoresNothing() throws Exception {
    upload("first.csv", HEADER + "RDU,,employment,Real Living Wage for every contractor,,,,,\n");
    MockHttpServletResponse response =
        upload(
            "commitments.csv",
            HEADER
                // line 2: no such organisation
                + "Royal Liverpool,,employment,Anything,,,,,\n"
                // line 3: a strategy the trust does not have, a theme that does not exist
                + "RDU,Green plan,environment,Net zero estate by 2040,climate,,,,\n"
                // line 4: not a pillar; a date that does not exist
                + "RDU,,wellbeing,Staff wellbeing,,,,30/02/2027,\n"
                // line 5: already in the register (first.csv), in other spacing and case
                + "RDU,,employment,Real  living wage for every contractor,,,,,\n"
                // lines 6 and 7: the same commitment twice
                + "E10000030,,procurement,Local suppliers first,,,,,\n"
                + "Surrey County Council,,procurement,Local suppliers first,,,,,done\n");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(
            OrganisationImportIntegrationTest.problems(
                response.getContentAsString(StandardCharsets.UTF_8)))
        .containsExactly(
            "2|A (organisation)|&#39;Royal Liverpool&#39; is not an organisation in this register",
            "3|B (strategy)|Frimley Health NHS Foundation Trust has no strategy titled &#39;Green"
                + " plan&#39;",
            "4|C (pillar)|&#39;wellbeing&#39; is not a pillar: use employment, procurement,"
                + " estates, environment or partner-in-place",
            "4|H (target_date)|&#39;30/02/2027&#39; is not a date: write it as 2027-03-31 or"
                + " 31/03/2027",
            "5|D (promise)|Frimley Health NHS Foundation Trust already has this commitment under"
                + " this pillar",
            "7|I (status)|&#39;done&#39; is not a status: use planned, under-way, achieved or"
                + " lapsed");
    assertThat(register.commitments(ICB)).hasSize(1);
    MockHttpServletResponse twice =
        upload(
            "twice.csv",
            HEADER
                + "E10000030,,procurement,Local suppliers first,,,,,\n"
                + "Surrey County Council,,procurement,Local suppliers first,,,,,\n"
                + "Surrey County Council,,estates,One public estate,climate,,,,\n");
    assertThat(
            OrganisationImportIntegrationTest.problems(
                twice.getContentAsString(StandardCharsets.UTF_8)))
        .containsExactly(
            "3|D (promise)|the same commitment of Surrey County Council is also on line 2",
            "4|E (themes)|&#39;climate&#39; is not the code of a Step 1 theme");
    assertThat(register.commitments(ICB)).hasSize(1);
  }

  @Test
  void downloadsDefuseFormulasAndTheApiListsTheCommitments() throws Exception {
    upload(
        "commitments.csv",
        HEADER + "RDU,,partner-in-place,\"=1+1 shared data with the council\",,,,,achieved\n");
    MockHttpServletResponse csv =
        mvc.perform(get(PAGES + ".csv").with(editor)).andReturn().getResponse();
    String text = csv.getContentAsString(StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo(
            "id,organisation_id,organisation,strategy,pillar,promise,themes,indicators,baseline,"
                + "target,target_date,measure,metric_code,owner,evidence,status");
    assertThat(text)
        .contains(
            ","
                + trust.id()
                + ",Frimley Health NHS Foundation Trust,,partner-in-place,'=1+1 shared data with"
                + " the council,,,,,,,,,,achieved");
    String token = accounts.createToken(editorAccount.id(), "test").token();
    MockHttpServletResponse api =
        mvc.perform(
                get("/api/v1/workspaces/" + ICB + "/anchors/commitments")
                    .header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse();
    assertThat(api.getStatus()).isEqualTo(200);
    JsonNode list = JSON.readTree(api.getContentAsString(StandardCharsets.UTF_8));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("pillar").asString()).isEqualTo("partner-in-place");
    assertThat(list.get(0).get("status").asString()).isEqualTo("achieved");
    assertThat(list.get(0).get("organisationId").asLong()).isEqualTo(trust.id());
    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/v1/workspaces/" + ICB + "/anchors/commitments/imports")
                    .header("Authorization", "Bearer " + token)
                    .contentType("text/csv")
                    .content("organisation,pillar,promise\nRDU,employment,\n"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JSON.readTree(refused.getContentAsString()).get("line").asLong()).isEqualTo(2);
  }

  private MockHttpServletResponse upload(String name, String text) throws Exception {
    return mvc.perform(
            multipart(PAGES + "/import")
                .file(
                    new MockMultipartFile(
                        "file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8)))
                .with(editor)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private static AnchorOrganisation named(List<AnchorOrganisation> all, String name) {
    return all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }
}
