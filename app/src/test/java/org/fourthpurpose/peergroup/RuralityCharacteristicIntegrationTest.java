package org.fourthpurpose.peergroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rurality characteristic of the nearest neighbours is the share of Census 2021 residents who
 * live in LSOAs classed as rural (ONS Rural-Urban Classification 2021), worked out here straight
 * from the three shipped files: the LSOA rural-urban classes, the LSOA populations and the LSOA to
 * ICB lookup.
 */
@ApplicationTest
class RuralityCharacteristicIntegrationTest {

  @Autowired PeerGroups peers;

  /** Each file's rows as column → value, keyed by the value of {@code key}. */
  private static Map<String, Map<String, String>> read(String file, String key) throws IOException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    try (InputStream in =
        new GZIPInputStream(
            RuralityCharacteristicIntegrationTest.class
                .getClassLoader()
                .getResourceAsStream("reference/" + file))) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      String[] header = lines[0].replace("\"", "").split(",");
      for (int i = 1; i < lines.length; i++) {
        // These files quote every field; none of the columns read here holds a comma.
        String[] fields = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.length && c < fields.length; c++) {
          row.put(header[c], fields[c].replace("\"", ""));
        }
        rows.put(row.get(key), row);
      }
    }
    return rows;
  }

  private static double ruralShare(String icbCode) throws IOException {
    Map<String, Map<String, String>> classes = read("ruc21_lsoa21.csv.gz", "lsoa21_code");
    Map<String, Map<String, String>> people =
        read("census21_ethnicity_lsoa21_england_wide.csv.gz", "lsoa21_code");
    Map<String, Map<String, String>> lookup =
        read("lookup_lsoa21_sicbl24_icb24.csv.gz", "lsoa21_code");
    long all = 0;
    long rural = 0;
    for (Map<String, String> lsoa : lookup.values()) {
      if (lsoa.get("icb24_code").equals(icbCode)) {
        String code = lsoa.get("lsoa21_code");
        long residents = Long.parseLong(people.get(code).get("total_residents"));
        all += residents;
        if (classes.get(code).get("ruc").equals("Rural")) {
          rural += residents;
        }
      }
    }
    return (double) rural / all;
  }

  @Test
  void isTheShareOfResidentsInRuralNeighbourhoodsNotInRuralDistricts() throws IOException {
    // Cornwall and the Isles of Scilly: every district is "Majority rural", so the old
    // district-based measure said 100%; 313,685 of its 572,343 residents live in rural LSOAs.
    double cornwall = peers.characteristics("E54000036").get(PeerCharacteristic.SHARE_RURAL)[0];
    assertThat(cornwall).isCloseTo(ruralShare("E54000036"), within(1e-12));
    assertThat(cornwall).isCloseTo(313_685.0 / 572_343, within(1e-12));

    // Northamptonshire: both unitary districts are classed urban (0% before), yet 213,331 of its
    // 785,238 residents live in rural LSOAs.
    double northamptonshire =
        peers.characteristics("E54000059").get(PeerCharacteristic.SHARE_RURAL)[0];
    assertThat(northamptonshire).isCloseTo(ruralShare("E54000059"), within(1e-12));
    assertThat(northamptonshire).isCloseTo(213_331.0 / 785_238, within(1e-12));
  }

  @Test
  void givesTheNeighboursAnIndependentReworkingOfTheMethodFinds() {
    // Worked out outside the application from the shipped files (z-scores with the population
    // standard deviation over the 42, Euclidean distance). With district rurality Cornwall's fifth
    // neighbour was Herefordshire and Worcestershire (E54000019); Northamptonshire's were Frimley,
    // Mid and South Essex, Bristol, Coventry and Warwickshire, and Surrey Heartlands.
    assertThat(peers.nearestNeighbours("E54000036").stream().map(n -> n.icbCode()).toList())
        .containsExactly("E54000038", "E54000013", "E54000022", "E54000011", "E54000023");
    assertThat(peers.nearestNeighbours("E54000059").stream().map(n -> n.icbCode()).toList())
        .containsExactly("E54000056", "E54000026", "E54000015", "E54000040", "E54000018");
  }
}
