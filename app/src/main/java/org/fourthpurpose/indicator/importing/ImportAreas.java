package org.fourthpurpose.indicator.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.geography.Region;
import org.fourthpurpose.geography.SubIcbLocation;
import org.fourthpurpose.indicator.AreaLevel;

/**
 * The area codes an import may use: England, ONS regions, the April 2024 ICBs (ONS or ODS code),
 * sub-ICB locations and May 2024 districts. ODS codes are stored as the ICB's ONS code.
 */
final class ImportAreas {

  /** A known area: its code as stored, its level and its name. */
  record Area(String code, AreaLevel level, String name) {}

  private static final Map<String, String> RETIRED_ICB_CODES =
      Map.of(
          "E54000052", "E54000063 (Surrey Heartlands)",
          "E54000053", "E54000064 (Sussex)");

  private final Map<String, Area> areas = new HashMap<>();

  ImportAreas(Geography geography) {
    areas.put("E92000001", new Area("E92000001", AreaLevel.ENGLAND, "England"));
    for (Region region : geography.regions()) {
      areas.put(region.code(), new Area(region.code(), AreaLevel.REGION, region.name()));
    }
    for (IntegratedCareBoard icb : geography.icbs()) {
      Area area = new Area(icb.code(), AreaLevel.ICB, icb.name());
      areas.put(icb.code(), area);
      areas.put(icb.odsCode().toUpperCase(Locale.ROOT), area);
    }
    for (SubIcbLocation subIcb : geography.subIcbs()) {
      areas.put(subIcb.code(), new Area(subIcb.code(), AreaLevel.SUB_ICB, subIcb.displayName()));
    }
    for (LocalAuthorityDistrict lad : geography.lads()) {
      areas.put(lad.code(), new Area(lad.code(), AreaLevel.LAD, lad.name()));
    }
  }

  /** The area for a code as written (case and spaces ignored), or null. */
  Area find(String code) {
    return code == null ? null : areas.get(code.strip().toUpperCase(Locale.ROOT));
  }

  /** Why a code is not known, with a hint when it is a retired code. */
  String unknown(String code) {
    String retired = RETIRED_ICB_CODES.get(code.strip().toUpperCase(Locale.ROOT));
    if (retired != null) {
      return "'"
          + code
          + "' is a 2022 ICB code; since the April 2024 boundary change use "
          + retired;
    }
    return "'"
        + code
        + "' is not a known area code (England E92000001, a region E12, an April 2024 ICB E54"
        + " or ODS code, a sub-ICB location E38 or a May 2024 district E06/E07/E08/E09)";
  }
}
