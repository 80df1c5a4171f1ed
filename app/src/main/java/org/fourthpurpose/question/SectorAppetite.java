package org.fourthpurpose.question;

/**
 * What one partner sector said about its appetite for working with the NHS and the integrated care
 * board, from a workspace's relationship audit, after disclosure control.
 *
 * @param sector the sector's code: an anchor {@code OrganisationType} code, e.g. {@code
 *     local-authority}
 * @param respondents how many of the sector responded, or null when the sector is suppressed (fewer
 *     than 5, or withheld so that it cannot be worked out from other figures)
 * @param meanAppetite the mean answer (1 to 5) to the template's appetite question, or null when
 *     fewer than 5 in the sector answered it or the figure is withheld
 */
public record SectorAppetite(String sector, Integer respondents, Double meanAppetite) {}
