package org.fourthpurpose;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * An OpenID Connect provider for the integration tests: Spring Authorization Server with its own
 * sign-in form, on a random port of 127.0.0.1 in the test JVM. It starts once, before the shared
 * application context, which {@link Factory} points at it through {@code fp.oidc.*}, so the
 * application signs in through it as it would through Entra ID.
 *
 * <p>It is a bare servlet web server context (no auto-configuration, no configuration files), so it
 * starts in about a second. Its session cookie has its own name: cookies do not tell ports apart,
 * and the application runs on the same host. Tests add the people it knows with {@link #addPerson},
 * each with the email claims its ID tokens carry.
 */
public final class LocalAuthorizationServer {

  public static final String CLIENT_ID = "fourth-purpose";
  public static final String CLIENT_SECRET = "local-test-secret";
  public static final String NAME = "Local test provider";

  private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
  private static final InMemoryUserDetailsManager USERS = new InMemoryUserDetailsManager();
  private static volatile String issuer;

  private LocalAuthorizationServer() {}

  /** What the provider says about a person in their ID token. */
  public record Person(String email, Boolean emailVerified) {}

  /** The issuer URI, starting the server on first use. */
  public static synchronized String issuer() {
    if (issuer == null) {
      AnnotationConfigServletWebServerApplicationContext context =
          new AnnotationConfigServletWebServerApplicationContext(Server.class);
      context.registerShutdownHook();
      issuer = "http://127.0.0.1:" + context.getWebServer().getPort();
    }
    return issuer;
  }

  /**
   * Adds a person who can sign in with a username and password, whose ID tokens carry the email
   * address and, unless null, {@code email_verified}.
   */
  public static void addPerson(
      String username, String password, String email, Boolean emailVerified) {
    PEOPLE.put(username, new Person(email, emailVerified));
    USERS.createUser(User.withUsername(username).password("{noop}" + password).build());
  }

  /** Changes the email address the provider gives for a person from now on. */
  public static void changeEmail(String username, String email, Boolean emailVerified) {
    PEOPLE.put(username, new Person(email, emailVerified));
  }

  /** A username nobody has used in this run. */
  public static String newUsername(String hint) {
    return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The provider's beans. Not a {@code @Configuration}, so the application's component scan, which
   * sees test classes too, leaves it alone.
   */
  @EnableWebSecurity
  static class Server {

    @Bean
    TomcatServletWebServerFactory webServerFactory() throws UnknownHostException {
      TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
      factory.setAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      // Tomcat runs filters only for a request some servlet answers; the provider is all filters.
      factory.setRegisterDefaultServlet(true);
      factory.addContextCustomizers(
          context -> context.setSessionCookieName("TEST_PROVIDER_SESSION"));
      return factory;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      http.oauth2AuthorizationServer(
              server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
              })
          .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
          .exceptionHandling(
              exceptions ->
                  exceptions.authenticationEntryPoint(
                      new LoginUrlAuthenticationEntryPoint("/login")));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
      http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults());
      return http.build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
      return USERS;
    }

    @Bean
    RegisteredClientRepository clients() {
      RegisteredClient client =
          RegisteredClient.withId(CLIENT_ID)
              .clientId(CLIENT_ID)
              .clientSecret("{noop}" + CLIENT_SECRET)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              // A loopback redirect may come from any port (RFC 8252), so the application's random
              // port needs no registering.
              .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
              .scope(OidcScopes.OPENID)
              .scope(OidcScopes.PROFILE)
              .scope(OidcScopes.EMAIL)
              .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
              .build();
      return new InMemoryRegisteredClientRepository(client);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
      return context -> {
        if (!"id_token".equals(context.getTokenType().getValue())) {
          return;
        }
        Person person = PEOPLE.get(context.getPrincipal().getName());
        if (person == null) {
          return;
        }
        if (person.email() != null) {
          context.getClaims().claim("email", person.email());
        }
        if (person.emailVerified() != null) {
          context.getClaims().claim("email_verified", person.emailVerified());
        }
      };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
      return AuthorizationServerSettings.builder().build();
    }
  }

  /**
   * Points the shared application context of every {@link ApplicationTest} at this provider. The
   * customizer is equal for every such test, so they keep sharing one context.
   */
  public static final class Factory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
        Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
      return AnnotatedElementUtils.hasAnnotation(testClass, ApplicationTest.class)
          ? new PointAtProvider()
          : null;
    }
  }

  private static final class PointAtProvider implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "localAuthorizationServer",
                  Map.of(
                      "fp.oidc.issuer-uri", issuer(),
                      "fp.oidc.client-id", CLIENT_ID,
                      "fp.oidc.client-secret", CLIENT_SECRET,
                      "fp.oidc.name", NAME)));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PointAtProvider;
    }

    @Override
    public int hashCode() {
      return PointAtProvider.class.hashCode();
    }
  }
}
