package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The profile as CSV, Excel and JSON: the same figures as the database holds. */
@ApplicationTest
class ProfileDownloadsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired IcsProfiles profiles;
  @Autowired Geography geography;
  @Autowired JdbcTemplate jdbc;

  private IcsProfile profile(ComparatorChoice choice) {
    return profiles.profile(geography.icb("QYG").orElseThrow(), choice, null);
  }

  private static List<Map<String, String>> csv(String text) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(text))) {
      List<String> header = reader.next().orElseThrow().fields();
      var record = reader.next();
      while (record.isPresent()) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.get().field(i));
        }
        rows.add(row);
        record = reader.next();
      }
    }
    return rows;
  }

  private double stored(String indicatorId, String period) {
    return jdbc.queryForObject(
        "select observation from indicator_value where indicator_id = ? and area_type = 'ICB'"
            + " and area_code = 'E54000008' and period = ?",
        Double.class,
        indicatorId,
        period);
  }

  @Test
  void theCsvHasOneRowPerIndicatorWithTheStoredFiguresAndTheComparator() throws Exception {
    var response =
        mvc.perform(get("/ics/QYG/profile.csv?comparator=neighbours"))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("profile-QYG-neighbours.csv")))
            .andReturn()
            .getResponse();
    String text = response.getContentAsString();
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo(String.join(",", ProfileExport.COLUMNS));
    List<Map<String, String>> rows = csv(text);
    IcsProfile profile = profile(ComparatorChoice.NEIGHBOURS);
    assertThat(rows).hasSize(profile.rows().size());
    Map<String, String> employment =
        rows.stream()
            .filter(r -> r.get("indicatorId").equals("employment-rate"))
            .findFirst()
            .orElseThrow();
    assertThat(employment.get("areaName")).isEqualTo("Cheshire and Merseyside");
    assertThat(Double.parseDouble(employment.get("value")))
        .isEqualTo(stored("employment-rate", employment.get("period")));
    ProfileRow row =
        profile.rows().stream()
            .filter(r -> r.indicator().id().equals("employment-rate"))
            .findFirst()
            .orElseThrow();
    assertThat(employment.get("comparator")).isEqualTo("nearest neighbours");
    assertThat(Double.parseDouble(employment.get("comparatorValue")))
        .isCloseTo(row.comparator().value(), within(1e-9));
    assertThat(employment.get("rank")).isEqualTo(String.valueOf(row.rank()));
    assertThat(employment.get("ranked")).isEqualTo("42");
    // The API gives the same table.
    assertThat(
            mvc.perform(get("/api/v1/icbs/QYG/profile.csv?comparator=neighbours"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .isEqualTo(text);
  }

  @Test
  void theWorkbookHoldsTheSameFiguresAsNumbersWithSummaryAndSources() throws Exception {
    byte[] xlsx =
        mvc.perform(get("/ics/QYG/profile.xlsx?comparator=region"))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    IcsProfile profile = profile(ComparatorChoice.REGION);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> names = workbook.getSheets().map(Sheet::getName).toList();
      assertThat(names).containsExactly("Profile", "Summary", "Sources", "Trends");
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows).hasSize(profile.rows().size() + 1);
      List<String> header = new ArrayList<>();
      rows.get(0).forEach(c -> header.add(c.getRawValue()));
      assertThat(header).containsExactlyElementsOf(ProfileExport.COLUMNS);
      int id = header.indexOf("indicatorId");
      int value = header.indexOf("value");
      int comparator = header.indexOf("comparatorValue");
      Row employment =
          rows.stream()
              .filter(r -> "employment-rate".equals(r.getCellText(id)))
              .findFirst()
              .orElseThrow();
      String period = employment.getCellText(header.indexOf("period"));
      assertThat(employment.getCellAsNumber(value).orElseThrow().doubleValue())
          .isEqualTo(stored("employment-rate", period));
      Double region =
          jdbc.queryForObject(
              "select observation from indicator_value where indicator_id = 'employment-rate'"
                  + " and area_type = 'REGION' and area_code = ? and period = ?",
              Double.class,
              geography.icb("QYG").orElseThrow().regionCode(),
              period);
      assertThat(employment.getCellAsNumber(comparator).orElseThrow().doubleValue())
          .isEqualTo(region);
      List<Row> trends = workbook.getSheets().toList().get(3).read();
      Integer stored =
          jdbc.queryForObject(
              "select count(*) from indicator_value where area_type = 'ICB' and area_code ="
                  + " 'E54000008' and observation is not null",
              Integer.class);
      assertThat(trends).hasSize(stored + 1);
      List<Row> summary = workbook.getSheets().toList().get(1).read();
      assertThat(summary.get(0).getCellText(0))
          .isEqualTo("Cheshire and Merseyside compared with North West");
    }
  }

  @Test
  void theTrendsCsvHoldsEveryPeriodWithTheComparatorsValue() throws Exception {
    String text =
        mvc.perform(get("/ics/QYG/profile/trends.csv?comparator=region"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, String>> rows = csv(text);
    Integer stored =
        jdbc.queryForObject(
            "select count(*) from indicator_value where area_type = 'ICB' and area_code ="
                + " 'E54000008' and observation is not null",
            Integer.class);
    assertThat(rows).hasSize(stored);
    String region = geography.icb("QYG").orElseThrow().regionCode();
    List<Map<String, String>> employment =
        rows.stream().filter(r -> r.get("indicatorId").equals("employment-rate")).toList();
    assertThat(employment).hasSizeGreaterThanOrEqualTo(5);
    for (Map<String, String> r : employment) {
      assertThat(r.get("comparator")).isEqualTo("North West");
      assertThat(Double.parseDouble(r.get("value")))
          .isEqualTo(stored("employment-rate", r.get("period")));
      Double published =
          jdbc.queryForObject(
              "select observation from indicator_value where indicator_id = 'employment-rate'"
                  + " and area_type = 'REGION' and area_code = ? and period = ?",
              Double.class,
              region,
              r.get("period"));
      assertThat(Double.parseDouble(r.get("comparatorValue"))).isEqualTo(published);
      assertThat(Double.parseDouble(r.get("lower95")))
          .isLessThanOrEqualTo(Double.parseDouble(r.get("value")));
    }
  }

  @Test
  void theApiGivesTheProfileAndItsSummaryAsJson() throws Exception {
    String body =
        mvc.perform(get("/api/v1/icbs/E54000008/profile?comparator=region"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode json = JsonMapper.builder().build().readTree(body);
    assertThat(json.get("odsCode").asString()).isEqualTo("QYG");
    assertThat(json.get("comparator").get("key").asString()).isEqualTo("region");
    assertThat(json.get("comparator").get("label").asString()).isEqualTo("North West");
    IcsProfile profile = profile(ComparatorChoice.REGION);
    assertThat(json.get("indicators").size()).isEqualTo(profile.rows().size());
    assertThat(json.get("summary").size()).isEqualTo(profile.summary().size());
    JsonNode first = json.get("indicators").get(0);
    ProfileRow row = profile.rows().get(0);
    assertThat(first.get("indicatorId").asString()).isEqualTo(row.indicator().id());
    assertThat(first.get("value").asDouble()).isEqualTo(row.area().value());
    assertThat(first.get("recentTrend").asString()).isEqualTo(row.trend());
  }
}
