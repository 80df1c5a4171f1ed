package org.fourthpurpose.deprivation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the stored deprivation summaries. They change only when reference data is reloaded, so each
 * edition and area type is read once and kept in memory.
 */
@Service
public class DeprivationSummaries {

  private static final RowMapper<AreaSummary> SUMMARY =
      (rs, n) ->
          new AreaSummary(
              rs.getString("area_code"),
              Domain.fromApiName(rs.getString("domain")),
              new SummaryMeasures(
                  (Double) rs.getObject("average_score", Double.class),
                  rs.getDouble("average_rank"),
                  rs.getDouble("proportion_most_deprived10"),
                  rs.getDouble("extent"),
                  rs.getDouble("local_concentration")),
              (Integer) rs.getObject("rank_of_average_score", Integer.class),
              rs.getInt("rank_of_average_rank"),
              rs.getInt("rank_of_proportion_most_deprived10"),
              rs.getInt("rank_of_extent"),
              rs.getInt("rank_of_local_concentration"));

  private final JdbcClient jdbc;
  private final Map<String, List<AreaSummary>> summaries = new ConcurrentHashMap<>();
  private final Map<String, Map<String, List<DecilePopulation>>> deciles =
      new ConcurrentHashMap<>();

  DeprivationSummaries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    summaries.clear();
    deciles.clear();
    imdByLsoa.clear();
  }

  /** Every area's summary in every domain, ordered by area code then domain. */
  public List<AreaSummary> summaries(Edition edition, String areaType) {
    return summaries.computeIfAbsent(
        edition.apiName() + "/" + areaType,
        key -> {
          List<AreaSummary> rows =
              new ArrayList<>(
                  jdbc.sql(
                          "select * from deprivation_summary where edition = ? and area_type = ?"
                              + " order by area_code")
                      .params(edition.apiName(), areaType)
                      .query(SUMMARY)
                      .list());
          rows.sort(
              java.util.Comparator.comparing(AreaSummary::areaCode)
                  .thenComparing(s -> s.domain().ordinal()));
          return List.copyOf(rows);
        });
  }

  /** One area's summaries, one per domain (empty when the area is unknown). */
  public List<AreaSummary> summariesOf(Edition edition, String areaType, String areaCode) {
    return summaries(edition, areaType).stream()
        .filter(s -> s.areaCode().equals(areaCode))
        .toList();
  }

  /** The population of an area in each national IMD decile, deciles 1 to 10. */
  public List<DecilePopulation> decilePopulation(
      Edition edition, String areaType, String areaCode) {
    return deciles
        .computeIfAbsent(
            edition.apiName() + "/" + areaType,
            key -> {
              Map<String, List<DecilePopulation>> byArea = new HashMap<>();
              jdbc.sql(
                      "select area_code, decile, population, lsoa_count from deprivation_decile_population"
                          + " where edition = ? and area_type = ? order by area_code, decile")
                  .params(edition.apiName(), areaType)
                  .query(
                      rs -> {
                        byArea
                            .computeIfAbsent(rs.getString("area_code"), k -> new ArrayList<>())
                            .add(
                                new DecilePopulation(
                                    rs.getInt("decile"),
                                    rs.getLong("population"),
                                    rs.getInt("lsoa_count")));
                      });
              return byArea;
            })
        .getOrDefault(areaCode, List.of());
  }

  /** England's population by decile. */
  public List<DecilePopulation> englandDecilePopulation(Edition edition) {
    return decilePopulation(edition, "england", DeprivationDataset.ENGLAND);
  }

  /**
   * The share of an area's population in the most deprived 20% of LSOAs nationally (NHS England's
   * Core20).
   */
  public static double core20Share(List<DecilePopulation> deciles) {
    long total = deciles.stream().mapToLong(DecilePopulation::population).sum();
    long core20 =
        deciles.stream().filter(d -> d.decile() <= 2).mapToLong(DecilePopulation::population).sum();
    return total == 0 ? 0 : (double) core20 / total;
  }

  /** The overall IMD position of each LSOA in a list of codes, for one edition. */
  public Map<String, LsoaDecile> imdOf(Edition edition, List<String> lsoaCodes) {
    Map<String, LsoaDecile> all = imdByLsoa(edition);
    Map<String, LsoaDecile> result = new HashMap<>();
    for (String code : lsoaCodes) {
      LsoaDecile value = all.get(code);
      if (value != null) {
        result.put(code, value);
      }
    }
    return result;
  }

  /**
   * Each LSOA's position in one domain (score, national rank and decile) for a list of codes, in
   * one edition: the overall index is {@link Domain#IMD}.
   */
  public Map<String, LsoaDecile> domainOf(Edition edition, Domain domain, List<String> lsoaCodes) {
    Map<String, LsoaDecile> all = byLsoa(edition, domain);
    Map<String, LsoaDecile> result = new HashMap<>();
    for (String code : lsoaCodes) {
      LsoaDecile value = all.get(code);
      if (value != null) {
        result.put(code, value);
      }
    }
    return result;
  }

  private final Map<String, Map<String, LsoaDecile>> imdByLsoa = new ConcurrentHashMap<>();

  private Map<String, LsoaDecile> imdByLsoa(Edition edition) {
    return byLsoa(edition, Domain.IMD);
  }

  private Map<String, LsoaDecile> byLsoa(Edition edition, Domain domain) {
    return imdByLsoa.computeIfAbsent(
        edition.apiName() + "/" + domain.apiName(),
        key -> {
          // The column names come from the enum, never from input.
          String d = domain.apiName();
          Map<String, LsoaDecile> map = new HashMap<>();
          jdbc.sql(
                  "select lsoa_code, "
                      + d
                      + "_score as score, "
                      + d
                      + "_rank as lsoa_rank, "
                      + d
                      + "_decile as decile from lsoa_deprivation where edition = ?")
              .params(edition.apiName())
              .query(
                  rs -> {
                    map.put(
                        rs.getString("lsoa_code"),
                        new LsoaDecile(
                            rs.getString("lsoa_code"),
                            (Double) rs.getObject("score", Double.class),
                            rs.getInt("lsoa_rank"),
                            rs.getInt("decile")));
                  });
          return map;
        });
  }
}
