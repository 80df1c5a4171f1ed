package org.fourthpurpose.indicator;

import java.util.List;
import java.util.Optional;

/**
 * ONS's lists of the local authority districts most similar to each district, a comparator for
 * districts beside England and the region: see {@link #METHOD}.
 */
public interface SimilarAreas {

  /** ONS's method in our words, with where it is published. */
  String METHOD =
      "ONS's statistical nearest neighbours: ONS puts 29 local indicators (on the economy,"
          + " connectivity, education and skills, health and well-being, and population) on one scale"
          + " for every local authority in the UK and lists for each district the 20 others closest to"
          + " it across all of them (the overall, or global, model; ONS also publishes economic and"
          + " demographic ones)."
          + " We use the overall list as ONS's Explore Local Statistics shows it, keep the English"
          + " districts in it (areas in Wales, Scotland and Northern Ireland have no values here)"
          + " and show them under the 2024 district codes the product uses (Barnsley and"
          + " Sheffield are listed under their 2025 codes). Source: ONS, Clustering similar local"
          + " authorities and statistical nearest neighbours in the UK, methodology (2025).";

  String METHOD_URL =
      "https://www.ons.gov.uk/peoplepopulationandcommunity/wellbeing/methodologies/clusteringsimilarlocalauthoritiesandstatisticalnearestneighboursintheukmethodology";

  /**
   * A district's similar areas in ONS's order (most similar first), English districts only.
   *
   * @param outsideEngland how many of ONS's list are in Wales, Scotland or Northern Ireland
   */
  record SimilarAreaList(String districtCode, List<String> similar, int outsideEngland) {
    public SimilarAreaList {
      similar = List.copyOf(similar);
    }
  }

  /** The list for a 2024 district code, or empty when ONS publishes none for it. */
  Optional<SimilarAreaList> similarTo(String districtCode);
}
