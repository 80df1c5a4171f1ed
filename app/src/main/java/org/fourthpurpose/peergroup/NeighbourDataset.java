package org.fourthpurpose.peergroup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.Lsoa;
import org.fourthpurpose.geography.Lsoa2011;
import org.fourthpurpose.geography.RuralUrban;
import org.fourthpurpose.reference.ReferenceDataset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each ICB's five statistical nearest neighbours, worked out from shipped files when they change:
 * deprivation (IMD 2025 average score), size (natural log of Census 2021 residents), age (shares
 * aged under 15 and 65 and over, mid-2020) and rurality (share of Census 2021 residents living in
 * LSOAs classed as rural in the Rural-Urban Classification 2021), each standardised across the 42
 * ICBs (see {@link NearestNeighbours}). Before version 2 rurality counted residents of districts
 * classed as rural, which missed rural neighbourhoods in mostly urban districts.
 */
@Component
class NeighbourDataset implements ReferenceDataset {

  static final String IOD2025 = "imd2025_england_lsoa21.csv.gz";
  static final String POPULATION_BY_AGE = "population20_lsoa11_england_5yr_bands.csv.gz";
  static final long IOD2025_ROWS = 33_755L;
  static final long POPULATION_BY_AGE_ROWS = 32_844L;
  static final int NEIGHBOURS = 5;

  private final JdbcClient jdbc;
  private final Geography geography;

  NeighbourDataset(JdbcClient jdbc, Geography geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  @Override
  public String name() {
    return "peer-groups";
  }

  @Override
  public String version() {
    return "2";
  }

  @Override
  public List<String> files() {
    return List.of(IOD2025, POPULATION_BY_AGE);
  }

  @Override
  public List<String> dependsOn() {
    return List.of("geography");
  }

  /** Reads about 66,000 rows: loaded once the application serves, with the indicators. */
  @Override
  public boolean loadsInBackground() {
    return true;
  }

  @Override
  public long replace(ReferenceFiles files) {
    jdbc.sql("delete from icb_nearest_neighbour").update();
    jdbc.sql("delete from icb_peer_characteristic").update();
    Map<String, Map<String, Double>> characteristics = characteristics(files);
    NearestNeighbours neighbours = new NearestNeighbours(characteristics);
    long rows = 0;
    for (Map.Entry<String, Map<String, Double>> icb : neighbours.zScores().entrySet()) {
      for (Map.Entry<String, Double> z : icb.getValue().entrySet()) {
        rows +=
            jdbc.sql(
                    "insert into icb_peer_characteristic (icb_code, characteristic, observation,"
                        + " z_score) values (?, ?, ?, ?)")
                .params(
                    icb.getKey(),
                    z.getKey(),
                    characteristics.get(icb.getKey()).get(z.getKey()),
                    z.getValue())
                .update();
      }
    }
    for (NearestNeighbours.Neighbour n : neighbours.nearest(NEIGHBOURS)) {
      rows +=
          jdbc.sql(
                  "insert into icb_nearest_neighbour (icb_code, neighbour_code, rank, distance)"
                      + " values (?, ?, ?, ?)")
              .params(n.code(), n.neighbourCode(), n.rank(), n.distance())
              .update();
    }
    return rows;
  }

  private Map<String, Map<String, Double>> characteristics(ReferenceFiles files) {
    Map<String, Double> imdScore = new HashMap<>();
    files
        .file(IOD2025)
        .readCsv(
            List.of("lsoa21_code", "IMD_score"),
            IOD2025_ROWS,
            row -> imdScore.put(row.code("lsoa21_code"), row.decimal("IMD_score")));
    // Rurality of each neighbourhood, not of its district: a rural part of an urban district
    // counts as rural, and the urban centre of a rural district as urban.
    Map<String, RuralUrban> ruralUrban = geography.ruralUrbanFromDatabase();
    Map<String, double[]> sums = new TreeMap<>();
    for (Lsoa lsoa : geography.lsoasFromDatabase()) {
      // [population, population x IMD score, rural population]
      double[] s = sums.computeIfAbsent(lsoa.icbCode(), k -> new double[3]);
      s[0] += lsoa.population();
      s[1] += lsoa.population() * imdScore.getOrDefault(lsoa.code(), Double.NaN);
      RuralUrban neighbourhood = ruralUrban.get(lsoa.code());
      if (neighbourhood != null && neighbourhood.rural()) {
        s[2] += lsoa.population();
      }
    }
    Map<String, String> lsoa11Icb = new HashMap<>();
    for (Lsoa2011 lsoa : geography.lsoas2011()) {
      lsoa11Icb.put(lsoa.code(), lsoa.icbCode());
    }
    Map<String, double[]> ages = new TreeMap<>();
    files
        .file(POPULATION_BY_AGE)
        .readCsv(
            List.of("lsoa11_code", "total_population", "age_0_4", "age_5_9", "age_10_14"),
            POPULATION_BY_AGE_ROWS,
            row -> {
              String icb = lsoa11Icb.get(row.code("lsoa11_code"));
              if (icb == null) {
                return;
              }
              // [population, aged under 15, aged 65 and over]
              double[] a = ages.computeIfAbsent(icb, k -> new double[3]);
              a[0] += row.decimal("total_population");
              a[1] += row.decimal("age_0_4") + row.decimal("age_5_9") + row.decimal("age_10_14");
              a[2] +=
                  row.decimal("age_65_69")
                      + row.decimal("age_70_74")
                      + row.decimal("age_75_79")
                      + row.decimal("age_80_84")
                      + row.decimal("age_85_89")
                      + row.decimal("age_90_plus");
            });
    Map<String, Map<String, Double>> characteristics = new TreeMap<>();
    sums.forEach(
        (icb, s) -> {
          double[] a = ages.get(icb);
          Map<String, Double> c = new LinkedHashMap<>();
          c.put(PeerCharacteristic.IMD_2025_SCORE.key(), s[1] / s[0]);
          c.put(PeerCharacteristic.LOG_POPULATION.key(), Math.log(s[0]));
          c.put(PeerCharacteristic.SHARE_UNDER_15.key(), a[1] / a[0]);
          c.put(PeerCharacteristic.SHARE_65_AND_OVER.key(), a[2] / a[0]);
          c.put(PeerCharacteristic.SHARE_RURAL.key(), s[2] / s[0]);
          characteristics.put(icb, c);
        });
    return characteristics;
  }
}
