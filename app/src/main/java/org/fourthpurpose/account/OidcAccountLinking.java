package org.fourthpurpose.account;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a person the OIDC provider has authenticated into the local account they sign in as. Never
 * creates an account: the account must exist (made by an administrator or an invitation).
 *
 * <ol>
 *   <li>An identity linked before (the provider's issuer and subject) signs in as its account, even
 *       if the provider's email address has changed since.
 *   <li>Otherwise the account is found by the provider's email address, and the identity is linked
 *       to it for next time, only when the provider vouches for the address: {@code
 *       email_verified=true}, Entra ID's {@code xms_edov=true} (the address's domain is verified by
 *       its owner), or {@code FP_OIDC_TRUST_EMAIL_CLAIM=true} for a provider whose one organisation
 *       controls every address it issues.
 *   <li>An account already linked to another identity at the same provider is not linked again.
 *   <li>A disabled account cannot sign in, whichever way it is found.
 * </ol>
 *
 * Each refusal is an {@link OAuth2AuthenticationException} whose description is the message shown
 * on the sign-in page.
 */
@Component
class OidcAccountLinking implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** Starts the error code of every refusal here. */
  static final String CODE_PREFIX = "fp_";

  static final String NO_EMAIL = "fp_no_email";
  static final String EMAIL_NOT_VERIFIED = "fp_email_not_verified";
  static final String NO_ACCOUNT = "fp_no_account";
  static final String ACCOUNT_DISABLED = "fp_account_disabled";
  static final String LINKED_ELSEWHERE = "fp_linked_to_another_identity";
  private static final Logger log = LoggerFactory.getLogger(OidcAccountLinking.class);

  private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
  private final AccountService accounts;
  private final AccountIdentities identities;
  private final OidcProperties properties;

  OidcAccountLinking(
      AccountService accounts, AccountIdentities identities, OidcProperties properties) {
    this.provider = new OidcUserService();
    this.accounts = accounts;
    this.identities = identities;
    this.properties = properties;
  }

  /**
   * Not one transaction: the provider's user information is fetched over HTTP first, and the
   * table's keys settle two sign-ins racing to link.
   */
  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser provided = provider.loadUser(request);
    String issuer = String.valueOf(provided.getIssuer());
    String subject = provided.getSubject();
    String email = provided.getEmail() == null ? null : provided.getEmail().strip();
    Optional<Long> linked = identities.accountOf(issuer, subject);
    Account account;
    if (linked.isPresent()) {
      account = accounts.find(linked.get()).orElseThrow();
      requireEnabled(account);
      identities.signedIn(issuer, subject, email);
    } else {
      account = accountByEmail(provided, email);
      requireEnabled(account);
      if (identities.atIssuer(account.id(), issuer).isPresent()) {
        log.warn(
            "Refused OIDC sign-in of subject {} at {}: account {} is linked to another identity there",
            subject,
            issuer,
            account.id());
        throw linkedElsewhere();
      }
      try {
        identities.link(account.id(), issuer, subject, email);
      } catch (DuplicateKeyException e) {
        // Another sign-in linked first: the same person's (fine) or another identity's (refused).
        if (!identities.accountOf(issuer, subject).equals(Optional.of(account.id()))) {
          throw linkedElsewhere();
        }
      }
      log.info("Linked an OIDC identity at {} to account {}", issuer, account.id());
    }
    return new OidcSignedInUser(account, null, provided);
  }

  private OAuth2AuthenticationException linkedElsewhere() {
    return refusal(
        LINKED_ELSEWHERE,
        "Your account is already linked to a different "
            + properties.name()
            + " identity. Ask your platform administrator to remove the old link.");
  }

  private Account accountByEmail(OidcUser provided, String email) {
    if (email == null || email.isEmpty()) {
      throw refusal(
          NO_EMAIL,
          properties.name()
              + " did not share your email address, so your account cannot be found. Ask your"
              + " platform administrator to check how sign-in is set up.");
    }
    if (!vouchesFor(provided)) {
      throw refusal(
          EMAIL_NOT_VERIFIED,
          properties.name()
              + " has not confirmed that the email address "
              + email
              + " is yours, so it cannot be used to find your account. Sign in with your email"
              + " address and password, or ask your ICS administrator.");
    }
    return accounts
        .findByEmail(email)
        .orElseThrow(
            () ->
                refusal(
                    NO_ACCOUNT,
                    "No account here uses the email address "
                        + email
                        + ". Ask your ICS administrator for an invitation."));
  }

  private boolean vouchesFor(OidcUser provided) {
    return isTrue(provided, "email_verified")
        || isTrue(provided, "xms_edov")
        || properties.trustEmailClaim();
  }

  /** Whether a claim is true, whether the provider sends it as a boolean or as text. */
  private static boolean isTrue(OidcUser provided, String claim) {
    try {
      return Boolean.TRUE.equals(provided.getClaimAsBoolean(claim));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void requireEnabled(Account account) {
    if (!account.enabled()) {
      throw refusal(
          ACCOUNT_DISABLED,
          "Your account has been switched off, so you cannot sign in. Ask your ICS administrator.");
    }
  }

  private static OAuth2AuthenticationException refusal(String code, String message) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
  }
}
