package org.fourthpurpose.geography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names a sub-ICB location by the place it covers, since the lookup's names ("NHS Cheshire and
 * Merseyside ICB - 99A") name none. The districts that make it up (by the residents of its 2021
 * LSOAs, as in {@code lad24_to_sicbl24_derived_from_lsoa21.csv}) give the name:
 *
 * <ol>
 *   <li>a location holding at least {@value #WHOLE_ICB_SHARE} of its ICB's residents is named after
 *       the ICB ("Devon", "South West London");
 *   <li>otherwise its largest district, then each next one with at least {@value #NAMED_SHARE} of
 *       its residents, up to three, joined by commas ("Cheshire East, Cheshire West and Chester");
 *   <li>when those hold under {@value #ENOUGH_SHARE} of its residents, "and N more" counts the
 *       other districts with at least {@value #COUNTED_SHARE} ("Blaby, Harborough and 4 more").
 * </ol>
 *
 * <p>ONS names of the form "Bristol, City of" lose the suffix, so the commas only separate places.
 */
public final class SubIcbPlaceNames {

  static final double WHOLE_ICB_SHARE = 0.85;
  static final double NAMED_SHARE = 0.20;
  static final double ENOUGH_SHARE = 0.65;
  static final double COUNTED_SHARE = 0.05;
  private static final int MOST_NAMED = 3;

  private SubIcbPlaceNames() {}

  /** One district's residents within the location. */
  public record DistrictPart(String districtName, long population) {}

  /**
   * The place name of a location made of {@code parts}, within an ICB of {@code icbPopulation}
   * residents called {@code icbShortName}.
   *
   * @throws IllegalArgumentException if there are no parts or no residents
   */
  public static String of(List<DistrictPart> parts, String icbShortName, long icbPopulation) {
    long total = parts.stream().mapToLong(DistrictPart::population).sum();
    if (parts.isEmpty() || total <= 0) {
      throw new IllegalArgumentException("a sub-ICB location needs districts with residents");
    }
    if (icbPopulation > 0 && total >= WHOLE_ICB_SHARE * icbPopulation) {
      return icbShortName;
    }
    List<DistrictPart> largestFirst =
        parts.stream()
            .sorted(
                Comparator.comparingLong(DistrictPart::population)
                    .reversed()
                    .thenComparing(DistrictPart::districtName))
            .toList();
    List<String> named = new ArrayList<>();
    long namedPopulation = 0;
    int counted = 0;
    for (DistrictPart part : largestFirst) {
      double share = (double) part.population() / total;
      if (named.isEmpty() || (named.size() < MOST_NAMED && share >= NAMED_SHARE)) {
        named.add(placeName(part.districtName()));
        namedPopulation += part.population();
      } else if (share >= COUNTED_SHARE) {
        counted++;
      }
    }
    String name = String.join(", ", named);
    if ((double) namedPopulation / total < ENOUGH_SHARE && counted > 0) {
      name += " and " + counted + " more";
    }
    return name;
  }

  /** "Bristol, City of" → "Bristol"; "Herefordshire, County of" → "Herefordshire". */
  static String placeName(String districtName) {
    int comma = districtName.indexOf(", C");
    if (comma > 0 && (districtName.endsWith(", City of") || districtName.endsWith(", County of"))) {
      return districtName.substring(0, comma);
    }
    return districtName;
  }
}
