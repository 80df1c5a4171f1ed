package org.fourthpurpose.account;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the OIDC provider: the local account's principal, as the sign-in form
 * gives, that also carries the provider's ID token and user information.
 */
final class OidcSignedInUser extends SignedInUser implements OidcUser {

  private final OidcUser provided;

  OidcSignedInUser(Account account, String passwordHash, OidcUser provided) {
    super(account, passwordHash);
    this.provided = provided;
  }

  @Override
  public Map<String, Object> getClaims() {
    return provided.getClaims();
  }

  @Override
  public OidcUserInfo getUserInfo() {
    return provided.getUserInfo();
  }

  @Override
  public OidcIdToken getIdToken() {
    return provided.getIdToken();
  }

  @Override
  public Map<String, Object> getAttributes() {
    return provided.getAttributes();
  }

  /** The account's email address, as for a form sign-in (shown in the header). */
  @Override
  public String getName() {
    return getUsername();
  }
}
