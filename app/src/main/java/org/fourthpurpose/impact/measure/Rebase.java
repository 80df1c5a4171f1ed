package org.fourthpurpose.impact.measure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A date from which a measure's mean and limits are worked out afresh, because the process changed
 * (a new service, a new way of counting), with the reason a person gave.
 */
public record Rebase(long id, LocalDate date, String reason, String createdBy, Instant createdAt) {}
