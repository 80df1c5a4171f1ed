package org.fourthpurpose.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one OIDC client registration, read from the provider's discovery document on first use rather
 * than at start-up: a provider that cannot be reached must not stop the service, whose local
 * sign-in still works. While the provider is unreachable it answers {@code null} (OIDC sign-in
 * unavailable) and asks again at most every {@link #RETRY_AFTER}.
 */
final class OidcClientRegistrations implements ClientRegistrationRepository {

  static final String REGISTRATION_ID = "oidc";
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(OidcClientRegistrations.class);

  private final OidcProperties properties;
  private final Clock clock;
  private ClientRegistration registration;
  private Instant failedAt;

  OidcClientRegistrations(OidcProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!REGISTRATION_ID.equals(registrationId) || !properties.configured()) {
      return null;
    }
    return resolve();
  }

  private synchronized ClientRegistration resolve() {
    if (registration != null) {
      return registration;
    }
    Instant now = clock.instant();
    if (failedAt != null && now.isBefore(failedAt.plus(RETRY_AFTER))) {
      return null;
    }
    try {
      registration =
          ClientRegistrations.fromIssuerLocation(properties.issuerUri())
              .registrationId(REGISTRATION_ID)
              .clientId(properties.clientId())
              .clientSecret(properties.clientSecret())
              .scope(properties.scopeList())
              .clientName(properties.name())
              // The address to register with the provider, as the README says.
              .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
              .build();
      failedAt = null;
      log.info("OpenID Connect sign-in uses the provider {}", properties.issuerUri());
      return registration;
    } catch (RuntimeException e) {
      failedAt = now;
      log.warn(
          "OpenID Connect sign-in is unavailable: cannot read the discovery document of {} ({});"
              + " local sign-in still works, and the provider is asked again in {} seconds",
          properties.issuerUri(),
          e.getMessage(),
          RETRY_AFTER.toSeconds());
      return null;
    }
  }
}
