package org.fourthpurpose.indicator.shipped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.geography.Lsoa;

/**
 * The places values are rolled up to, read once per load through the geography feature: districts
 * and the parts of them in each ICB and region, with Census 2021 populations.
 */
final class Areas {

  static final String ENGLAND = "E92000001";

  final List<Lsoa> lsoas;
  final Map<String, IntegratedCareBoard> icbs = new TreeMap<>();
  final Map<String, String> districtRegion = new HashMap<>();
  final Map<String, String> districtRuralUrban = new HashMap<>();
  final Map<String, Long> icbPopulation = new TreeMap<>();
  final Map<String, Long> districtPopulation = new TreeMap<>();

  /** District parts by ICB (a split district has one part per ICB), by region and for England. */
  final List<PopulationWeightedRollUp.Part> icbParts = new ArrayList<>();

  final List<PopulationWeightedRollUp.Part> regionParts = new ArrayList<>();
  final List<PopulationWeightedRollUp.Part> englandParts = new ArrayList<>();

  Areas(Geography geography) {
    this.lsoas = geography.lsoasFromDatabase();
    for (IntegratedCareBoard icb : geography.icbs()) {
      icbs.put(icb.code(), icb);
    }
    for (LocalAuthorityDistrict lad : geography.lads()) {
      districtRegion.put(lad.code(), lad.regionCode());
      districtRuralUrban.put(lad.code(), lad.ruralUrban());
    }
    Map<String, Map<String, Long>> parts = new TreeMap<>();
    for (Lsoa lsoa : lsoas) {
      parts
          .computeIfAbsent(lsoa.icbCode(), k -> new TreeMap<>())
          .merge(lsoa.ladCode(), (long) lsoa.population(), Long::sum);
      icbPopulation.merge(lsoa.icbCode(), (long) lsoa.population(), Long::sum);
      districtPopulation.merge(lsoa.ladCode(), (long) lsoa.population(), Long::sum);
    }
    parts.forEach(
        (icb, lads) ->
            lads.forEach(
                (lad, population) ->
                    icbParts.add(new PopulationWeightedRollUp.Part(icb, lad, population))));
    districtPopulation.forEach(
        (lad, population) -> {
          regionParts.add(
              new PopulationWeightedRollUp.Part(districtRegion.get(lad), lad, population));
          englandParts.add(new PopulationWeightedRollUp.Part(ENGLAND, lad, population));
        });
  }

  boolean isDistrict(String code) {
    return districtPopulation.containsKey(code);
  }

  String regionOfIcb(String icbCode) {
    return icbs.get(icbCode).regionCode();
  }
}
