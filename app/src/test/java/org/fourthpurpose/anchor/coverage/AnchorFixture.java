package org.fourthpurpose.anchor.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds anchor registers for integration tests the way people do, through the register's API and
 * pages (so that every cache hears of the change), and reads answers as people would.
 */
public final class AnchorFixture {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockMvc mvc;
  private final AccountService accounts;

  public AnchorFixture(MockMvc mvc, AccountService accounts) {
    this.mvc = mvc;
    this.accounts = accounts;
  }

  /** Someone with a role in a workspace, with a token and a session. */
  public record Person(Account account, String token, RequestPostProcessor session) {
    public MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
      return request.header("Authorization", "Bearer " + token);
    }
  }

  public Person person(String icb, WorkspaceRole role) {
    String email = "anchors." + UUID.randomUUID() + "@example.org";
    Account account =
        accounts.createAccount(email, "Ana Anchor", "correct horse battery staple", false);
    if (icb != null) {
      accounts.grant(account.id(), icb, role);
    }
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  /** Adds an organisation through the API; its id. */
  public long organisation(Person who, String icb, String name, String type, Integer staff)
      throws Exception {
    String body =
        "{\"name\":\""
            + name
            + "\",\"type\":\""
            + type
            + "\""
            + (staff == null ? "" : ",\"staff\":" + staff)
            + "}";
    String answer =
        expect(
            who.bearer(
                post("/api/v1/workspaces/" + icb + "/anchors/organisations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)),
            201);
    return JSON.readTree(answer).get("id").asLong();
  }

  /** Adds an anchor strategy through the organisation's page. */
  public void strategy(Person who, String icb, long organisation, String title, String status)
      throws Exception {
    expectRedirect(
        post("/workspaces/" + icb + "/anchors/organisations/" + organisation + "/strategies")
            .with(who.session())
            .with(csrf())
            .param("title", title)
            .param("url", "")
            .param("publishedOn", "")
            .param("status", status));
  }

  /** Adds a commitment through the organisation's page. */
  public void commitment(
      Person who,
      String icb,
      long organisation,
      String pillar,
      String promise,
      List<String> themes,
      List<String> indicators,
      String status)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/workspaces/" + icb + "/anchors/organisations/" + organisation + "/commitments")
            .with(who.session())
            .with(csrf())
            .param("strategyId", "")
            .param("pillar", pillar)
            .param("promise", promise)
            .param("status", status);
    for (String t : themes) {
      request.param("themes", t);
    }
    for (String i : indicators) {
      request.param("indicators", i);
    }
    expectRedirect(request);
  }

  /** The body of a GET answered with {@code status}. */
  public String get(RequestPostProcessor who, String path, int status) throws Exception {
    MockHttpServletRequestBuilder request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
    if (who != null) {
      request.with(who);
    }
    return expect(request, status);
  }

  public String getWithToken(Person who, String path, int status) throws Exception {
    return expect(
        who.bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)),
        status);
  }

  public JsonNode json(String text) {
    return JSON.readTree(text);
  }

  public String expect(MockHttpServletRequestBuilder request, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(status);
    return body;
  }

  private void expectRedirect(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus())
        .as(response.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(302);
  }
}
