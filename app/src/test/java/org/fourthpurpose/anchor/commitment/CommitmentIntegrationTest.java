package org.fourthpurpose.anchor.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.CommitmentsChanged;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.ProgressionLevel;
import org.fourthpurpose.anchor.StatusChange;
import org.fourthpurpose.anchor.register.OrganisationRegisterIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Strategies, commitments and progression levels of Frimley's organisations through the pages:
 * added, changed (each status kept with when), read back through {@link AnchorRegister}, every
 * refusal with nothing stored, a viewer, and another workspace.
 */
@ApplicationTest
@RecordApplicationEvents
class CommitmentIntegrationTest {

  static final String ICB = OrganisationRegisterIntegrationTest.ICB;
  static final String OTHER = OrganisationRegisterIntegrationTest.OTHER;

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnchorRegister register;
  @Autowired ApplicationEvents events;

  RequestPostProcessor editor;
  RequestPostProcessor viewer;
  RequestPostProcessor otherEditor;
  AnchorOrganisation trust;
  AnchorOrganisation surrey;
  String pages;

  @BeforeEach
  void startFromAFreshlySeededRegister() {
    OrganisationRegisterIntegrationTest.forget(jdbc, ICB);
    OrganisationRegisterIntegrationTest.forget(jdbc, OTHER);
    editor = person(ICB, WorkspaceRole.EDITOR);
    viewer = person(ICB, WorkspaceRole.VIEWER);
    otherEditor = person(OTHER, WorkspaceRole.EDITOR);
    List<AnchorOrganisation> seeded = register.organisations(ICB);
    trust = named(seeded, "Frimley Health NHS Foundation Trust");
    surrey = named(seeded, "Surrey County Council");
    pages = "/workspaces/" + ICB + "/anchors/organisations/" + trust.id();
  }

  @Test
  void aCommitmentIsAddedWithItsThemesAndIndicatorsAndKeepsEveryStatusItTakes() throws Exception {
    assertThat(
            submit(
                post(pages + "/strategies")
                    .param("title", "Frimley Health anchor strategy 2024 to 2029")
                    .param("url", "https://example.org/anchor-strategy")
                    .param("publishedOn", "30/06/2024")
                    .param("status", "published")))
        .isEqualTo(302);
    AnchorStrategy strategy = register.strategies(ICB).get(0);
    assertThat(strategy.publishedOn()).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(strategy.organisationId()).isEqualTo(trust.id());

    assertThat(
            submit(
                commitment(post(pages + "/commitments"), "planned")
                    .param("strategyId", String.valueOf(strategy.id()))))
        .isEqualTo(302);
    AnchorCommitment added = register.commitments(ICB).get(0);
    assertThat(added.organisationId()).isEqualTo(trust.id());
    assertThat(added.strategyId()).isEqualTo(strategy.id());
    assertThat(added.pillar()).isEqualTo(Pillar.EMPLOYMENT);
    assertThat(added.themeCodes()).containsExactly("employment", "income");
    assertThat(added.indicatorCodes()).containsExactly("claimant-count", "employment-rate");
    assertThat(added.targetDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(added.metricCode()).isEqualTo("NT1");
    assertThat(added.status()).isEqualTo(CommitmentStatus.PLANNED);

    String edit = pages + "/commitments/" + added.id() + "/edit";
    assertThat(submit(commitment(post(edit), "under-way"))).isEqualTo(302);
    assertThat(submit(commitment(post(edit), "under-way"))).isEqualTo(302);
    assertThat(submit(commitment(post(edit), "achieved"))).isEqualTo(302);
    List<StatusChange> history = register.statusChanges(ICB);
    assertThat(history)
        .extracting(StatusChange::status)
        .containsExactly(
            CommitmentStatus.PLANNED, CommitmentStatus.UNDER_WAY, CommitmentStatus.ACHIEVED);
    assertThat(history).allMatch(s -> s.commitmentId() == added.id());

    String page = page(pages, viewer, 200);
    assertThat(page)
        .contains(
            "Frimley Health anchor strategy 2024 to 2029",
            "40% of entry-level posts filled by local residents",
            "Achieved",
            "Employment and good work, Income, poverty and inclusive growth");
    assertThat(page(pages + "/commitments/" + added.id() + "/edit", editor, 200))
        .contains("Planned on", "Under way on", "Achieved on");
    String all = page("/workspaces/" + ICB + "/anchors/commitments", viewer, 200);
    // 16 seeded organisations, one with a strategy.
    assertThat(all).contains("1 commitment across 16 organisations; 15 organisations have no");
  }

  @Test
  void refusesWhatCannotBeStoredAndStoresNothing() throws Exception {
    MockHttpServletResponse refused =
        mvc.perform(
                post(pages + "/commitments")
                    .with(editor)
                    .with(csrf())
                    .param("pillar", "wellbeing")
                    .param("promise", "")
                    .param("themes", "employment", "not-a-theme")
                    .param("indicators", "made-up")
                    .param("targetDate", "31/02/2027")
                    .param("metricCode", "NT 1")
                    .param("status", "done"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
        .contains(
            "&#39;wellbeing&#39; is not a pillar",
            "Say what exactly is promised",
            "&#39;not-a-theme&#39; is not the code of a Step 1 theme",
            "&#39;made-up&#39; is not the code of an indicator",
            "&#39;31/02/2027&#39; is not a date",
            "A metric code is up to 60 letters",
            "&#39;done&#39; is not a status");
    // A strategy of another organisation.
    submit(
        post("/workspaces/" + ICB + "/anchors/organisations/" + surrey.id() + "/strategies")
            .param("title", "Surrey anchor network charter")
            .param("status", "draft"));
    long surreys = register.strategies(ICB).get(0).id();
    assertThat(
            submit(
                commitment(post(pages + "/commitments"), "planned")
                    .param("strategyId", String.valueOf(surreys))))
        .isEqualTo(400);
    assertThat(
            submit(
                post(pages + "/strategies")
                    .param("title", "Strategy")
                    .param("url", "javascript:alert(1)")))
        .isEqualTo(400);
    assertThat(submit(post(pages + "/progression").param("level-employment", "5"))).isEqualTo(400);
    assertThat(register.commitments(ICB)).isEmpty();
    assertThat(register.strategies(ICB)).hasSize(1);
    assertThat(register.progressions(ICB)).isEmpty();
  }

  @Test
  void progressionLevelsAreSetPerPillarAndClearedWhenNotAssessed() throws Exception {
    assertThat(
            submit(
                post(pages + "/progression")
                    .param("level-employment", "3")
                    .param("note-employment", "Targeted recruitment in Rushmoor since 2023")
                    .param("level-procurement", "1")
                    .param("level-estates", "")))
        .isEqualTo(302);
    assertThat(register.progressions(ICB))
        .extracting(Progression::pillar, Progression::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Pillar.EMPLOYMENT, ProgressionLevel.EMBEDDED),
            org.assertj.core.groups.Tuple.tuple(
                Pillar.PROCUREMENT, ProgressionLevel.GETTING_STARTED));
    assertThat(submit(post(pages + "/progression").param("level-employment", "4"))).isEqualTo(302);
    assertThat(register.progressions(ICB))
        .extracting(Progression::pillar, Progression::level, Progression::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Pillar.EMPLOYMENT, ProgressionLevel.LEADING, null));
    assertThat(page(pages, viewer, 200)).contains("4 Leading", "Not assessed");
  }

  @Test
  void aViewerAndAnotherWorkspaceCannotChangeCommitments() throws Exception {
    submit(commitment(post(pages + "/commitments"), "planned"));
    long id = register.commitments(ICB).get(0).id();
    for (RequestPostProcessor who : List.of(viewer, otherEditor)) {
      assertThat(
              mvc.perform(
                      commitment(post(pages + "/commitments"), "planned").with(who).with(csrf()))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
      assertThat(
              mvc.perform(post(pages + "/commitments/" + id + "/remove").with(who).with(csrf()))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
    }
    page(pages, otherEditor, 403);
    page("/workspaces/" + ICB + "/anchors/commitments", otherEditor, 403);
    // Through its own workspace's address, Frimley's organisation does not exist.
    String otherPages = "/workspaces/" + OTHER + "/anchors/organisations/" + trust.id();
    page(otherPages, otherEditor, 404);
    assertThat(
            mvc.perform(
                    post(otherPages + "/commitments/" + id + "/remove")
                        .with(otherEditor)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(register.commitments(ICB)).hasSize(1);
    assertThat(register.commitments(OTHER)).isEmpty();
  }

  @Test
  void everyChangeIsAnnouncedForItsWorkspaceAndARefusalIsNot() throws Exception {
    events.clear();
    submit(post(pages + "/strategies").param("title", "Anchor strategy").param("status", "draft"));
    submit(commitment(post(pages + "/commitments"), "planned"));
    submit(commitment(post(pages + "/commitments"), "nonsense"));
    submit(post(pages + "/progression").param("level-estates", "2"));
    submit(post(pages + "/progression").param("level-estates", "2"));
    // The second, unchanged, progression changes nothing and says nothing.
    assertThat(events.stream(CommitmentsChanged.class))
        .extracting(CommitmentsChanged::icbCode)
        .containsExactly(ICB, ICB, ICB);
  }

  private static MockHttpServletRequestBuilder commitment(
      MockHttpServletRequestBuilder request, String status) {
    return request
        .param("pillar", "employment")
        .param("promise", "40% of entry-level posts filled by local residents")
        .param("themes", "employment", "income")
        .param("indicators", "employment-rate", "claimant-count")
        .param("baseline", "22% in 2023/24")
        .param("target", "40%")
        .param("targetDate", "2027-03-31")
        .param("measure", "Share of new entry-level starters living in the footprint")
        .param("metricCode", "NT1")
        .param("owner", "Director of People")
        .param("status", status);
  }

  private int submit(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(editor).with(csrf())).andReturn().getResponse().getStatus();
  }

  private String page(String path, RequestPostProcessor who, int expected) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(expected);
    return body;
  }

  private static AnchorOrganisation named(List<AnchorOrganisation> all, String name) {
    return all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  private RequestPostProcessor person(String icb, WorkspaceRole role) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, "Ada", "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id()));
  }
}
