package org.fourthpurpose.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.chart.BarChart;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.MapProjection;
import org.fourthpurpose.deprivation.AreaSummary;
import org.fourthpurpose.deprivation.DecilePopulation;
import org.fourthpurpose.deprivation.DeprivationSummaries;
import org.fourthpurpose.deprivation.Domain;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LadIcbPart;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.geography.SubIcbLocation;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Builds (and caches) what the public system pages show; everything here changes only with
 * reference data.
 */
@Service
class SystemPages {

  private final Geography geography;
  private final DeprivationSummaries deprivation;
  private final Map<String, Object> cache = new ConcurrentHashMap<>();

  SystemPages(Geography geography, DeprivationSummaries deprivation) {
    this.geography = geography;
    this.deprivation = deprivation;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    cache.clear();
  }

  /** A place on a map: its name, residents and share in the most deprived 20%. */
  record MapArea(String code, String name, double core20Share, long population) {}

  record RegionGroup(String name, List<IntegratedCareBoard> icbs) {}

  /** The home page: the map of the 42 systems, its table alternative and the systems by region. */
  record Home(ChoroplethMap map, DataTable table, List<RegionGroup> regions) {}

  record PlacePart(
      String code,
      String name,
      long population,
      double shareOfIcs,
      boolean split,
      double shareOfPlace) {}

  record Overview(
      IntegratedCareBoard icb,
      String regionName,
      List<SubIcbLocation> subIcbs,
      List<PlacePart> districts,
      List<AreaSummary> summaries,
      BarChart deciles,
      List<DecileChart.Row> decileRows,
      double core20Share,
      double englandCore20Share,
      ChoroplethMap map,
      List<MapArea> mapAreas,
      int lsoaCount) {}

  record EnglandRow(
      IntegratedCareBoard icb, String regionName, AreaSummary summary, double core20Share) {}

  Home home() {
    return (Home)
        cache.computeIfAbsent(
            "home",
            key -> {
              Map<String, MapArea> byCode = new HashMap<>();
              for (IntegratedCareBoard icb : geography.icbs()) {
                byCode.put(
                    icb.code(),
                    new MapArea(
                        icb.odsCode(),
                        icb.shortName(),
                        core20(AreaType.ICB, icb.code()),
                        icb.population()));
              }
              ChoroplethMap map =
                  core20Map(
                      MapProjection.of(geography.boundaries(AreaType.ICB), 420),
                      byCode,
                      " of people live in the most deprived fifth of areas",
                      true);
              Map<String, List<IntegratedCareBoard>> byRegion = new java.util.TreeMap<>();
              for (IntegratedCareBoard icb : geography.icbs()) {
                byRegion
                    .computeIfAbsent(regionName(icb.regionCode()), k -> new ArrayList<>())
                    .add(icb);
              }
              List<RegionGroup> regions = new ArrayList<>();
              byRegion.forEach((name, icbs) -> regions.add(new RegionGroup(name, icbs)));
              return new Home(map, core20Table(byCode.values()), regions);
            });
  }

  Overview overview(IntegratedCareBoard icb) {
    return (Overview) cache.computeIfAbsent("ics/" + icb.code(), key -> buildOverview(icb));
  }

  private Overview buildOverview(IntegratedCareBoard icb) {
    List<PlacePart> districts = new ArrayList<>();
    for (LadIcbPart part : geography.ladPartsOf(icb.code())) {
      LocalAuthorityDistrict lad = geography.lad(part.ladCode()).orElseThrow();
      districts.add(
          new PlacePart(
              lad.code(),
              lad.name(),
              part.population(),
              (double) part.population() / icb.population(),
              part.population() != part.ladPopulation(),
              part.populationShare()));
    }
    List<SubIcbLocation> subIcbs = geography.subIcbsOf(icb.code());
    Map<String, String> geometries = new HashMap<>();
    Map<String, String> subIcbBoundaries = geography.boundaries(AreaType.SUB_ICB);
    for (SubIcbLocation s : subIcbs) {
      geometries.put(s.code(), subIcbBoundaries.get(s.code()));
    }
    Map<String, MapArea> byCode = new HashMap<>();
    for (SubIcbLocation place : subIcbs) {
      byCode.put(
          place.code(),
          new MapArea(
              place.code(),
              place.displayName(),
              core20(AreaType.SUB_ICB, place.code()),
              place.population()));
    }
    MapProjection projection = MapProjection.of(new java.util.TreeMap<>(geometries), 480);
    // The table lists the places in the map's (code) order, as it always has.
    List<MapArea> mapAreas =
        projection.shapes().stream().map(shape -> byCode.get(shape.code())).toList();
    List<DecilePopulation> deciles =
        deprivation.decilePopulation(Edition.IOD2025, AreaType.ICB.apiName(), icb.code());
    List<DecilePopulation> england = deprivation.englandDecilePopulation(Edition.IOD2025);
    return new Overview(
        icb,
        regionName(icb.regionCode()),
        subIcbs,
        districts,
        deprivation.summariesOf(Edition.IOD2025, AreaType.ICB.apiName(), icb.code()),
        DecileChart.of(deciles, england),
        DecileChart.rows(deciles, england),
        DeprivationSummaries.core20Share(deciles),
        DeprivationSummaries.core20Share(england),
        core20Map(projection, byCode, " in the most deprived 20%", false),
        mapAreas,
        geography.lsoasOf(icb.code()).size());
  }

  List<EnglandRow> england(Edition edition, Domain domain, String sort, boolean descending) {
    @SuppressWarnings("unchecked")
    List<EnglandRow> rows =
        (List<EnglandRow>)
            cache.computeIfAbsent(
                "england/" + edition.apiName() + "/" + domain.apiName(),
                key -> {
                  Map<String, AreaSummary> byCode = new HashMap<>();
                  for (AreaSummary s : deprivation.summaries(edition, AreaType.ICB.apiName())) {
                    if (s.domain() == domain) {
                      byCode.put(s.areaCode(), s);
                    }
                  }
                  List<EnglandRow> built = new ArrayList<>();
                  for (IntegratedCareBoard icb : geography.icbs()) {
                    built.add(
                        new EnglandRow(
                            icb,
                            regionName(icb.regionCode()),
                            byCode.get(icb.code()),
                            DeprivationSummaries.core20Share(
                                deprivation.decilePopulation(
                                    edition, AreaType.ICB.apiName(), icb.code()))));
                  }
                  return List.copyOf(built);
                });
    Comparator<EnglandRow> order = EnglandSort.comparator(sort);
    List<EnglandRow> sorted = new ArrayList<>(rows);
    sorted.sort(descending ? order.reversed() : order);
    return sorted;
  }

  /**
   * The projected places shaded by their Core20 share, each named with its share followed by {@code
   * after}; linked places go to their system's overview.
   */
  private static ChoroplethMap core20Map(
      MapProjection projection, Map<String, MapArea> byCode, String after, boolean linked) {
    return ChoroplethMap.of(
        projection,
        shape -> {
          MapArea place = byCode.get(shape.code());
          return new ChoroplethMap.Area(
              shape.code(),
              place.name() + ": " + percent(place.core20Share()) + after,
              shape.path(),
              DeprivationScales.CORE20.cssClassOf(place.core20Share()),
              linked ? "/ics/" + place.code() : null);
        });
  }

  /** The home map's table alternative: every system's residents and Core20 share, by name. */
  private static DataTable core20Table(java.util.Collection<MapArea> places) {
    return new DataTable(
        "Share of each system's residents in the most deprived 20% of neighbourhoods",
        List.of("System", "Residents", "In most deprived 20%"),
        List.of(false, true, true),
        places.stream()
            .sorted(Comparator.comparing(MapArea::name))
            .map(
                p ->
                    List.of(
                        p.name(),
                        String.format(java.util.Locale.UK, "%,d", p.population()),
                        percent(p.core20Share())))
            .toList());
  }

  /** A share as the pages write it: one decimal place, rounded half-even. */
  static String percent(double share) {
    return new java.text.DecimalFormat(
                "0.0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK))
            .format(share * 100)
        + "%";
  }

  private double core20(AreaType type, String code) {
    return DeprivationSummaries.core20Share(
        deprivation.decilePopulation(Edition.IOD2025, type.apiName(), code));
  }

  private String regionName(String code) {
    return geography.region(code).map(r -> r.name()).orElse(code);
  }
}
