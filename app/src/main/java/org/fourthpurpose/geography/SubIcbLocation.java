package org.fourthpurpose.geography;

/**
 * A sub-ICB location (E38…), a place within an ICB, successor of a clinical commissioning group.
 *
 * @param name the lookup's name, e.g. "NHS Cheshire and Merseyside ICB - 99A", which names no place
 * @param placeName the place it covers, from its districts ({@link SubIcbPlaceNames}), e.g.
 *     "Liverpool"
 */
public record SubIcbLocation(
    String code, String odsCode, String name, String icbCode, long population, String placeName) {

  /** The place with the ODS code after it, as pages show it: "Liverpool (99A)". */
  public String displayName() {
    return placeName + " (" + odsCode + ")";
  }
}
