package org.fourthpurpose.question;

import java.time.Instant;

/**
 * One relationship audit of a workspace, as the plan page lists it.
 *
 * @param id the audit's id
 * @param title its title
 * @param status {@code draft} (questions being edited, no links yet), {@code open} (links sent,
 *     taking responses) or {@code closed}
 * @param respondents how many responded, or null while fewer than 5 have (never shown below 5)
 * @param resultsLink the workspace page of its results, e.g. {@code
 *     /workspaces/E54000008/audits/3/results}
 * @param createdAt when it was created
 * @param closedAt when it was closed, or null
 */
public record AuditSummary(
    long id,
    String title,
    String status,
    Integer respondents,
    String resultsLink,
    Instant createdAt,
    Instant closedAt) {}
