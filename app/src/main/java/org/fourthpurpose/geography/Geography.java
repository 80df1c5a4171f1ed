package org.fourthpurpose.geography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The places of the NHS in England, read once from the geography tables and held in memory (a few
 * megabytes), so pages and other features can look places up without touching those tables.
 */
@Service
public class Geography {

  private final JdbcClient jdbc;
  private volatile Snapshot snapshot;

  Geography(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    snapshot = null;
  }

  /** All 42 ICBs, by name. */
  public List<IntegratedCareBoard> icbs() {
    return snapshot().icbs;
  }

  /** An ICB by its ONS code (E54…) or ODS code (e.g. QYG), case-insensitive. */
  public Optional<IntegratedCareBoard> icb(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(snapshot().icbByCode.get(code.toUpperCase(Locale.ROOT)));
  }

  /**
   * An ICB by its ONS or ODS code, or a {@link NotFoundException} (404) naming the code: every page
   * and API route that takes an ICS code reads it through here.
   */
  public IntegratedCareBoard requireIcb(String code) {
    return icb(code)
        .orElseThrow(
            () -> new NotFoundException("There is no integrated care system with code " + code));
  }

  public List<Region> regions() {
    return snapshot().regions;
  }

  public Optional<Region> region(String code) {
    return snapshot().regions.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  public List<SubIcbLocation> subIcbs() {
    return snapshot().subIcbs;
  }

  public List<SubIcbLocation> subIcbsOf(String icbCode) {
    return snapshot().subIcbs.stream().filter(s -> s.icbCode().equals(icbCode)).toList();
  }

  public List<LocalAuthorityDistrict> lads() {
    return snapshot().lads;
  }

  public Optional<LocalAuthorityDistrict> lad(String code) {
    return snapshot().lads.stream().filter(l -> l.code().equals(code)).findFirst();
  }

  /** Every part of a district in an ICB; a district split between ICBs has one part in each. */
  public List<LadIcbPart> ladIcbParts() {
    return snapshot().ladIcbParts;
  }

  /** The district parts that lie in one ICB, largest first. */
  public List<LadIcbPart> ladPartsOf(String icbCode) {
    return snapshot().ladIcbParts.stream()
        .filter(p -> p.icbCode().equals(icbCode))
        .sorted(Comparator.comparingLong(LadIcbPart::population).reversed())
        .toList();
  }

  /** All 2021 LSOAs in England. */
  public List<Lsoa> lsoas() {
    return snapshot().lsoas;
  }

  public List<Lsoa> lsoasOf(String icbCode) {
    return snapshot().lsoasByIcb.getOrDefault(icbCode, List.of());
  }

  public Optional<Lsoa> lsoa(String code) {
    return Optional.ofNullable(snapshot().lsoaByCode.get(code));
  }

  /**
   * The Rural-Urban Classification 2021 of a 2021 LSOA in England (every one has a class once the
   * geography is loaded).
   */
  public Optional<RuralUrban> ruralUrban(String lsoaCode) {
    return Optional.ofNullable(snapshot().ruralUrban.get(lsoaCode));
  }

  /**
   * The rural-urban class of every 2021 LSOA read fresh from the database, bypassing the cache (for
   * loaders in a transaction).
   */
  public Map<String, RuralUrban> ruralUrbanFromDatabase() {
    Map<String, RuralUrban> classes = new HashMap<>();
    jdbc.sql("select code, ruc21_code from lsoa21 where ruc21_code is not null")
        .query(
            rs -> {
              String code = rs.getString("code");
              RuralUrban.ofCode(rs.getString("ruc21_code")).ifPresent(c -> classes.put(code, c));
            });
    return classes;
  }

  /** All 2011 LSOAs, read fresh (used to summarise the Indices of Deprivation 2019). */
  public List<Lsoa2011> lsoas2011() {
    return jdbc.sql("select code, name, icb_code, lad_code, population from lsoa11 order by code")
        .query(
            (rs, n) ->
                new Lsoa2011(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("icb_code"),
                    rs.getString("lad_code"),
                    rs.getInt("population")))
        .list();
  }

  /**
   * All 2021 LSOAs read fresh from the database, bypassing the cache (for loaders in a
   * transaction).
   */
  public List<Lsoa> lsoasFromDatabase() {
    return jdbc.sql(
            "select code, name, sub_icb_code, icb_code, lad_code, population from lsoa21 order by code")
        .query(
            (rs, n) ->
                new Lsoa(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("sub_icb_code"),
                    rs.getString("icb_code"),
                    rs.getString("lad_code"),
                    rs.getInt("population")))
        .list();
  }

  /** GeoJSON geometries of one kind of area, by code. */
  public Map<String, String> boundaries(AreaType type) {
    return snapshot().boundaries.getOrDefault(type.apiName(), Map.of());
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        current = snapshot;
        if (current == null) {
          current = load();
          snapshot = current;
        }
      }
    }
    return current;
  }

  private Snapshot load() {
    List<Lsoa> lsoas = lsoasFromDatabase();
    Map<String, Long> icbPopulation = new HashMap<>();
    Map<String, Long> subIcbPopulation = new HashMap<>();
    Map<String, Long> ladPopulation = new HashMap<>();
    Map<String, Map<String, Long>> subIcbDistricts = new HashMap<>();
    Map<String, Map<String, long[]>> ladParts = new TreeMap<>();
    Map<String, List<Lsoa>> byIcb = new HashMap<>();
    Map<String, Lsoa> byCode = new HashMap<>();
    for (Lsoa lsoa : lsoas) {
      icbPopulation.merge(lsoa.icbCode(), (long) lsoa.population(), Long::sum);
      subIcbPopulation.merge(lsoa.subIcbCode(), (long) lsoa.population(), Long::sum);
      subIcbDistricts
          .computeIfAbsent(lsoa.subIcbCode(), k -> new TreeMap<>())
          .merge(lsoa.ladCode(), (long) lsoa.population(), Long::sum);
      ladPopulation.merge(lsoa.ladCode(), (long) lsoa.population(), Long::sum);
      long[] part =
          ladParts
              .computeIfAbsent(lsoa.ladCode(), k -> new TreeMap<>())
              .computeIfAbsent(lsoa.icbCode(), k -> new long[2]);
      part[0] += lsoa.population();
      part[1]++;
      byIcb.computeIfAbsent(lsoa.icbCode(), k -> new ArrayList<>()).add(lsoa);
      byCode.put(lsoa.code(), lsoa);
    }
    List<IntegratedCareBoard> icbs =
        jdbc.sql("select code, ods_code, name, region_code from icb")
            .query(
                (rs, n) ->
                    new IntegratedCareBoard(
                        rs.getString("code"),
                        rs.getString("ods_code"),
                        rs.getString("name"),
                        rs.getString("region_code"),
                        icbPopulation.getOrDefault(rs.getString("code"), 0L)))
            .list();
    icbs = icbs.stream().sorted(Comparator.comparing(IntegratedCareBoard::shortName)).toList();
    Map<String, IntegratedCareBoard> icbByCode = new HashMap<>();
    for (IntegratedCareBoard icb : icbs) {
      icbByCode.put(icb.code(), icb);
      icbByCode.put(icb.odsCode().toUpperCase(Locale.ROOT), icb);
    }
    List<LocalAuthorityDistrict> lads =
        jdbc.sql("select code, name, region_code, rural_urban from lad order by name")
            .query(
                (rs, n) ->
                    new LocalAuthorityDistrict(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("region_code"),
                        rs.getString("rural_urban"),
                        ladPopulation.getOrDefault(rs.getString("code"), 0L)))
            .list();
    Map<String, String> ladNames = new HashMap<>();
    lads.forEach(l -> ladNames.put(l.code(), l.name()));
    List<SubIcbLocation> subIcbs =
        jdbc.sql("select code, ods_code, name, icb_code from sub_icb order by name")
            .query(
                (rs, n) -> {
                  String code = rs.getString("code");
                  IntegratedCareBoard icb = icbByCode.get(rs.getString("icb_code"));
                  List<SubIcbPlaceNames.DistrictPart> parts = new ArrayList<>();
                  subIcbDistricts
                      .getOrDefault(code, Map.of())
                      .forEach(
                          (lad, people) ->
                              parts.add(
                                  new SubIcbPlaceNames.DistrictPart(
                                      ladNames.getOrDefault(lad, lad), people)));
                  return new SubIcbLocation(
                      code,
                      rs.getString("ods_code"),
                      rs.getString("name"),
                      rs.getString("icb_code"),
                      subIcbPopulation.getOrDefault(code, 0L),
                      parts.isEmpty()
                          ? rs.getString("name")
                          : SubIcbPlaceNames.of(
                              parts,
                              icb == null ? rs.getString("name") : icb.shortName(),
                              icb == null ? 0 : icb.population()));
                })
            .list();
    List<Region> regions =
        jdbc.sql("select code, name from region order by name")
            .query((rs, n) -> new Region(rs.getString("code"), rs.getString("name")))
            .list();
    List<LadIcbPart> parts = new ArrayList<>();
    ladParts.forEach(
        (lad, byIcbPart) ->
            byIcbPart.forEach(
                (icb, part) ->
                    parts.add(
                        new LadIcbPart(lad, icb, part[0], (int) part[1], ladPopulation.get(lad)))));
    Map<String, Map<String, String>> boundaries = new HashMap<>();
    jdbc.sql("select area_type, code, geojson from boundary")
        .query(
            rs -> {
              boundaries
                  .computeIfAbsent(rs.getString("area_type"), k -> new LinkedHashMap<>())
                  .put(rs.getString("code"), rs.getString("geojson"));
            });
    return new Snapshot(
        icbs,
        icbByCode,
        subIcbs,
        lads,
        regions,
        List.copyOf(parts),
        lsoas,
        byIcb,
        byCode,
        ruralUrbanFromDatabase(),
        boundaries);
  }

  private record Snapshot(
      List<IntegratedCareBoard> icbs,
      Map<String, IntegratedCareBoard> icbByCode,
      List<SubIcbLocation> subIcbs,
      List<LocalAuthorityDistrict> lads,
      List<Region> regions,
      List<LadIcbPart> ladIcbParts,
      List<Lsoa> lsoas,
      Map<String, List<Lsoa>> lsoasByIcb,
      Map<String, Lsoa> lsoaByCode,
      Map<String, RuralUrban> ruralUrban,
      Map<String, Map<String, String>> boundaries) {}
}
