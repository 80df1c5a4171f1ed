package org.fourthpurpose.maturity;

/**
 * A milestone as typed into the form or sent to the API, not yet checked.
 *
 * @param partners partner organisations, one per line (or comma separated)
 * @param dueDate ISO date, e.g. 2027-03-31
 */
public record MilestoneInput(
    String areaId,
    String targetLevel,
    String action,
    String owner,
    String partners,
    String dueDate,
    String status,
    Integer version) {}
