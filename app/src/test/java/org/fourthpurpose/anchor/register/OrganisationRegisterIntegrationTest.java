package org.fourthpurpose.anchor.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The anchor register of Frimley (a system whose footprint takes parts of Hart, Guildford,
 * Runnymede, Surrey Heath and Waverley, so two county councils cover part of it) seeded from the
 * shipped data, read and changed through the API and pages, with every refusal: malformed and
 * duplicate identifiers, viewers, and another workspace.
 */
@ApplicationTest
public class OrganisationRegisterIntegrationTest {

  public static final String ICB = "E54000034";
  public static final String OTHER = "E54000048";
  static final String API = "/api/v1/workspaces/" + ICB + "/anchors/organisations";
  static final String PAGES = "/workspaces/" + ICB + "/anchors/organisations";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;

  record Person(Account account, String token, RequestPostProcessor session) {}

  Person editor;
  Person viewer;
  Person otherEditor;

  @BeforeEach
  void startFromAnUnseededRegister() {
    for (String icb : List.of(ICB, OTHER)) {
      forget(jdbc, icb);
    }
    editor = person(ICB, WorkspaceRole.EDITOR);
    viewer = person(ICB, WorkspaceRole.VIEWER);
    otherEditor = person(OTHER, WorkspaceRole.EDITOR);
  }

  /** Removes a workspace's register and its seeding, as if it had never been opened. */
  public static void forget(JdbcTemplate jdbc, String icb) {
    jdbc.update("delete from anchor_organisation where icb_code = ?", icb);
    jdbc.update("delete from anchor_register_seeding where icb_code = ?", icb);
  }

  @Test
  void seedsTheIcbItsTrustsWithTheirSharesAndEveryCouncilCoveringPartOfTheFootprint()
      throws Exception {
    JsonNode list = JSON.readTree(call(viewer, get(API), 200));
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    list.forEach(o -> byName.put(o.get("name").asString(), o));
    // The ICB, four trusts drawing at least 5% of their patients from Frimley, two county
    // councils and nine district councils.
    assertThat(byName).hasSize(16);

    JsonNode icb = byName.get("NHS Frimley Integrated Care Board");
    assertThat(icb.get("type").asString()).isEqualTo("icb");
    assertThat(icb.get("identifiers").get("ods").asString()).isEqualTo("QNQ");
    assertThat(icb.get("identifiers").get("gss").asString()).isEqualTo("E54000034");
    assertThat(icb.get("places")).hasSize(9);

    List<String> trusts = new ArrayList<>();
    list.forEach(
        o -> {
          if (o.get("type").asString().equals("nhs-trust")) {
            trusts.add(
                o.get("identifiers").get("ods").asString()
                    + " "
                    + o.get("activityShare").decimalValue().toPlainString());
          }
        });
    // Shares from the shipped catchments, to four places: Frimley Health 0.771256…, Royal
    // Surrey 0.132073…, Royal Berkshire 0.083487…, Ashford and St Peter's 0.059123….
    assertThat(trusts).containsExactly("RTK 0.0591", "RDU 0.7713", "RHW 0.0835", "RA2 0.1321");
    JsonNode frimleyHealth = byName.get("Frimley Health NHS Foundation Trust");
    assertThat(frimleyHealth.get("latitude").asDouble()).isBetween(51.0, 51.6);
    assertThat(frimleyHealth.has("identifiers")).isTrue();
    assertThat(frimleyHealth.get("identifiers").has("gss")).isFalse();
    assertThat(byName).containsKey("Ashford and St Peter's Hospitals NHS Foundation Trust");

    // Hart (76% in Frimley) and Rushmoor are Hampshire's; four split Surrey districts Surrey's.
    JsonNode hampshire = byName.get("Hampshire County Council");
    assertThat(hampshire.get("identifiers").get("gss").asString()).isEqualTo("E10000014");
    assertThat(strings(hampshire.get("places"))).containsExactly("E07000089", "E07000092");
    JsonNode surrey = byName.get("Surrey County Council");
    assertThat(surrey.get("identifiers").get("gss").asString()).isEqualTo("E10000030");
    assertThat(strings(surrey.get("places")))
        .containsExactly("E07000209", "E07000212", "E07000214", "E07000216");
    for (String council :
        List.of(
            "Bracknell Forest Council",
            "Slough Council",
            "Windsor and Maidenhead Council",
            "Hart Council",
            "Rushmoor Council",
            "Guildford Council",
            "Runnymede Council",
            "Surrey Heath Council",
            "Waverley Council")) {
      assertThat(byName.get(council).get("type").asString()).isEqualTo("local-authority");
      assertThat(byName.get(council).get("places")).hasSize(1);
    }
    assertThat(byName.values()).allMatch(o -> o.get("seeded").asBoolean());
  }

  @Test
  void seedsOnceSoARemovedOrChangedOrganisationIsNeitherPutBackNorOverwritten() throws Exception {
    long auditedBefore =
        jdbc.queryForObject(
            "select coalesce(max(sequence_number), 0) from audit_entry", Long.class);
    List<AnchorOrganisation> seeded = register.organisations(ICB);
    AnchorOrganisation slough =
        seeded.stream().filter(o -> o.name().equals("Slough Council")).findFirst().orElseThrow();
    AnchorOrganisation hart =
        seeded.stream().filter(o -> o.name().equals("Hart Council")).findFirst().orElseThrow();
    call(editor, delete(API + "/" + slough.id()), 204);
    call(
        editor,
        json(
            put(API + "/" + hart.id()),
            "{\"name\":\"Hart District Council\",\"type\":\"local-authority\","
                + "\"identifiers\":{\"gss\":\"E07000089\"},\"staff\":350,"
                + "\"places\":[\"E07000089\"]}"),
        200);

    List<AnchorOrganisation> again = register.organisations(ICB);
    assertThat(again).hasSize(15);
    assertThat(again).noneMatch(o -> o.name().equals("Slough Council"));
    AnchorOrganisation changed =
        again.stream().filter(o -> o.id() == hart.id()).findFirst().orElseThrow();
    assertThat(changed.name()).isEqualTo("Hart District Council");
    assertThat(changed.staff()).isEqualTo(350);
    assertThat(changed.seeded()).isTrue();
    // Seeded, removed, changed.
    assertThat(
            jdbc.queryForList(
                "select action from audit_entry where icb_code = ? and action like 'anchor-%'"
                    + " and sequence_number > ? order by sequence_number",
                String.class, ICB, auditedBefore))
        .containsExactly(
            "anchor-register.seeded", "anchor-organisation.removed", "anchor-organisation.changed");
  }

  @Test
  void addsAnOrganisationWithEveryIdentifierNormalised() throws Exception {
    JsonNode added =
        JSON.readTree(
            call(
                editor,
                json(
                    post(API),
                    "{\"name\":\"University of Surrey\",\"type\":\"university\","
                        + "\"identifiers\":{\"ukprn\":\"10007160\",\"charity\":\"sc 012345\","
                        + "\"company\":\"rc000651\"},\"staff\":\"3,400\","
                        + "\"annualNonPaySpend\":\"125000000.5\","
                        + "\"places\":[\"E07000209\"],\"contactOwner\":\"Ada Lovelace\"}"),
                201));
    assertThat(added.get("type").asString()).isEqualTo("university");
    assertThat(added.get("identifiers").get("charity").asString()).isEqualTo("SC012345");
    assertThat(added.get("identifiers").get("company").asString()).isEqualTo("RC000651");
    assertThat(added.get("identifiers").has("ods")).isFalse();
    assertThat(added.get("staff").asInt()).isEqualTo(3400);
    assertThat(added.get("annualNonPaySpend").decimalValue()).isEqualByComparingTo("125000000.50");
    assertThat(added.get("seeded").asBoolean()).isFalse();
  }

  @Test
  void refusesMalformedAndDuplicateIdentifiersNamingTheField() throws Exception {
    register.organisations(ICB);
    assertThat(
            problem("{\"name\":\"X\",\"type\":\"vcse\",\"identifiers\":{\"ukprn\":\"20007160\"}}"))
        .isEqualTo("ukprn");
    assertThat(
            problem("{\"name\":\"X\",\"type\":\"vcse\",\"identifiers\":{\"charity\":\"12345\"}}"))
        .isEqualTo("charity");
    assertThat(
            problem(
                "{\"name\":\"X\",\"type\":\"vcse\",\"identifiers\":{\"charity\":\"1123456-123\"}}"))
        .isEqualTo("charity");
    assertThat(
            problem(
                "{\"name\":\"X\",\"type\":\"employer\",\"identifiers\":{\"company\":\"1234567\"}}"))
        .isEqualTo("company");
    assertThat(
            problem("{\"name\":\"X\",\"type\":\"other\",\"identifiers\":{\"gss\":\"E1000001\"}}"))
        .isEqualTo("gss");
    assertThat(problem("{\"name\":\"X\",\"type\":\"other\",\"identifiers\":{\"ods\":\"R!\"}}"))
        .isEqualTo("ods");
    // Frimley Health is in the register already, seeded.
    assertThat(
            problem("{\"name\":\"Copy\",\"type\":\"nhs-trust\",\"identifiers\":{\"ods\":\"rdu\"}}"))
        .isEqualTo("ods");
    assertThat(problem("{\"name\":\"X\",\"type\":\"hospital\"}")).isEqualTo("type");
    assertThat(problem("{\"name\":\"X\",\"type\":\"vcse\",\"places\":[\"E08000012\"]}"))
        .isEqualTo("places");
    assertThat(problem("{\"name\":\"X\",\"type\":\"vcse\",\"identifiers\":{\"vat\":\"1\"}}"))
        .isEqualTo("identifiers");
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void aViewerReadsButCannotChangeTheRegister() throws Exception {
    long id = register.organisations(ICB).get(0).id();
    call(viewer, json(post(API), "{\"name\":\"X\",\"type\":\"vcse\"}"), 403);
    call(viewer, delete(API + "/" + id), 403);
    assertThat(page(PAGES, viewer.session(), 200)).doesNotContain("Add an organisation");
    page(PAGES + "/new", viewer.session(), 403);
    page(PAGES + "/" + id + "/edit", viewer.session(), 403);
    MockHttpServletResponse removal =
        mvc.perform(post(PAGES + "/" + id + "/remove").with(viewer.session()).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(removal.getStatus()).isEqualTo(403);
    assertThat(register.organisations(ICB)).hasSize(16);
  }

  @Test
  void anotherWorkspaceCanNeitherReadNorChangeTheRegister() throws Exception {
    long id = register.organisations(ICB).get(0).id();
    call(otherEditor, get(API), 403);
    call(otherEditor, delete(API + "/" + id), 403);
    page(PAGES, otherEditor.session(), 403);
    // Through its own workspace's address, Frimley's organisation is not found.
    String otherApi = "/api/v1/workspaces/" + OTHER + "/anchors/organisations/";
    call(otherEditor, get(otherApi + id), 404);
    call(otherEditor, delete(otherApi + id), 404);
    call(otherEditor, json(put(otherApi + id), "{\"name\":\"Taken\",\"type\":\"other\"}"), 404);
    page(
        "/workspaces/" + OTHER + "/anchors/organisations/" + id + "/edit",
        otherEditor.session(),
        404);
    assertThat(register.organisations(ICB)).hasSize(16);
    assertThat(register.organisation(OTHER, id)).isEmpty();
  }

  @Test
  void theRegisterPageListsTheSeededOrganisationsAndTheFormRefusesABadUkprn() throws Exception {
    String list = page(PAGES, editor.session(), 200);
    assertThat(list)
        .contains("Frimley Health NHS Foundation Trust", "77.1%", "Surrey County Council");
    MockHttpServletResponse refused =
        mvc.perform(
                post(PAGES)
                    .with(editor.session())
                    .with(csrf())
                    .param("name", "Farnborough College of Technology")
                    .param("type", "fe-college")
                    .param("ukprn", "2001234")
                    .param("place", "E07000092"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
        .contains("There is a problem", "a UKPRN is 8 digits starting with 1");
    MockHttpServletResponse added =
        mvc.perform(
                post(PAGES)
                    .with(editor.session())
                    .with(csrf())
                    .param("name", "Farnborough College of Technology")
                    .param("type", "fe-college")
                    .param("ukprn", "10002370")
                    .param("place", "E07000092", "E07000089"))
            .andReturn()
            .getResponse();
    assertThat(added.getStatus()).isEqualTo(302);
    AnchorOrganisation college =
        register.organisations(ICB).stream()
            .filter(o -> o.name().startsWith("Farnborough"))
            .findFirst()
            .orElseThrow();
    assertThat(college.places()).containsExactly("E07000089", "E07000092");
    assertThat(college.identifiers()).isEqualTo(Map.of("ukprn", "10002370"));
  }

  private String problem(String body) throws Exception {
    return JSON.readTree(call(editor, json(post(API), body), 400)).get("field").asString();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
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

  private String page(String path, RequestPostProcessor who, int expected) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private Person person(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }
}
