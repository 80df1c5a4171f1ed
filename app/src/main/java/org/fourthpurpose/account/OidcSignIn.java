package org.fourthpurpose.account;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in through the installation's OpenID Connect provider, when one is configured ({@code
 * FP_OIDC_ISSUER_URI} and {@code FP_OIDC_CLIENT_ID}). Other pages, such as accepting an invitation,
 * use it to offer the provider's button: a link to {@link #startPath()}, which sends the person to
 * the provider and back signed in as the account with their verified email address (see {@link
 * OidcAccountLinking}).
 */
@Component
@EnableConfigurationProperties(OidcProperties.class)
public class OidcSignIn {

  private final OidcProperties properties;
  private final AccountIdentities identities;
  private final ClientRegistrationRepository registrations;

  OidcSignIn(OidcProperties properties, AccountIdentities identities, Clock clock) {
    this.properties = properties;
    this.identities = identities;
    this.registrations = new OidcClientRegistrations(properties, clock);
  }

  /** Whether the installation offers sign-in through an OIDC provider. */
  public boolean isEnabled() {
    return properties.configured();
  }

  /** What the button calls the provider: "Sign in with {name}". */
  public String name() {
    return properties.name();
  }

  /**
   * The path that starts a sign-in at the provider (a plain link, GET). Afterwards the person lands
   * on the page they asked for before signing in, or on their account page.
   */
  public String startPath() {
    return "/oauth2/authorization/" + OidcClientRegistrations.REGISTRATION_ID;
  }

  /**
   * The path that starts a sign-in at the provider and, once signed in, continues to a page of this
   * service (such as the invitation being accepted). A {@code continueTo} that is not a path on
   * this service is ignored.
   */
  public String startPath(String continueTo) {
    return startPath()
        + "?"
        + OidcContinuation.PARAMETER
        + "="
        + java.net.URLEncoder.encode(continueTo, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The provider identities linked to an account, oldest first. */
  public List<LinkedIdentity> linkedIdentities(long accountId) {
    return identities.ofAccount(accountId);
  }

  /**
   * Removes the link between an account and a provider identity: the identity then finds the
   * account again only by a verified email address, and another identity may be linked instead (for
   * a person whose account at the provider was replaced). Returns false when there was no such
   * link.
   */
  public boolean unlink(long accountId, String issuer, String subject) {
    return identities.unlink(accountId, issuer, subject);
  }

  /** Whether an identity from this installation's provider is the one linked. */
  public boolean isThisProvider(LinkedIdentity identity) {
    return identity.issuer().equals(properties.issuerUri())
        || identity.issuer().equals(properties.issuerUri() + "/");
  }

  ClientRegistrationRepository registrations() {
    return registrations;
  }

  OidcProperties properties() {
    return properties;
  }
}
