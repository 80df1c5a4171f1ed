package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.Filter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.ui.ExtendedModelMap;

/**
 * OIDC sign-in is off unless its issuer and client id are set, and a provider that cannot be
 * reached neither stops the service nor breaks its local sign-in.
 */
class OidcSignInConfigurationTest {

  /** The web chain's own collaborators, without a database or the rest of the application. */
  @EnableWebSecurity
  static class Collaborators {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    JdbcClient jdbc() {
      return JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:oidc-configuration"));
    }
  }

  final WebApplicationContextRunner application =
      new WebApplicationContextRunner()
          .withUserConfiguration(
              Collaborators.class,
              SecurityConfiguration.class,
              AccountService.class,
              org.fourthpurpose.audit.AuditLog.class,
              SignInThrottle.class,
              AccountIdentities.class,
              OidcAccountLinking.class,
              OidcSignIn.class);

  static boolean hasOidcFilters(SecurityFilterChain chain) {
    return chain.getFilters().stream()
        .anyMatch(
            f ->
                f instanceof OAuth2AuthorizationRequestRedirectFilter
                    || f instanceof OAuth2LoginAuthenticationFilter);
  }

  @Test
  void withNoOidcVariablesTheServiceStartsWithLocalSignInOnly() {
    application.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(OidcSignIn.class).isEnabled()).isFalse();
          assertThat(hasOidcFilters(context.getBean("webChain", SecurityFilterChain.class)))
              .isFalse();
        });
  }

  @Test
  void anIssuerWithoutAClientIdIsNotEnough() {
    application
        .withPropertyValues("fp.oidc.issuer-uri=https://login.microsoftonline.com/tenant/v2.0")
        .run(
            context -> {
              assertThat(context.getBean(OidcSignIn.class).isEnabled()).isFalse();
              assertThat(hasOidcFilters(context.getBean("webChain", SecurityFilterChain.class)))
                  .isFalse();
            });
  }

  @Test
  void anUnreachableProviderDoesNotStopTheServiceStarting() {
    application
        .withPropertyValues(
            "fp.oidc.issuer-uri=http://127.0.0.1:9/unreachable",
            "fp.oidc.client-id=fourth-purpose",
            "fp.oidc.name=NHSmail")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              OidcSignIn oidc = context.getBean(OidcSignIn.class);
              assertThat(oidc.isEnabled()).isTrue();
              assertThat(oidc.name()).isEqualTo("NHSmail");
              assertThat(hasOidcFilters(context.getBean("webChain", SecurityFilterChain.class)))
                  .isTrue();
              assertThat(oidc.registrations().findByRegistrationId("oidc")).isNull();

              MockHttpServletRequest start =
                  new MockHttpServletRequest("GET", "/oauth2/authorization/oidc");
              MockHttpServletResponse response = new MockHttpServletResponse();
              context
                  .getBean("springSecurityFilterChain", Filter.class)
                  .doFilter(start, response, new MockFilterChain());
              assertThat(response.getRedirectedUrl()).isEqualTo("/sign-in?problem");
              assertThat(SignInProblem.take(start))
                  .isEqualTo(
                      "Signing in with NHSmail is not available at the moment. Sign in with your"
                          + " email address and password, or try again later.");
            });
  }

  @Test
  void theSignInPageOffersNoProviderWhenNoneIsConfigured() {
    AccountController controller =
        new AccountController(
            null,
            null,
            null,
            null,
            java.util.List.of(),
            new OidcSignIn(OidcProperties.none(), null, Clock.systemUTC()));
    ExtendedModelMap model = new ExtendedModelMap();

    assertThat(controller.signIn(new MockHttpServletRequest(), model)).isEqualTo("account/sign-in");
    assertThat(model).doesNotContainKey("oidc");
  }

  @Test
  void readsTheProvidersDiscoveryDocumentOnFirstUseAndAsksAgainOnlyAfterAWhile() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    AtomicReference<String> discovery = new AtomicReference<>();
    HttpServer provider =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext(
        "/.well-known/openid-configuration",
        exchange -> {
          asked.incrementAndGet();
          byte[] body =
              discovery.get() == null
                  ? new byte[0]
                  : discovery.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(discovery.get() == null ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
    try {
      String issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
      MovableClock clock = new MovableClock();
      OidcClientRegistrations registrations =
          new OidcClientRegistrations(
              new OidcProperties(issuer, "fp", "secret", "NHSmail", "openid email", false), clock);

      assertThat(registrations.findByRegistrationId("oidc")).isNull();
      assertThat(registrations.findByRegistrationId("oidc")).isNull();
      assertThat(asked).hasValue(1);

      discovery.set(
          """
          {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize",
           "token_endpoint": "%1$s/token", "jwks_uri": "%1$s/keys",
           "userinfo_endpoint": "%1$s/userinfo", "response_types_supported": ["code"],
           "subject_types_supported": ["public"],
           "id_token_signing_alg_values_supported": ["RS256"]}
          """
              .formatted(issuer));
      clock.advance(OidcClientRegistrations.RETRY_AFTER.minusSeconds(1));
      assertThat(registrations.findByRegistrationId("oidc")).isNull();
      clock.advance(Duration.ofSeconds(1));
      ClientRegistration registration = registrations.findByRegistrationId("oidc");

      assertThat(registration).isNotNull();
      assertThat(registration.getClientId()).isEqualTo("fp");
      assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "email");
      assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(issuer + "/token");
      assertThat(registration.getRedirectUri())
          .isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
      assertThat(registrations.findByRegistrationId("oidc")).isSameAs(registration);
      assertThat(registrations.findByRegistrationId("github")).isNull();
      assertThat(asked).hasValue(2);
    } finally {
      provider.stop(0);
    }
  }

  @Test
  void continuesOnlyToPathsOnThisService() {
    assertThat(OidcContinuation.isLocalPath("/invitations/abc?x=1")).isTrue();
    assertThat(OidcContinuation.isLocalPath("/")).isTrue();
    for (String elsewhere :
        new String[] {
          null,
          "",
          "invitations",
          "//evil.example",
          "/\\evil.example",
          "https://evil.example",
          "/a\r\nSet-Cookie: x=1",
          "/" + "a".repeat(2000)
        }) {
      assertThat(OidcContinuation.isLocalPath(elsewhere)).as(elsewhere).isFalse();
    }
    assertThat(new OidcSignIn(OidcProperties.none(), null, Clock.systemUTC()).startPath("/a b"))
        .isEqualTo("/oauth2/authorization/oidc?continue=%2Fa+b");
  }

  @Test
  void scopesAlwaysIncludeOpenidAndDefaultToProfileAndEmail() {
    assertThat(OidcProperties.none().scopeList()).containsExactly("openid", "profile", "email");
    assertThat(
            new OidcProperties("i", "c", "s", "n", "email, profile User.Read", false).scopeList())
        .containsExactly("openid", "email", "profile", "User.Read");
    assertThat(OidcProperties.none().name()).isEqualTo("your organisation's account");
    assertThat(new OidcProperties(" i ", " ", null, null, null, false).configured()).isFalse();
  }

  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-04-01T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
