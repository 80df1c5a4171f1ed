package org.fourthpurpose.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.question.proposition.PropositionFixture;
import org.fourthpurpose.question.proposition.PropositionFixture.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The impact page is rendered once per audience (editors, other members) and kept, and what is kept
 * is forgotten as soon as a measure, value or rebase is saved: a member never sees the page as it
 * was before a change, and a viewer never gets the editors' page.
 */
@ApplicationTest
class ImpactPageCacheIntegrationTest {

  static final String ICB = "E54000030";
  static final String PAGE = "/workspaces/" + ICB + "/impact";
  static final String API = "/api/v1/workspaces/" + ICB + "/measures";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
  }

  @Test
  void everyChangeShowsAtOnceAndEachAudienceGetsItsOwnPage() throws Exception {
    MeasureApiIntegrationTest.forget(jdbc, ICB);
    Person editor = PropositionFixture.person(accounts, ICB, WorkspaceRole.EDITOR, "Eve Editor");
    Person viewer = PropositionFixture.person(accounts, ICB, WorkspaceRole.VIEWER, "Vic Viewer");

    String empty = page(editor);
    assertThat(empty).contains("No measures yet").contains("id=\"add-measure\"");
    assertThat(page(viewer)).contains("No measures yet").doesNotContain("id=\"add-measure\"");
    // Kept: the same body again, with each person's own header around it.
    String editorEmail = editor.account().email();
    String viewerEmail = viewer.account().email();
    assertThat(page(editor)).contains(editorEmail).doesNotContain(viewerEmail);
    assertThat(page(viewer))
        .contains(viewerEmail)
        .doesNotContain(editorEmail)
        .doesNotContain("id=\"add-measure\"");

    long id =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        post(API)
                            .header("Authorization", "Bearer " + editor.token())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"name\": \"Residents in entry-level posts\", \"unit\": \"%\","
                                    + " \"improvement\": \"increase\"}"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("id")
            .asLong();
    assertThat(page(viewer))
        .contains("Residents in entry-level posts")
        .contains("1 measure: 0 showing special cause variation, 1 with too few values");

    mvc.perform(
        post(API + "/" + id + "/values/imports")
            .header("Authorization", "Bearer " + editor.token())
            .contentType("text/csv")
            .content(MeasureApiIntegrationTest.VALUES.getBytes(StandardCharsets.UTF_8)));
    assertThat(page(viewer))
        .contains("1 measure: 1 showing special cause variation, 0 with too few values");

    mvc.perform(
        put(API + "/" + id)
            .header("Authorization", "Bearer " + editor.token())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"name\": \"Local residents in entry-level posts\", \"unit\": \"%\","
                    + " \"improvement\": \"increase\"}"));
    assertThat(page(editor)).contains("Local residents in entry-level posts");
    assertThat(page(viewer)).contains("Local residents in entry-level posts");
  }

  private String page(Person person) throws Exception {
    var response = mvc.perform(get(PAGE).with(person.session())).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }
}
