package org.fourthpurpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Each role sees what it may use and nothing that leads to a 403: starting from the account page
 * and the workspace page, every link a person is shown (followed a few levels deep) opens, and
 * every form they are shown is one they are allowed to send.
 */
@ApplicationTest
class RoleNavigationIntegrationTest {

  /** Cornwall and the Isles of Scilly. */
  static final String ICS = "E54000036";

  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");
  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");
  private static final Pattern ACTION = Pattern.compile("action=\"(/[^\"]*)\"");
  private static final Pattern METHOD = Pattern.compile("method=\"([a-zA-Z]+)\"");
  private static final List<String> PRIVATE =
      List.of("/workspaces/", "/account", "/jobs/", "/admin", "/invitations/", "/assess/");

  /** Forms every signed-in person has, which change only their own session or tokens. */
  private static final List<String> OWN_FORMS = List.of("/sign-out", "/account/tokens");

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;

  // Set up once for the class: the crawls only read, so they can share one round.
  static Account admin;
  static Account editor;
  static Account viewer;
  static Account assessor;
  static long round;

  @BeforeEach
  void aWorkspaceWithARound() throws Exception {
    if (round != 0) {
      return;
    }
    admin = person("Ina Admin", WorkspaceRole.ICS_ADMIN);
    editor = person("Ed Editor", WorkspaceRole.EDITOR);
    viewer = person("Vi Viewer", WorkspaceRole.VIEWER);
    assessor = person("Asa Assessor", null);
    String token = accounts.createToken(admin.id(), "test").token();
    String created =
        mvc.perform(
                post("/api/v1/workspaces/" + ICS + "/maturity/rounds")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"Nav " + UUID.randomUUID().toString().substring(0, 8) + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    round = Long.parseLong(created.replaceAll(".*?\"id\":(\\d+).*", "$1"));
    for (Account a : List.of(assessor, editor)) {
      mvc.perform(
              post("/api/v1/workspaces/" + ICS + "/maturity/rounds/" + round + "/assessors")
                  .header("Authorization", "Bearer " + token)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"organisation\":\"Cornwall Council\",\"email\":\"" + a.email() + "\"}"))
          .andExpect(status().isCreated());
    }
  }

  private Account person(String name, WorkspaceRole role) {
    Account account =
        accounts.createAccount(
            "nav-" + UUID.randomUUID() + "@example.org", name, "correct horse battery", false);
    if (role != null) {
      accounts.grant(account.id(), ICS, role);
    }
    return account;
  }

  @Test
  void aViewerIsShownNoLinkOrFormThatRefusesThem() throws Exception {
    Crawl crawl = crawl(viewer, "/account", "/workspaces/" + ICS);
    assertThat(crawl.refused).isEmpty();
    assertThat(crawl.visited).contains("/workspaces/" + ICS + "/maturity");
    assertThat(crawl.forms.keySet())
        .as("a viewer changes nothing, so sees no form but their own")
        .isEmpty();
  }

  @Test
  void anEditorIsShownNoLinkOrFormThatRefusesThem() throws Exception {
    Crawl crawl = crawl(editor, "/account", "/workspaces/" + ICS);
    assertThat(crawl.refused).isEmpty();
    assertThat(crawl.formsRefused(this, editor)).isEmpty();
    assertThat(crawl.visited)
        .contains("/workspaces/" + ICS + "/maturity/rounds/" + round + "/my-ratings");
  }

  @Test
  void anAdministratorIsShownNoLinkThatRefusesThem() throws Exception {
    Crawl crawl = crawl(admin, "/account", "/workspaces/" + ICS);
    assertThat(crawl.refused).isEmpty();
    assertThat(crawl.visited).contains("/workspaces/" + ICS + "/members");
  }

  @Test
  void anAssessorWithoutARoleFindsTheirRoundOnTheirAccountPageAndNothingThatRefusesThem()
      throws Exception {
    String home =
        mvc.perform(get("/account").with(session(assessor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(home)
        .contains("Waiting for you")
        .contains("href=\"/workspaces/" + ICS + "/maturity/rounds/" + round + "/my-ratings\"")
        .contains("You are an assessor in Cornwall and the Isles of Scilly");
    Crawl crawl = crawl(assessor, "/account");
    assertThat(crawl.refused).isEmpty();
    assertThat(crawl.visited)
        .contains("/workspaces/" + ICS + "/maturity/rounds/" + round + "/my-ratings");
    assertThat(crawl.formsRefused(this, assessor)).isEmpty();
  }

  private RequestPostProcessor session(Account account) {
    return user(accounts.userDetails(account.id()));
  }

  /** What a person reached by following links, and what refused them. */
  static final class Crawl {
    final Set<String> visited = new LinkedHashSet<>();

    /** One page of each kind is enough: the areas' moderation pages differ only in their area. */
    final Set<String> samples = new LinkedHashSet<>();

    final List<String> refused = new ArrayList<>();

    /** Form action → the page that showed it. */
    final Map<String, String> forms = new LinkedHashMap<>();

    /** Sends every form empty: a refusal (403) means the person was shown what they cannot use. */
    List<String> formsRefused(RoleNavigationIntegrationTest test, Account who) throws Exception {
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, String> form : forms.entrySet()) {
        int status =
            test.mvc
                .perform(post(form.getKey()).with(test.session(who)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        if (status == 403 || status >= 500) {
          problems.add(form.getKey() + " (on " + form.getValue() + ") answered " + status);
        }
      }
      return problems;
    }
  }

  private static String sample(String path) {
    return path.replaceAll("/moderation/[^/?]+", "/moderation/*");
  }

  private Crawl crawl(Account who, String... starts) throws Exception {
    Crawl crawl = new Crawl();
    Deque<String[]> queue = new ArrayDeque<>();
    for (String start : starts) {
      queue.add(new String[] {start, "(start)", "0"});
    }
    while (!queue.isEmpty() && crawl.visited.size() < 150) {
      String[] next = queue.poll();
      String path = next[0];
      if (!crawl.visited.add(path) || !crawl.samples.add(sample(path))) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(get(path).with(session(who))).andReturn().getResponse();
      int status = response.getStatus();
      if (status == 403 || status == 401 || status >= 500) {
        crawl.refused.add(path + " (linked from " + next[1] + ") answered " + status);
        continue;
      }
      String type = response.getContentType();
      if (status != 200 || type == null || !type.startsWith("text/html")) {
        continue;
      }
      String html = response.getContentAsString();
      int depth = Integer.parseInt(next[2]);
      Matcher form = FORM.matcher(html);
      while (form.find()) {
        Matcher action = ACTION.matcher(form.group());
        Matcher method = METHOD.matcher(form.group());
        if (action.find()
            && method.find()
            && method.group(1).equalsIgnoreCase("post")
            && OWN_FORMS.stream().noneMatch(action.group(1).replace("&amp;", "&")::startsWith)) {
          crawl.forms.putIfAbsent(action.group(1).replace("&amp;", "&"), path);
        }
      }
      if (depth >= 4) {
        continue;
      }
      Matcher href = HREF.matcher(html);
      while (href.find()) {
        String link = href.group(1).replace("&amp;", "&");
        if (PRIVATE.stream().anyMatch(link::startsWith) && !crawl.visited.contains(link)) {
          queue.add(new String[] {link, path, Integer.toString(depth + 1)});
        }
      }
    }
    return crawl;
  }
}
