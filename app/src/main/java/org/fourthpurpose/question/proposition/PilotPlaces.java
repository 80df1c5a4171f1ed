package org.fourthpurpose.question.proposition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.LadIcbPart;
import org.fourthpurpose.geography.SubIcbLocation;
import org.springframework.stereotype.Component;

/**
 * The places a pilot may run in: the system's sub-ICB locations and its local authority districts
 * (a district split between systems counts for each, named as such).
 */
@Component
public class PilotPlaces {

  /** A place a pilot can run in. */
  public record Place(String code, String name, String kind) {}

  private final Geography geography;

  PilotPlaces(Geography geography) {
    this.geography = geography;
  }

  /** Sub-ICB locations first, then districts, each by name. */
  public List<Place> of(String icbCode) {
    List<Place> places = new ArrayList<>();
    geography.subIcbsOf(icbCode).stream()
        .sorted(Comparator.comparing(SubIcbLocation::displayName))
        .forEach(s -> places.add(new Place(s.code(), s.displayName(), "sub-icb")));
    List<Place> districts = new ArrayList<>();
    for (LadIcbPart part : geography.ladPartsOf(icbCode)) {
      geography
          .lad(part.ladCode())
          .ifPresent(
              lad ->
                  districts.add(
                      new Place(
                          lad.code(),
                          lad.name() + (part.populationShare() < 0.999 ? " (part)" : ""),
                          "district")));
    }
    districts.sort(Comparator.comparing(Place::name));
    places.addAll(districts);
    return places;
  }

  /** The system's places by code. */
  public Map<String, Place> byCode(String icbCode) {
    Map<String, Place> byCode = new LinkedHashMap<>();
    of(icbCode).forEach(p -> byCode.put(p.code(), p));
    return byCode;
  }
}
