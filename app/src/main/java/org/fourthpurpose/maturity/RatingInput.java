package org.fourthpurpose.maturity;

/**
 * A rating as typed into the form or sent to the API, not yet checked.
 *
 * @param evidenceLinks web addresses, one per line
 * @param version the version the assessor last saw; null or 0 for a first rating
 */
public record RatingInput(
    String areaId,
    String level,
    String fulfilment,
    String confidence,
    String evidence,
    String evidenceLinks,
    Integer version) {}
