package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fourthpurpose.HeadlessChromium.assertAccessible;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, an ICS administrator invites an editor and a viewer by email; each opens their
 * link, chooses a password and lands in the workspace seeing what their role may use; every page
 * passes an axe WCAG 2.2 AA check.
 */
@ApplicationTest
class InvitationBrowserIntegrationTest {

  /** Somerset: no other test gives roles there. */
  static final String ICS = "E54000038";

  static final String PASSWORD = "a long enough passphrase 42";

  static HeadlessChromium chromium;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired AccountService accounts;

  @BeforeAll
  static void launch() {
    chromium = HeadlessChromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String inviteFrom(Page admin, String email, String roleLabel) {
    admin.fill("#invite-email", email);
    admin.selectOption(
        "#invite-role", new com.microsoft.playwright.options.SelectOption().setLabel(roleLabel));
    admin.click("#send-invitation");
    assertThat(admin.locator("#invitation-link h2").textContent())
        .contains("Send this link to " + email);
    assertAccessible(admin);
    return admin.locator("#invitation-url").textContent().trim();
  }

  Page accept(String link, String name) {
    Page page = browser.newContext().newPage();
    page.navigate(link.replace("http://localhost:", "http://127.0.0.1:"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Join Somerset");
    assertAccessible(page);
    page.fill("#name", name);
    page.fill("#password", PASSWORD);
    page.click("#create-account");
    return page;
  }

  @Test
  void anAdministratorInvitesAnEditorAndAViewerWhoJoinAndSeeWhatTheirRoleMayUse() {
    Account admin =
        accounts.createAccount(
            "somerset.admin." + UUID.randomUUID() + "@example.org", "Sam Admin", PASSWORD, false);
    accounts.grant(admin.id(), ICS, WorkspaceRole.ICS_ADMIN);

    Page adminPage = browser.newContext().newPage();
    adminPage.navigate(url("/sign-in"));
    adminPage.fill("#email", admin.email());
    adminPage.fill("#password", PASSWORD);
    adminPage.click("button:has-text('Sign in')");
    adminPage.navigate(url("/workspaces/" + ICS));
    adminPage.click("text=People with access");
    assertThat(adminPage.locator("h1").textContent()).isEqualTo("People with access");
    assertAccessible(adminPage);

    String editorEmail = "somerset.editor." + UUID.randomUUID() + "@example.org";
    String viewerEmail = "somerset.viewer." + UUID.randomUUID() + "@example.org";
    String editorLink = inviteFrom(adminPage, editorEmail, "Editor");
    String viewerLink = inviteFrom(adminPage, viewerEmail, "Viewer");
    assertThat(adminPage.locator("#pending").textContent()).contains(editorEmail, viewerEmail);

    Page editor = accept(editorLink, "Eve Editor");
    assertThat(editor.locator("#workspace-message").textContent())
        .isEqualTo("Your account is ready. You have joined Somerset as an editor.");
    assertThat(editor.locator("#your-role").textContent()).isEqualTo("editor");
    assertThat(editor.locator("text=Import local data").count()).isEqualTo(1);
    assertThat(editor.locator("text=People with access").count()).isZero();
    assertAccessible(editor);

    Page viewer = accept(viewerLink, "Val Viewer");
    assertThat(viewer.locator("#your-role").textContent()).isEqualTo("viewer");
    assertThat(
            viewer
                .locator("a.nhsuk-card__link", new Page.LocatorOptions().setHasText("Local data"))
                .count())
        .isEqualTo(1);
    assertThat(viewer.locator("text=Import local data").count()).isZero();
    assertThat(viewer.locator("text=People with access").count()).isZero();
    viewer.click("text=Maturity assessment");
    assertThat(viewer.locator("h1").count()).isEqualTo(1);
    assertThat(viewer.locator("button:has-text('Open round')").count()).isZero();
    assertAccessible(viewer);

    // Both are members now; no invitation is waiting; the administrator makes the viewer an editor.
    adminPage.navigate(url("/workspaces/" + ICS + "/members"));
    assertThat(adminPage.locator("#members").textContent()).contains(editorEmail, viewerEmail);
    assertThat(adminPage.locator("#no-pending").textContent()).isEqualTo("None.");
    String viewerRow = "tr[data-email='" + viewerEmail + "']";
    adminPage.selectOption(viewerRow + " select", "EDITOR");
    adminPage.click(viewerRow + " button");
    assertThat(adminPage.locator("#members-message").textContent())
        .isEqualTo("Val Viewer is now an editor.");
    assertThat(adminPage.locator(viewerRow + " .member-role").textContent()).contains("Editor");
    assertAccessible(adminPage);

    viewer.navigate(url("/workspaces/" + ICS));
    assertThat(viewer.locator("#your-role").textContent()).isEqualTo("editor");
  }
}
