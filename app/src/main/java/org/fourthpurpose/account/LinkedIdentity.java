package org.fourthpurpose.account;

import java.time.Instant;

/**
 * An OpenID Connect identity linked to an account: the provider ({@code issuer}) and its permanent
 * id for the person ({@code subject}), which find the account on every sign-in after the first.
 *
 * @param email the address the provider gave at the latest sign-in; may be null
 */
public record LinkedIdentity(
    String issuer, String subject, String email, Instant linkedAt, Instant lastUsedAt) {}
