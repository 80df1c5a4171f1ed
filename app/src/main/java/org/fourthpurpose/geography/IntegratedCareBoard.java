package org.fourthpurpose.geography;

/**
 * An integrated care board: the NHS body of one integrated care system (ICS).
 *
 * @param code ONS code (E54…, April 2024)
 * @param odsCode NHS Organisation Data Service code (e.g. QYG)
 * @param name official name, e.g. "NHS Cheshire and Merseyside Integrated Care Board"
 * @param regionCode the ONS region holding most of its population
 * @param population Census 2021 usual residents of its LSOAs
 */
public record IntegratedCareBoard(
    String code, String odsCode, String name, String regionCode, long population) {

  /** The name people use, e.g. "Cheshire and Merseyside". */
  public String shortName() {
    String shortName = name;
    if (shortName.startsWith("NHS ")) {
      shortName = shortName.substring(4);
    }
    if (shortName.endsWith(" Integrated Care Board")) {
      shortName = shortName.substring(0, shortName.length() - " Integrated Care Board".length());
    }
    return shortName;
  }
}
