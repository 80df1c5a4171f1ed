package org.fourthpurpose.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.fourthpurpose.geography.SvgMap;
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

  /** A place on a map with its shading band and its label. */
  record MapArea(
      String code,
      String name,
      String path,
      int band,
      String href,
      double core20Share,
      long population) {}

  record RegionGroup(String name, List<IntegratedCareBoard> icbs) {}

  record Home(SvgMap map, List<MapArea> areas, List<RegionGroup> regions) {}

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
      DecileChart deciles,
      double core20Share,
      double englandCore20Share,
      SvgMap map,
      List<MapArea> mapAreas,
      int lsoaCount,
      NeighbourhoodGrid neighbourhoods,
      String neighbourhoodSvg) {}

  record EnglandRow(
      IntegratedCareBoard icb, String regionName, AreaSummary summary, double core20Share) {}

  Home home() {
    return (Home)
        cache.computeIfAbsent(
            "home",
            key -> {
              SvgMap map = SvgMap.of(geography.boundaries(AreaType.ICB), 420);
              List<MapArea> areas = new ArrayList<>();
              for (SvgMap.Shape shape : map.shapes()) {
                IntegratedCareBoard icb = geography.icb(shape.code()).orElseThrow();
                double core20 = core20(AreaType.ICB, icb.code());
                areas.add(
                    new MapArea(
                        icb.code(),
                        icb.shortName(),
                        shape.path(),
                        MapShading.band(core20),
                        "/ics/" + icb.odsCode(),
                        core20,
                        icb.population()));
              }
              Map<String, List<IntegratedCareBoard>> byRegion = new java.util.TreeMap<>();
              for (IntegratedCareBoard icb : geography.icbs()) {
                byRegion
                    .computeIfAbsent(regionName(icb.regionCode()), k -> new ArrayList<>())
                    .add(icb);
              }
              List<RegionGroup> regions = new ArrayList<>();
              byRegion.forEach((name, icbs) -> regions.add(new RegionGroup(name, icbs)));
              return new Home(map, areas, regions);
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
    SvgMap map = SvgMap.of(new java.util.TreeMap<>(geometries), 480);
    List<MapArea> mapAreas = new ArrayList<>();
    for (SvgMap.Shape shape : map.shapes()) {
      SubIcbLocation s =
          subIcbs.stream().filter(x -> x.code().equals(shape.code())).findFirst().orElseThrow();
      double core20 = core20(AreaType.SUB_ICB, s.code());
      mapAreas.add(
          new MapArea(
              s.code(),
              s.name(),
              shape.path(),
              MapShading.band(core20),
              null,
              core20,
              s.population()));
    }
    NeighbourhoodGrid grid = neighbourhoods(icb, subIcbs);
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
        DeprivationSummaries.core20Share(deciles),
        DeprivationSummaries.core20Share(england),
        map,
        mapAreas,
        geography.lsoasOf(icb.code()).size(),
        grid,
        grid.svgBody());
  }

  private NeighbourhoodGrid neighbourhoods(IntegratedCareBoard icb, List<SubIcbLocation> subIcbs) {
    Map<String, String> placeNames = new HashMap<>();
    subIcbs.forEach(s -> placeNames.put(s.code(), s.name()));
    List<org.fourthpurpose.geography.Lsoa> lsoas = geography.lsoasOf(icb.code());
    Map<String, org.fourthpurpose.deprivation.LsoaDecile> imd =
        deprivation.imdOf(
            Edition.IOD2025, lsoas.stream().map(org.fourthpurpose.geography.Lsoa::code).toList());
    List<NeighbourhoodGrid.Item> items = new ArrayList<>();
    for (org.fourthpurpose.geography.Lsoa lsoa : lsoas) {
      org.fourthpurpose.deprivation.LsoaDecile d = imd.get(lsoa.code());
      if (d != null) {
        items.add(
            new NeighbourhoodGrid.Item(
                lsoa.code(), placeNames.get(lsoa.subIcbCode()), d.rank(), d.decile()));
      }
    }
    return NeighbourhoodGrid.of(items);
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

  private double core20(AreaType type, String code) {
    return DeprivationSummaries.core20Share(
        deprivation.decilePopulation(Edition.IOD2025, type.apiName(), code));
  }

  private String regionName(String code) {
    return geography.region(code).map(r -> r.name()).orElse(code);
  }
}
