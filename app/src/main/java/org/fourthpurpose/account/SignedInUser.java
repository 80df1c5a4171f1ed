package org.fourthpurpose.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal for a signed-in person or a token; workspace roles are checked fresh on
 * each request. A person who signed in through the OIDC provider is the same principal with the
 * provider's tokens attached ({@link OidcSignedInUser}), so nothing else needs to know how they
 * signed in.
 */
public sealed class SignedInUser implements UserDetails permits OidcSignedInUser {

  private final Account account;
  private final String passwordHash;

  SignedInUser(Account account, String passwordHash) {
    this.account = account;
    this.passwordHash = passwordHash;
  }

  Account account() {
    return account;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    if (account.platformAdmin()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
    }
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return account.email();
  }

  /** The name shown in the header. */
  public String getDisplayName() {
    return account.displayName();
  }

  @Override
  public boolean isEnabled() {
    return account.enabled();
  }
}
