package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signed-in people get profile and theme pages from the page cache: the body kept for everyone who
 * may choose the same comparators, inside their own header.
 */
@ApplicationTest
class SignedInPageCacheIntegrationTest {

  static final String YORKSHIRE = "E54000051";
  static final String WEST_YORKSHIRE = "E54000054";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired PeerGroups peers;
  @Autowired PublicPageCache cache;

  private Account person(String icbCode) {
    Account account =
        accounts.createAccount(
            "cache." + UUID.randomUUID() + "@example.org",
            "Cache Tester",
            "correct horse battery staple",
            false);
    if (icbCode != null) {
      accounts.grant(account.id(), icbCode, WorkspaceRole.VIEWER);
    }
    return account;
  }

  private MockHttpServletResponse page(String url, Account account, MockHttpSession session)
      throws Exception {
    return mvc.perform(get(url).with(user(accounts.userDetails(account.id()))).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse();
  }

  private String page(String url, Account account) throws Exception {
    return page(url, account, new MockHttpSession()).getContentAsString();
  }

  private void forget() {
    cache.onPublicPagesChanged(new PublicPagesChanged("test"));
  }

  /** The page with the CSRF token, which is masked afresh on every rendering, left out. */
  private static String withoutToken(String html) {
    return CSRF.matcher(html).replaceAll("name=\"_csrf\" value=\"\"");
  }

  private static String token(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aSignedInPersonGetsFromTheCacheThePageTheyWouldGetRenderedFromScratch() throws Exception {
    PeerGroup group =
        peers.create(
            YORKSHIRE,
            "Cache test alliance " + UUID.randomUUID(),
            PeerGroup.Kind.GEOGRAPHIC,
            null,
            null,
            List.of(YORKSHIRE, WEST_YORKSHIRE));
    String option = "value=\"group-" + group.id() + "\"";
    // Two people in the workspace see the unpublished group; two outside it do not.
    List<List<Account>> audiences =
        List.of(List.of(person(YORKSHIRE), person(YORKSHIRE)), List.of(person(null), person(null)));
    for (List<Account> audience : audiences) {
      boolean insider = audience == audiences.get(0);
      List<String> urls =
          insider
              ? List.of(
                  "/ics/" + YORKSHIRE + "/profile",
                  "/ics/" + YORKSHIRE + "/profile?comparator=group-" + group.id(),
                  "/ics/" + YORKSHIRE + "/profile/themes/employment?comparator=group-" + group.id())
              : List.of(
                  "/ics/" + YORKSHIRE + "/profile",
                  "/ics/" + YORKSHIRE + "/profile/themes/employment?comparator=neighbours");
      for (String url : urls) {
        forget();
        page(url, audience.get(0));
        assertThat(cache.sizes()[1]).as(url).isEqualTo(1);
        MockHttpServletResponse cached = page(url, audience.get(1), new MockHttpSession());
        // Still one body: the second person was served the first one's.
        assertThat(cache.sizes()[1]).as(url).isEqualTo(1);
        forget();
        MockHttpServletResponse scratch = page(url, audience.get(1), new MockHttpSession());

        assertThat(withoutToken(cached.getContentAsString()))
            .as(url)
            .isEqualTo(withoutToken(scratch.getContentAsString()));
        assertThat(cached.getContentType()).isEqualTo(scratch.getContentType());
        assertThat(cached.getHeader("Content-Language"))
            .isEqualTo(scratch.getHeader("Content-Language"));
        assertThat(cached.getContentAsString())
            .contains(audience.get(1).email(), "Sign out")
            .doesNotContain(audience.get(0).email());
        if (insider) {
          assertThat(cached.getContentAsString()).contains(option);
        } else {
          assertThat(cached.getContentAsString()).doesNotContain(option);
        }
      }
    }
    peers.delete(YORKSHIRE, group.id());
  }

  @Test
  void everySignedInPersonGetsTheOverviewBodyKeptForAllInsideTheirOwnHeader() throws Exception {
    // The ICS overview, with its neighbourhood map, shows nothing that depends on who is asking.
    Account first = person(YORKSHIRE);
    Account second = person(null);
    for (String url : List.of("/ics/QWO", "/ics/QWO?map=rurality")) {
      forget();
      page(url, first);
      assertThat(cache.sizes()[1]).as(url).isEqualTo(1);
      MockHttpServletResponse cached = page(url, second, new MockHttpSession());
      assertThat(cache.sizes()[1]).as(url).isEqualTo(1);
      forget();
      MockHttpServletResponse scratch = page(url, second, new MockHttpSession());

      assertThat(withoutToken(cached.getContentAsString()))
          .as(url)
          .isEqualTo(withoutToken(scratch.getContentAsString()));
      assertThat(cached.getContentAsString())
          .contains(second.email(), "Sign out", "id=\"lsoa-map-title\"")
          .doesNotContain(first.email());
    }
    // An unknown measure has no audience: rendered from scratch, it answers 400.
    forget();
    mvc.perform(
            get("/ics/QWO?map=postcode")
                .with(user(accounts.userDetails(first.id())))
                .session(new MockHttpSession()))
        .andExpect(status().isBadRequest());
    assertThat(cache.sizes()[1]).isZero();
  }

  @Test
  void aCachedPageIsSentCompressedToASignedInPersonWhoAcceptsGzipAndReadsTheSame()
      throws Exception {
    String url = "/ics/QWO";
    Account someone = person(null);
    forget();
    String plain = page(url, someone);
    assertThat(cache.sizes()[1]).isEqualTo(1);

    MockHttpServletResponse compressed =
        mvc.perform(
                get(url)
                    .header("Accept-Encoding", "gzip, deflate, br")
                    .with(user(accounts.userDetails(someone.id())))
                    .session(new MockHttpSession()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();

    assertThat(compressed.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(compressed.getHeader("Vary")).contains("Accept-Encoding");
    byte[] gzipped = compressed.getContentAsByteArray();
    assertThat(compressed.getContentLength()).isEqualTo(gzipped.length);
    String unzipped;
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(gzipped.length).isLessThan(unzipped.length() / 4);
    assertThat(withoutToken(unzipped)).isEqualTo(withoutToken(plain));
    assertThat(unzipped).contains(someone.email(), "Sign out", "id=\"lsoa-map-title\"");
    // Without gzip in Accept-Encoding the same page comes uncompressed.
    MockHttpServletResponse identity =
        mvc.perform(
                get(url)
                    .header("Accept-Encoding", "identity")
                    .with(user(accounts.userDetails(someone.id())))
                    .session(new MockHttpSession()))
            .andReturn()
            .getResponse();
    assertThat(identity.getHeader("Content-Encoding")).isNull();
    assertThat(withoutToken(identity.getContentAsString())).isEqualTo(withoutToken(plain));
  }

  @Test
  void theSignOutFormOnACachedPageCarriesATokenOfThePersonsOwnSession() throws Exception {
    String url = "/ics/QYG/profile?comparator=neighbours";
    Account first = person(null);
    Account second = person(null);
    MockHttpSession firstSession = new MockHttpSession();
    MockHttpSession secondSession = new MockHttpSession();
    forget();
    String firstPage = page(url, first, firstSession).getContentAsString();
    String secondPage = page(url, second, secondSession).getContentAsString();
    assertThat(cache.sizes()[1]).isEqualTo(1);

    // The first person's token is no good in the second person's session; their own is.
    mvc.perform(
            post("/sign-out")
                .session(secondSession)
                .with(user(accounts.userDetails(second.id())))
                .param("_csrf", token(firstPage)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/sign-out")
                .session(secondSession)
                .with(user(accounts.userDetails(second.id())))
                .param("_csrf", token(secondPage)))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void creatingPublishingUnpublishingAndDeletingAGroupShowsOnTheNextPage() throws Exception {
    // The group is offered on the profile of the system whose workspace saved it.
    String url = "/ics/" + YORKSHIRE + "/profile";
    Account insider = person(YORKSHIRE);
    Account outsider = person(null);
    page(url, insider);
    page(url, outsider);

    PeerGroup group =
        peers.create(
            YORKSHIRE,
            "Cache lifecycle group " + UUID.randomUUID(),
            PeerGroup.Kind.GEOGRAPHIC,
            null,
            null,
            List.of(YORKSHIRE, WEST_YORKSHIRE));
    String option = "value=\"group-" + group.id() + "\"";
    assertThat(page(url, insider)).contains(option, "(seen only in the workspace)");
    assertThat(page(url, outsider)).doesNotContain(option);

    peers.publish(YORKSHIRE, group.id(), true);
    assertThat(page(url, outsider)).contains(option, group.name());
    assertThat(page(url + "?comparator=group-" + group.id(), outsider))
        .contains("Compared with England and with " + group.name() + ".");

    peers.publish(YORKSHIRE, group.id(), false);
    assertThat(page(url, outsider)).doesNotContain(option);
    mvc.perform(
            get(url + "?comparator=group-" + group.id())
                .with(user(accounts.userDetails(outsider.id()))))
        .andExpect(status().isBadRequest());
    assertThat(page(url, insider)).contains(option);

    peers.delete(YORKSHIRE, group.id());
    assertThat(page(url, insider)).doesNotContain(option);
  }

  @Test
  void parametersThePageDoesNotReadAddNoPages() throws Exception {
    Account someone = person(null);
    forget();
    for (int i = 0; i < 20; i++) {
      page("/ics/QYG/profile?x=" + i, someone);
      mvc.perform(get("/ics/QYG/profile?x=" + i)).andExpect(status().isOk());
    }
    assertThat(cache.sizes()).containsExactly(1, 1);
    page("/ics/QYG/profile?x=1&comparator=region", someone);
    assertThat(cache.sizes()).containsExactly(1, 2);
  }
}
