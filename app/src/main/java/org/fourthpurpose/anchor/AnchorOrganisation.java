package org.fourthpurpose.anchor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An organisation in a workspace's anchor register.
 *
 * @param identifiers the identifiers it has, by key: {@code ods}, {@code gss}, {@code ukprn},
 *     {@code charity}, {@code company} (only those present)
 * @param places the codes of the local authority districts it serves
 * @param activityShare for an NHS trust, the share of its activity (patients) from this system, 0
 *     to 1; otherwise null
 * @param seeded whether it came from the shipped data rather than a person
 */
public record AnchorOrganisation(
    long id,
    String icbCode,
    String name,
    OrganisationType type,
    Map<String, String> identifiers,
    Integer staff,
    BigDecimal annualNonPaySpend,
    List<String> places,
    String contactOwner,
    BigDecimal activityShare,
    boolean seeded) {

  public static final String ODS = "ods";
  public static final String GSS = "gss";
  public static final String UKPRN = "ukprn";
  public static final String CHARITY = "charity";
  public static final String COMPANY = "company";

  public AnchorOrganisation {
    identifiers = Map.copyOf(identifiers);
    places = List.copyOf(places);
  }
}
