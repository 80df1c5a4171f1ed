package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Saving, publishing and comparing groups of systems, through the pages and the API. */
@ApplicationTest
class PeerGroupPagesIntegrationTest {

  static final String YORKSHIRE = "E54000051";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired PeerGroups peers;
  @Autowired JdbcTemplate jdbc;

  private Account person(String icbCode, WorkspaceRole role) {
    Account account =
        accounts.createAccount(
            "group." + UUID.randomUUID() + "@example.org",
            "Group Tester",
            "correct horse battery staple",
            false);
    if (role != null) {
      accounts.grant(account.id(), icbCode, role);
    }
    return account;
  }

  private UserDetails session(Account account) {
    return accounts.userDetails(account.id());
  }

  private String bearer(Account account) {
    return "Bearer " + accounts.createToken(account.id(), "test").token();
  }

  private String anonymousPage(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private int groupCount() {
    return jdbc.queryForObject("select count(*) from peer_group", Integer.class);
  }

  @Test
  void anEditorSavesAGroupAndItsPageComparesTheMembersThemeByTheme() throws Exception {
    Account editor = person(YORKSHIRE, WorkspaceRole.EDITOR);
    MvcResult saved =
        mvc.perform(
                post("/workspaces/" + YORKSHIRE + "/groups")
                    .with(user(session(editor)))
                    .with(csrf())
                    .param("name", "Yorkshire and Humber waiting lists")
                    .param("kind", "THEMATIC")
                    .param("themeCode", "access")
                    .param("members", "E54000051", "E54000054", "QF7"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    long id = Long.parseLong(saved.getResponse().getRedirectedUrl().replace("/groups/", ""));
    PeerGroup group = peers.group(id).orElseThrow();
    assertThat(group.memberIcbCodes()).containsExactly("E54000051", "E54000054", "E54000061");
    assertThat(group.published()).isFalse();

    String html =
        mvc.perform(get("/groups/" + id).with(user(session(editor))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains(
            "<h1>Yorkshire and Humber waiting lists</h1>",
            "Access to services and digital inclusion (the group&#39;s theme)",
            "West Yorkshire");
    // The thematic group's own theme comes first.
    assertThat(html.indexOf("theme-access")).isLessThan(html.indexOf("theme-employment"));

    // Not published: hidden from everyone outside the workspace.
    mvc.perform(get("/groups/" + id)).andExpect(status().isNotFound());
    Account outsider = person("E54000008", WorkspaceRole.ICS_ADMIN);
    mvc.perform(get("/groups/" + id).with(user(session(outsider))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/ics/QYG/profile?comparator=group-" + id)).andExpect(status().isBadRequest());

    // In the workspace the unpublished group is already a comparator for the system that saved it.
    String own =
        mvc.perform(
                get("/ics/" + YORKSHIRE + "/profile?comparator=group-" + id)
                    .with(user(session(editor))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(own)
        .contains(
            "value=\"group-" + id + "\"",
            "Compared with England and with Yorkshire and Humber waiting lists.");
    // Anonymous profile pages are cached; publishing the group must show it as a comparator.
    assertThat(anonymousPage("/ics/QWO/profile")).doesNotContain("group-" + id);
    mvc.perform(
            post("/workspaces/" + YORKSHIRE + "/groups/" + id + "/publish")
                .with(user(session(editor)))
                .with(csrf())
                .param("published", "true"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/groups/" + id)).andExpect(status().isOk());
    assertThat(anonymousPage("/ics/QWO/profile"))
        .contains("value=\"group-" + id + "\"", "Yorkshire and Humber waiting lists");

    // The CSV: one row per member per indicator, with the stored values.
    String csv =
        mvc.perform(get("/groups/" + id + ".csv"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<List<String>> records = new java.util.ArrayList<>();
    try (var reader = new org.fourthpurpose.csv.CsvReader(new java.io.StringReader(csv))) {
      for (var r = reader.next(); r.isPresent(); r = reader.next()) {
        records.add(r.get().fields());
      }
    }
    assertThat(records.get(0)).containsExactlyElementsOf(GroupComparisons.CSV_COLUMNS);
    List<String> rtt =
        records.stream()
            .filter(r -> r.get(3).equals("ae-over-4-hours") && r.get(6).equals("E54000054"))
            .findFirst()
            .orElseThrow();
    Double stored =
        jdbc.queryForObject(
            "select observation from indicator_value where indicator_id = 'ae-over-4-hours'"
                + " and area_type = 'ICB' and area_code = 'E54000054' and period = ?",
            Double.class,
            rtt.get(5));
    assertThat(Double.parseDouble(rtt.get(8))).isCloseTo(stored, within(1e-9));
    Integer indicatorsWithIcbValues =
        jdbc.queryForObject(
            "select count(distinct indicator_id) from indicator_value where area_type = 'ICB'",
            Integer.class);
    assertThat(records).hasSize(1 + 3 * indicatorsWithIcbValues);

    // A published group with the system in it is a comparator on that system's profile.
    mvc.perform(get("/ics/QWO/profile?comparator=group-" + id)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/groups/" + id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.group.members.length()").value(3))
        .andExpect(jsonPath("$.indicators.length()").value(indicatorsWithIcbValues));
  }

  @Test
  void aFormWithOneMemberIsRefusedWithTheProblemAndNothingIsSaved() throws Exception {
    Account editor = person(YORKSHIRE, WorkspaceRole.EDITOR);
    int before = groupCount();
    String html =
        mvc.perform(
                post("/workspaces/" + YORKSHIRE + "/groups")
                    .with(user(session(editor)))
                    .with(csrf())
                    .param("name", "Just us")
                    .param("kind", "GEOGRAPHIC")
                    .param("members", "E54000051"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("There is a problem", "A group needs at least two ICBs", "Just us");
    assertThat(groupCount()).isEqualTo(before);

    Account viewer = person(YORKSHIRE, WorkspaceRole.VIEWER);
    mvc.perform(
            post("/workspaces/" + YORKSHIRE + "/groups")
                .with(user(session(viewer)))
                .with(csrf())
                .param("name", "Viewer's group")
                .param("kind", "GEOGRAPHIC")
                .param("members", "E54000051", "E54000054"))
        .andExpect(status().isForbidden());
    assertThat(groupCount()).isEqualTo(before);
  }

  @Test
  void theApiSavesListsAndDeletesGroupsForTokensWithTheRightRole() throws Exception {
    Account editor = person(YORKSHIRE, WorkspaceRole.EDITOR);
    Account viewer = person(YORKSHIRE, WorkspaceRole.VIEWER);
    int before = groupCount();
    mvc.perform(
            post("/api/v1/workspaces/" + YORKSHIRE + "/groups")
                .header("Authorization", bearer(editor))
                .contentType("application/json")
                .content("{\"name\":\"Bad\",\"kind\":\"alliance\",\"members\":[\"QWO\",\"QF7\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("geographic")));
    mvc.perform(
            post("/api/v1/workspaces/" + YORKSHIRE + "/groups")
                .header("Authorization", bearer(editor))
                .contentType("application/json")
                .content(
                    "{\"name\":\"Bad\",\"kind\":\"geographic\",\"members\":[\"QWO\",\"NOPE\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'NOPE'")));
    mvc.perform(
            post("/api/v1/workspaces/" + YORKSHIRE + "/groups")
                .header("Authorization", bearer(viewer))
                .contentType("application/json")
                .content(
                    "{\"name\":\"Viewer\",\"kind\":\"geographic\",\"members\":[\"QWO\",\"QF7\"]}"))
        .andExpect(status().isForbidden());
    assertThat(groupCount()).isEqualTo(before);

    String created =
        mvc.perform(
                post("/api/v1/workspaces/" + YORKSHIRE + "/groups")
                    .header("Authorization", bearer(editor))
                    .contentType("application/json")
                    .content(
                        "{\"name\":\"Humber and North Yorkshire pair\",\"kind\":\"geographic\","
                            + "\"members\":[\"QWO\",\"QOQ\"],\"published\":true}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.published").value(true))
            .andExpect(jsonPath("$.members.length()").value(2))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(created)
            .get("id")
            .asLong();
    mvc.perform(
            get("/api/v1/workspaces/" + YORKSHIRE + "/groups")
                .header("Authorization", bearer(viewer)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.id == " + id + ")].name").value("Humber and North Yorkshire pair"));
    mvc.perform(
            delete("/api/v1/workspaces/" + YORKSHIRE + "/groups/" + id)
                .header("Authorization", bearer(viewer)))
        .andExpect(status().isForbidden());
    mvc.perform(
            delete("/api/v1/workspaces/" + YORKSHIRE + "/groups/" + id)
                .header("Authorization", bearer(editor)))
        .andExpect(status().isNoContent());
    assertThat(peers.group(id)).isEmpty();
    mvc.perform(get("/api/v1/groups/" + id)).andExpect(status().isNotFound());
  }
}
