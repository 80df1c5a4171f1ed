package org.fourthpurpose.account;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in through an OpenID Connect provider (Microsoft Entra ID, or any other), bound from {@code
 * fp.oidc.*}, which {@code application.properties} fills from the {@code FP_OIDC_*} environment
 * variables. Off unless both the issuer and the client id are set; blank values mean "not set".
 *
 * @param issuerUri the provider's issuer, whose {@code /.well-known/openid-configuration} is read
 *     on the first sign-in, e.g. {@code https://login.microsoftonline.com/<tenant-id>/v2.0}
 * @param clientId the client (application) id registered with the provider
 * @param clientSecret the client secret registered with the provider
 * @param name what the sign-in button calls the provider ("Sign in with ..."), e.g. "NHSmail"
 * @param scopes the scopes asked for, comma or space separated; {@code openid profile email} when
 *     blank
 * @param trustEmailClaim whether the provider's {@code email} claim identifies the person even
 *     without {@code email_verified=true}: only for a provider whose one organisation controls
 *     every address it issues, such as a single-tenant Entra ID issuer
 */
@ConfigurationProperties(prefix = "fp.oidc")
public record OidcProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    String name,
    String scopes,
    boolean trustEmailClaim) {

  /** The button label's provider name when none is configured. */
  public static final String DEFAULT_NAME = "your organisation's account";

  public OidcProperties {
    issuerUri = blankToEmpty(issuerUri);
    clientId = blankToEmpty(clientId);
    clientSecret = blankToEmpty(clientSecret);
    name = blankToEmpty(name).isEmpty() ? DEFAULT_NAME : name.strip();
    scopes = blankToEmpty(scopes);
  }

  /** OIDC sign-in switched off, as when no {@code FP_OIDC_*} variable is set. */
  public static OidcProperties none() {
    return new OidcProperties(null, null, null, null, null, false);
  }

  /** Whether the issuer and the client id are both set, so OIDC sign-in is offered. */
  public boolean configured() {
    return !issuerUri.isEmpty() && !clientId.isEmpty();
  }

  /** The scopes to ask for; always includes {@code openid}. */
  public List<String> scopeList() {
    List<String> listed =
        Arrays.stream(scopes.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    if (listed.isEmpty()) {
      return List.of("openid", "profile", "email");
    }
    return listed.contains("openid")
        ? listed
        : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), listed.stream())
            .toList();
  }

  private static String blankToEmpty(String value) {
    return value == null || value.isBlank() ? "" : value.strip();
  }
}
