package org.fourthpurpose.anchor.register;

import java.util.List;
import java.util.Map;
import org.fourthpurpose.reference.ReferenceDataset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shipped rows anchor registers are seeded from: every NHS trust of 2022 with its headquarters
 * point, the share of each trust's patients from each ICB (the two 2022 ICB codes that changed in
 * April 2024 recoded to their successors), and the county council of each two-tier district.
 */
@Component
class AnchorReferenceDataset implements ReferenceDataset {

  static final String NAME = "anchor-seed";
  static final String TRUST_POINTS = "nhs_trusts22_points.csv.gz";
  static final String TRUST_SHARES = "lookup_nhs_trusts22_icb22.csv.gz";
  static final String COUNTIES = "anchor_county_districts24.csv.gz";
  static final long TRUST_POINT_ROWS = 218;
  static final long TRUST_SHARE_ROWS = 1_321;
  static final long COUNTY_ROWS = 164;

  /**
   * ICB codes of July 2022 that changed in April 2024 with the boundary change between Surrey
   * Heartlands, Frimley and Sussex: the trusts' catchments are kept with the system that took the
   * code's place (Surrey Heartlands E54000052 to E54000063, Sussex E54000053 to E54000064).
   */
  static final Map<String, String> ICB22_TO_ICB24 =
      Map.of("E54000052", "E54000063", "E54000053", "E54000064");

  private final JdbcClient jdbc;

  AnchorReferenceDataset(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> files() {
    return List.of(TRUST_POINTS, TRUST_SHARES, COUNTIES);
  }

  @Override
  public long replace(ReferenceFiles files) {
    jdbc.sql("delete from anchor_nhs_trust_icb").update();
    jdbc.sql("delete from anchor_nhs_trust").update();
    jdbc.sql("delete from anchor_county_district").update();
    long[] rows = new long[1];
    files
        .file(TRUST_POINTS)
        .readCsv(
            List.of("nhs_trust22_name", "nhs_trust22_code", "status", "lon", "lat"),
            TRUST_POINT_ROWS,
            row ->
                rows[0] +=
                    jdbc.sql(
                            "insert into anchor_nhs_trust (code, name, open, latitude, longitude)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(
                            row.text("nhs_trust22_code"),
                            trustName(row.text("nhs_trust22_name")),
                            "open".equals(row.text("status")),
                            row.decimal("lat"),
                            row.decimal("lon"))
                        .update());
    files
        .file(TRUST_SHARES)
        .readCsv(
            List.of("nhs_trust22_code", "icb22_code", "proportion_trust_came_from_icb"),
            TRUST_SHARE_ROWS,
            row -> {
              double share = row.decimal("proportion_trust_came_from_icb");
              if (share < 0 || share > 1.000001) {
                throw row.problem("proportion_trust_came_from_icb", "is not between 0 and 1");
              }
              String icb22 = row.code("icb22_code");
              rows[0] +=
                  jdbc.sql(
                          "insert into anchor_nhs_trust_icb (trust_code, icb_code, share)"
                              + " values (?, ?, ?)")
                      .params(
                          row.text("nhs_trust22_code"),
                          ICB22_TO_ICB24.getOrDefault(icb22, icb22),
                          Math.min(share, 1.0))
                      .update();
            });
    files
        .file(COUNTIES)
        .readCsv(
            List.of("ltla24_code", "cty24_code", "council_name"),
            COUNTY_ROWS,
            row ->
                rows[0] +=
                    jdbc.sql(
                            "insert into anchor_county_district (lad_code, county_code,"
                                + " county_name) values (?, ?, ?)")
                        .params(
                            row.code("ltla24_code"),
                            row.code("cty24_code"),
                            row.text("council_name"))
                        .update());
    return rows[0];
  }

  /** "South Tyneside And Sunderland NHS Foundation Trust" → "South Tyneside and Sunderland …". */
  static String trustName(String shipped) {
    return shipped
        .strip()
        .replace(" And ", " and ")
        .replace(" Of ", " of ")
        .replace(" For ", " for ")
        .replace(" The ", " the ")
        .replace(" On ", " on ")
        .replace(" In ", " in ");
  }
}
