package org.fourthpurpose.geography;

/**
 * Where {@link LsoaLocator} put a latitude and longitude: in a 2021 LSOA (inside its boundary, or
 * within {@link LsoaLocator#TOLERANCE_METRES} of it on a generalised coast), or nowhere, with the
 * reason.
 *
 * @param lsoaCode the LSOA, or null when not placed
 * @param metresOutside 0 when inside the boundary; otherwise how far outside the nearest LSOA's
 *     generalised boundary the point lies (rounded up), for a placement by nearness
 * @param unplaced why the point was not placed, or null when it was
 */
public record LsoaPlacement(String lsoaCode, int metresOutside, Unplaced unplaced) {

  /** Why a point was not placed in an LSOA. */
  public enum Unplaced {
    /** Not a latitude (−90 to 90) and longitude (−180 to 180) in degrees. */
    NOT_A_POSITION("is not a latitude and longitude in degrees"),
    /** Not inside or near any LSOA of England: in Wales, Scotland, another country or the sea. */
    OUTSIDE_ENGLAND(
        "is not in England: it is further than "
            + LsoaLocator.TOLERANCE_METRES
            + " m from every neighbourhood (LSOA) in England, so it is in Wales, Scotland, another"
            + " country or the sea");

    private final String sentence;

    Unplaced(String sentence) {
      this.sentence = sentence;
    }

    /** Says why, after the point's description ("52.1, -3.4 is not in England: …"). */
    public String sentence() {
      return sentence;
    }
  }

  /** Whether the point was placed in an LSOA. */
  public boolean placed() {
    return lsoaCode != null;
  }

  static LsoaPlacement inside(String lsoaCode) {
    return new LsoaPlacement(lsoaCode, 0, null);
  }

  static LsoaPlacement near(String lsoaCode, int metres) {
    return new LsoaPlacement(lsoaCode, metres, null);
  }

  static LsoaPlacement not(Unplaced reason) {
    return new LsoaPlacement(null, 0, reason);
  }
}
