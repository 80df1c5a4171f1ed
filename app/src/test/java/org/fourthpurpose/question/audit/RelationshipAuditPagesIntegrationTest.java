package org.fourthpurpose.question.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.anchor.coverage.AnchorFixture;
import org.fourthpurpose.anchor.coverage.AnchorFixture.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The relationship audit's pages as an editor and a partner use them, without JavaScript: create,
 * change the questions, make links shown once (page and CSV), answer through the public form with
 * its error summary and thank-you page, a clear page for used and unknown links, results with the
 * suppression explained and downloads with formulas defused, closing. Workspace: Lancashire and
 * South Cumbria.
 */
@ApplicationTest
class RelationshipAuditPagesIntegrationTest {

  static final String ICB = "E54000048";
  static final Pattern LINK = Pattern.compile("/audit/([A-Za-z0-9_-]{43})");

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;

  @Test
  void anEditorSendsAnAuditAndPartnersAnswerItThroughTheFormOnce() throws Exception {
    AnchorFixture fixture = new AnchorFixture(mvc, accounts);
    Person editor = fixture.person(ICB, WorkspaceRole.EDITOR);
    Person viewer = fixture.person(ICB, WorkspaceRole.VIEWER);

    assertThat(page(get("/workspaces/" + ICB + "/audits").with(editor.session()), 200))
        .contains("Relationship audits", "Start a new audit");
    assertThat(
            page(
                post("/workspaces/" + ICB + "/audits")
                    .with(editor.session())
                    .with(csrf())
                    .param("title", " "),
                200))
        .contains("There is a problem", "Enter a title for the audit");
    MockHttpServletResponse created =
        mvc.perform(
                post("/workspaces/" + ICB + "/audits")
                    .with(editor.session())
                    .with(csrf())
                    .param("title", "Working with the NHS in Lancashire"))
            .andReturn()
            .getResponse();
    assertThat(created.getStatus()).isEqualTo(302);
    String auditPath = created.getRedirectedUrl().replaceAll("\\?.*", "");
    String auditPage = page(get(auditPath).with(editor.session()), 200);
    assertThat(auditPage)
        .contains(
            "How much appetite does your organisation have",
            "Add a question",
            "Make links for a sector");
    // A viewer sees the audit but none of the editing forms.
    assertThat(page(get(auditPath).with(viewer.session()), 200))
        .doesNotContain("Add a question", "Make links for a sector");

    // A choice question needs two options: refused with the reason, nothing added.
    String refused =
        page(
            post(auditPath + "/questions")
                .with(editor.session())
                .with(csrf())
                .param("kind", "choice")
                .param("text", "Which board?")
                .param("options", "Only one"),
            200);
    assertThat(refused).contains("There is a problem", "Give from 2 to 12 options");
    assertThat(page(get(auditPath).with(editor.session()), 200)).doesNotContain("Which board?");
    redirect(
        post(auditPath + "/questions")
            .with(editor.session())
            .with(csrf())
            .param("kind", "text")
            .param("text", "What should the board hear first?"));
    assertThat(page(get(auditPath).with(editor.session()), 200))
        .contains("What should the board hear first?");

    // Links shown once on a page, then as CSV; the first links fix the questions.
    String linksPage =
        page(
            post(auditPath + "/links")
                .with(editor.session())
                .with(csrf())
                .param("sector", "vcse")
                .param("count", "5")
                .param("format", "page"),
            200);
    assertThat(linksPage).contains("5 new links for Voluntary", "Copy these links now");
    List<String> tokens = tokens(linksPage);
    assertThat(tokens).hasSize(5);
    MockHttpServletResponse csv =
        mvc.perform(
                post(auditPath + "/links")
                    .with(editor.session())
                    .with(csrf())
                    .param("sector", "employer")
                    .param("count", "2")
                    .param("format", "csv"))
            .andReturn()
            .getResponse();
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(csv.getHeader("Cache-Control")).isEqualTo("no-store");
    String csvText = csv.getContentAsString(StandardCharsets.UTF_8);
    assertThat(csvText.lines().toList()).hasSize(3).first().isEqualTo("sector,link");
    assertThat(tokens(csvText)).hasSize(2);
    assertThat(
            page(
                post(auditPath + "/links")
                    .with(editor.session())
                    .with(csrf())
                    .param("sector", "martians")
                    .param("count", "2"),
                200))
        .contains("Not a partner sector");
    assertThat(page(get(auditPath).with(editor.session()), 200))
        .contains(
            "Open: taking responses",
            "Voluntary, community or social enterprise organisation: 5",
            "Employer: 2")
        .doesNotContain("Add a question");

    // The public form: no account, an error summary naming the question, a thank-you page.
    String form = page(get("/audit/" + tokens.get(0)), 200);
    assertThat(form)
        .contains(
            "A survey for partners of the NHS",
            "Voluntary, community or social enterprise organisation",
            "Send my answers");
    String appetite = firstRadioName(form);
    String text = textareaNames(form).get(0);
    String bad =
        page(
            post("/audit/" + tokens.get(0)).with(csrf()).param(appetite, "7").param(text, "Fine"),
            400);
    assertThat(bad)
        .contains(
            "There is a problem", "takes a whole number from 1 to 5", "href=\"#" + appetite + "\"");
    for (int i = 0; i < 5; i++) {
      MockHttpServletResponse sent =
          mvc.perform(
                  post("/audit/" + tokens.get(i))
                      .with(csrf())
                      .param(appetite, String.valueOf(1 + i))
                      .param(text, "=HYPERLINK(\"http://x\") answer " + i))
              .andReturn()
              .getResponse();
      assertThat(sent.getStatus()).isEqualTo(302);
      assertThat(sent.getRedirectedUrl()).isEqualTo("/audit/thank-you");
    }
    assertThat(page(get("/audit/thank-you"), 200))
        .contains("Thank you", "Your answers have been recorded");
    assertThat(page(get("/audit/" + tokens.get(0)), 409))
        .contains("This link has already been used");
    assertThat(page(post("/audit/" + tokens.get(0)).with(csrf()).param(appetite, "3"), 409))
        .contains("This link has already been used");
    assertThat(page(get("/audit/" + "A".repeat(43)), 404)).contains("This link is not recognised");

    // Results: 5 voluntary sector answers shown; the employers' sector (no responses) hidden and
    // said so.
    String results = page(get(auditPath + "/results").with(viewer.session()), 200);
    assertThat(results)
        .contains(
            "What is not shown, and why",
            "All partners",
            "Mean 3.00 on the scale of 1 to 5, from 5 answers.")
        .contains("Fewer than 5 people in this sector have responded");
    // The results page is kept for the workspace's members; a new response shows at once.
    assertThat(
            mvc.perform(
                    post("/audit/" + tokens(csvText).get(1))
                        .with(csrf())
                        .param(appetite, "5")
                        .param(text, "Keen to do more"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(302);
    assertThat(page(get(auditPath + "/results").with(viewer.session()), 200))
        .contains("Mean 3.33 on the scale of 1 to 5, from 6 answers.");
    String exported = page(get(auditPath + "/results.csv").with(viewer.session()), 200);
    assertThat(exported).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
    assertThat(exported.lines().findFirst().orElseThrow())
        .isEqualTo(String.join(",", AuditExport.HEADER));
    MockHttpServletResponse xlsx =
        mvc.perform(get(auditPath + "/results.xlsx").with(viewer.session()))
            .andReturn()
            .getResponse();
    assertThat(xlsx.getStatus()).isEqualTo(200);
    assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');

    redirect(post(auditPath + "/close").with(editor.session()).with(csrf()));
    assertThat(page(get(auditPath).with(viewer.session()), 200)).contains("Closed");
    // An unused link of a closed audit says the survey has closed.
    assertThat(page(get("/audit/" + tokens(csvText).get(0)), 409))
        .contains("This survey has closed");
  }

  private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(status);
    return body;
  }

  private void redirect(MockHttpServletRequestBuilder request) throws Exception {
    assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(302);
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (!tokens.contains(m.group(1))) {
        tokens.add(m.group(1));
      }
    }
    return tokens;
  }

  private static String firstRadioName(String html) {
    Matcher m = Pattern.compile("type=\"radio\" name=\"(q\\d+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static List<String> textareaNames(String html) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("<textarea[^>]*name=\"(q\\d+)\"").matcher(html);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
