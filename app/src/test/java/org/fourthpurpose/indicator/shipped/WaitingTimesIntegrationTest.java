package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.ShippedCsv;
import org.fourthpurpose.reference.ReferenceDataException;
import org.fourthpurpose.reference.ReferenceFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waiting times agree with NHS England's national series, and a shipped file that does not add up
 * stops the load, naming the file and the month, and changes nothing.
 */
@org.fourthpurpose.ApplicationTest
class WaitingTimesIntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Geography geography;
  @Autowired IndicatorDataset dataset;
  @Autowired TransactionTemplate transactions;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  @Test
  void englandValuesEqualTheNationalSeriesInEveryMonthItCovers() {
    Map<String, Map<String, Double>> national = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("england_rtt_overview.csv.gz")) {
      national
          .computeIfAbsent(r.get("month").substring(0, 7), k -> new HashMap<>())
          .put(r.get("type_of_wait"), Double.parseDouble(r.get("count")));
    }
    assertThat(national).hasSize(202); // August 2007 to May 2024
    for (String[] indicator :
        List.of(
            new String[] {"rtt-over-18-weeks", "No. > 18 weeks"},
            new String[] {"rtt-over-52-weeks", "No. > 52 weeks"})) {
      List<Map<String, Object>> stored =
          jdbc.queryForList(
              "select period, observation, numerator, denominator from indicator_value"
                  + " where indicator_id = ? and area_type = 'ENGLAND'",
              indicator[0]);
      assertThat(stored).as(indicator[0]).hasSize(202);
      for (Map<String, Object> v : stored) {
        Map<String, Double> month = national.get((String) v.get("period"));
        double over = month.get(indicator[1]);
        double total = month.get("Total waiting");
        assertThat(((Number) v.get("numerator")).doubleValue()).isEqualTo(over);
        assertThat(((Number) v.get("denominator")).doubleValue()).isEqualTo(total);
        assertThat(((Number) v.get("observation")).doubleValue())
            .isCloseTo(100 * over / total, org.assertj.core.api.Assertions.within(1e-9));
      }
    }
    // The figures the issue quotes for May 2024: 7,603,812 waiting, 40.9% over 18 weeks, 4.0% over
    // 52 weeks.
    assertThat(englandValue("rtt-over-18-weeks", "2024-05")).isCloseTo(40.9, within(0.05));
    assertThat(englandValue("rtt-over-52-weeks", "2024-05")).isCloseTo(4.0, within(0.05));
  }

  @Test
  void icbAndRegionValuesAreWithdrawnAndThePageSaysWhyWithTheFigures() throws Exception {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from indicator_value where indicator_id like 'rtt-%'"
                    + " and area_type <> 'ENGLAND'",
                Integer.class))
        .isZero();
    List<String> notes =
        jdbc.queryForList(
            "select note from indicator_load_note where indicator_id = 'rtt-over-18-weeks'",
            String.class);
    // May 2024: the 42 ICBs' incomplete pathways and waits over 18 weeks, summed by hand from
    // england_rtt_flow_stp.csv and england_rtt_stp.csv ('Total' rows), against the national series.
    assertThat(notes)
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("May 2024")
                    .contains("8,813,368")
                    .contains("4,288,571")
                    .contains("7,603,812")
                    .contains("3,109,846")
                    .contains("January 2019"));
    // The indicator's page says why, with the figures, under its notes.
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/indicators/rtt-over-18-weeks"))
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("shown for England only")
        .contains("ICB and region values are withdrawn")
        .contains("8,813,368")
        // May 2024 in the table: 3,109,846 of 7,603,812 waiting over 18 weeks.
        .contains("3,109,846")
        .contains("7,603,812");
    String csv =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/indicators/rtt-over-18-weeks.csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv.lines())
        .hasSize(203)
        .anyMatch(l -> l.contains("2024-05") && l.contains("7603812"));
  }

  @Test
  void aRegionFileThatDisagreesWithItsIcbsStopsTheLoadAndChangesNothing() {
    long before = jdbc.queryForObject("select count(*) from indicator_value", Long.class);
    // London's waits over 18 weeks in March 2023, one pathway more than its ICBs.
    Function<String, ReferenceFile> files =
        altered(
            NhsSeriesLoader.RTT_REGION,
            text ->
                replaceOnce(
                    text,
                    "\"London\",2023-03-01,2023,\"Mar\",\"Total\",",
                    line -> {
                      String[] f = line.split(",");
                      f[5] = String.valueOf(Long.parseLong(f[5]) + 1_000);
                      return String.join(",", f);
                    }));
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> dataset.replace(name -> files.apply(name))))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("england_rtt_region.csv.gz")
        .hasMessageContaining("March 2023")
        .hasMessageContaining("London")
        .hasMessageContaining("tolerance is 0.05%");
    assertThat(jdbc.queryForObject("select count(*) from indicator_value", Long.class))
        .isEqualTo(before);
  }

  @Test
  void aNationalFileWhoseBandsDoNotAddUpStopsTheLoad() {
    NhsSeriesLoader loader =
        loader(
            altered(
                NhsSeriesLoader.RTT_NATIONAL,
                text ->
                    text.replace(
                        "2024-05-01,\"Total waiting\",7603812",
                        "2024-05-01,\"Total waiting\",7703812")));
    assertThatThrownBy(loader::nationalWaitingList)
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("england_rtt_overview.csv.gz")
        .hasMessageContaining("May 2024")
        .hasMessageContaining("7,603,812")
        .hasMessageContaining("7,703,812");
  }

  @Test
  void anAccidentAndEmergencyRowUnderACodeThatIsNotAnIcbStopsTheLoad() {
    // The first row of the file is an ICB in April 2022; give it a code that is not an ICB.
    String first = ShippedCsv.read(NhsSeriesLoader.AE).get(0).get("icb22_code");
    NhsSeriesLoader loader =
        loader(
            altered(
                NhsSeriesLoader.AE,
                text -> text.replaceFirst("\n\"" + first + "\"", "\n\"E54000099\"")));
    ValueSink sink = new ValueSink(null, null, "ae-over-4-hours");
    assertThatThrownBy(() -> loader.loadAccidentAndEmergency(sink))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("england_icb_accidents_emergency.csv.gz")
        .hasMessageContaining("April 2022")
        .hasMessageContaining("the file's rows");
  }

  @Test
  void theShippedNhsSeriesAddUp() {
    NhsSeriesLoader loader = loader(name -> shipped(name));
    ValueSink sink = new RecordingSink();
    loader.loadAccidentAndEmergency(sink);
    loader.loadDischargesBeforeFivePm(sink);
    loader.loadCriteriaToReside(sink);
    assertThat(loader.nationalWaitingList()).hasSize(202);
  }

  private double englandValue(String id, String period) {
    return jdbc.queryForObject(
        "select observation from indicator_value where indicator_id = ? and area_type = 'ENGLAND'"
            + " and period = ?",
        Double.class,
        id,
        period);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.api.Assertions.within(d);
  }

  private NhsSeriesLoader loader(Function<String, ReferenceFile> files) {
    Areas areas = new Areas(geography);
    return new NhsSeriesLoader(areas, new IcbCodes(areas.icbs.values()), files);
  }

  /** Collects nothing: the shipped files must pass every check without writing. */
  private static final class RecordingSink extends ValueSink {
    RecordingSink() {
      super(null, null, "check");
    }

    @Override
    void add(org.fourthpurpose.indicator.AreaValue v) {}
  }

  private static String replaceOnce(String text, String prefix, UnaryOperator<String> edit) {
    int at = text.indexOf(prefix);
    assertThat(at).as(prefix).isPositive();
    int end = text.indexOf('\n', at);
    return text.substring(0, at) + edit.apply(text.substring(at, end)) + text.substring(end);
  }

  private static Function<String, ReferenceFile> altered(String file, UnaryOperator<String> edit) {
    byte[] changed = gzip(edit.apply(gunzip(file)));
    return name ->
        name.equals(file)
            ? ReferenceFile.of(name, n -> new ByteArrayInputStream(changed))
            : shipped(name);
  }

  private static ReferenceFile shipped(String name) {
    return ReferenceFile.of(
        name,
        n ->
            WaitingTimesIntegrationTest.class
                .getClassLoader()
                .getResourceAsStream("reference/" + n));
  }

  private static String gunzip(String name) {
    try (InputStream in =
        new GZIPInputStream(
            WaitingTimesIntegrationTest.class
                .getClassLoader()
                .getResourceAsStream("reference/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
