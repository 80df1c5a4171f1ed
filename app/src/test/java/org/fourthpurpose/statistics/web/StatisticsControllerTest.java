package org.fourthpurpose.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.statistics.OhidReferenceVectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(StatisticsController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(StatisticsCsvCalculator.class)
class StatisticsControllerTest {

  private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  @Autowired private MockMvc mvc;

  private ResultActions postCsv(String path, String body) throws Exception {
    return mvc.perform(
        post(path).contentType(TEXT_CSV).content(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<List<String>> parse(String csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(csv))) {
      for (Optional<CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        rows.add(next.get().fields());
      }
    }
    return rows;
  }

  private List<List<String>> csvFrom(String path, String body) throws Exception {
    String response =
        postCsv(path, body)
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(TEXT_CSV))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return parse(response);
  }

  @Test
  void aRateRowGetsItsValueAndBothLevelsToTenSignificantDigits() throws Exception {
    List<List<String>> rows =
        csvFrom("/api/v1/statistics/rate?multiplier=100", "area,count,denominator\nArea4,65,100\n");

    assertThat(rows)
        .containsExactly(
            List.of(
                "area",
                "count",
                "denominator",
                "value",
                "lower95",
                "upper95",
                "lower998",
                "upper998",
                "note"),
            List.of(
                "Area4",
                "65",
                "100",
                "65",
                "50.16318771",
                "82.84913855",
                "42.88026147",
                "94.00029084",
                ""));
  }

  @Test
  void everyRateInThePheRateVectorsComesOutTheSameEndToEnd() throws Exception {
    List<Map<String, String>> vectors =
        OhidReferenceVectors.read("testdata_Rate__testdata_Rate.csv");
    StringBuilder body = new StringBuilder("Area,count,denominator\r\n");
    List<Map<String, String>> perHundredThousand = new ArrayList<>();
    for (Map<String, String> row : vectors) {
      if (row.get("multiplier").equals("1e+05")) {
        perHundredThousand.add(row);
        body.append(row.get("Area")).append(',').append(row.get("Numerator")).append(',');
        body.append(row.get("Denominator")).append("\r\n");
      }
    }

    List<List<String>> rows = csvFrom("/api/v1/statistics/rate", body.toString());

    assertThat(rows).hasSize(perHundredThousand.size() + 1);
    String[][] columns = {
      {"value", "value"},
      {"lower95", "lower95_0cl"},
      {"upper95", "upper95_0cl"},
      {"lower998", "lower99_8cl"},
      {"upper998", "upper99_8cl"}
    };
    List<String> header = rows.get(0);
    int computed = 0;
    for (int i = 0; i < perHundredThousand.size(); i++) {
      Map<String, String> expected = perHundredThousand.get(i);
      List<String> actual = rows.get(i + 1);
      assertThat(actual.get(0)).isEqualTo(expected.get("Area"));
      if (expected.get("value").isEmpty()) {
        assertThat(actual.get(header.indexOf("value"))).isEmpty();
        assertThat(actual.get(header.indexOf("note"))).endsWith("is missing");
        continue;
      }
      for (String[] column : columns) {
        double want = Double.parseDouble(expected.get(column[1]));
        double got = Double.parseDouble(actual.get(header.indexOf(column[0])));
        assertThat(Math.abs(got - want))
            .as("%s %s: %s against R's %s", expected.get("Area"), column[0], got, want)
            .isLessThanOrEqualTo(5e-10 * Math.abs(want));
      }
      computed++;
    }
    assertThat(computed).isEqualTo(9);
  }

  @Test
  void aProportionIsAPercentageByDefault() throws Exception {
    List<List<String>> rows =
        csvFrom("/api/v1/statistics/proportion", "numerator,denominator\n65,100\n");

    assertThat(rows.get(1))
        .containsExactly(
            "65", "100", "65", "55.2544433", "73.63575176", "49.54946574", "77.83540614", "");
  }

  @Test
  void aMeanUsesStudentsTAndIgnoresAnyMultiplier() throws Exception {
    List<List<String>> rows =
        csvFrom("/api/v1/statistics/mean?multiplier=1000", "mean,sd,n\n10,2,10\n");

    assertThat(rows.get(1))
        .containsExactly(
            "10", "2", "10", "10", "8.569286188", "11.43071381", "7.282461489", "12.71753851", "");
  }

  @Test
  void onlyTheRequestedLevelIsAdded() throws Exception {
    List<List<String>> rows =
        csvFrom("/api/v1/statistics/rate?confidence=99.8", "count,denominator\n0,1000\n");

    assertThat(rows)
        .containsExactly(
            List.of("count", "denominator", "value", "lower998", "upper998", "note"),
            List.of("0", "1000", "0", "0", "690.7755279", ""));
  }

  @Test
  void levelsComeOutNinetyFiveFirstWhateverOrderTheyAreAskedIn() throws Exception {
    List<List<String>> rows =
        csvFrom("/api/v1/statistics/rate?confidence=99.8,95", "count,denominator\n0,1000\n");

    assertThat(rows.get(0))
        .containsExactly(
            "count", "denominator", "value", "lower95", "upper95", "lower998", "upper998", "note");
    assertThat(rows.get(1).get(4)).isEqualTo("368.8879454");
  }

  @Test
  void otherColumnsAndAwkwardQuotedFieldsPassThroughUnchanged() throws Exception {
    String body =
        "\"area name\",Count,denominator,\"note about \"\"it\"\"\"\r\n"
            + "\"Leeds, West\",5,100,\"two\r\nlines\"\r\n";

    List<List<String>> rows = csvFrom("/api/v1/statistics/rate", body);

    assertThat(rows.get(0).subList(0, 5))
        .containsExactly("area name", "Count", "denominator", "note about \"it\"", "value");
    assertThat(rows.get(1).subList(0, 5))
        .containsExactly("Leeds, West", "5", "100", "two\r\nlines", "5000");
  }

  @Test
  void rowsThatCannotBeComputedKeepEmptyValuesAndANoteNamingTheColumn() throws Exception {
    List<List<String>> rows =
        csvFrom(
            "/api/v1/statistics/proportion?confidence=95",
            String.join(
                "\n",
                "area,numerator,denominator",
                "A,abc,100",
                "B,5,0",
                "C,101,100",
                "D,-1,100",
                "E,,100",
                "F,0,100",
                ""));

    assertThat(rows.subList(1, rows.size()))
        .containsExactly(
            List.of("A", "abc", "100", "", "", "", "numerator is not a number: 'abc'"),
            List.of("B", "5", "0", "", "", "", "denominator must be greater than 0"),
            List.of(
                "C",
                "101",
                "100",
                "",
                "",
                "",
                "numerator must not be greater than denominator for a proportion"),
            List.of("D", "-1", "100", "", "", "", "numerator must not be negative"),
            List.of("E", "", "100", "", "", "", "numerator is missing"),
            List.of("F", "0", "100", "0", "0", "3.699349821", ""));
  }

  @Test
  void aMeanOfOneObservationGetsANoteExplainingWhy() throws Exception {
    List<List<String>> rows =
        csvFrom("/api/v1/statistics/mean?confidence=95", "mean,sd,n\n5,1,1\n5,-1,10\n5,1,2.5\n");

    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> row.get(row.size() - 1))
        .containsExactly(
            "n must be at least 2: with fewer observations the spread, and so the interval, cannot"
                + " be estimated",
            "sd must not be negative",
            "n must be a whole number of observations");
  }

  @Test
  void aBodyWithoutAHeaderRowIsABadRequestSayingWhichColumnsAreNeeded() throws Exception {
    postCsv("/api/v1/statistics/rate", "65,100\n10,200\n")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "line 1: the header row has no column 'count', 'denominator'; method rate"
                        + " needs a header row with columns count, denominator (found: 65, 100)"))
        .andExpect(jsonPath("$.line").value(1));
  }

  @Test
  void errorsAreProblemJsonEvenForAClientThatAcceptsOnlyCsv() throws Exception {
    mvc.perform(
            post("/api/v1/statistics/rate")
                .contentType(TEXT_CSV)
                .accept(TEXT_CSV)
                .content("count\n5\n"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aMissingRequiredColumnIsABadRequestNamingIt() throws Exception {
    postCsv("/api/v1/statistics/mean", "area,mean,n\nA,5,10\n")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "line 1: the header row has no column 'sd'; method mean needs a header row"
                        + " with columns mean, sd, n (found: area, mean, n)"));
  }

  @Test
  void unbalancedQuotesAreABadRequestWithTheLineAndColumn() throws Exception {
    postCsv("/api/v1/statistics/rate", "area,count,denominator\nA,5,100\n\"B,6,100\nC,7,100\n")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "malformed CSV: unbalanced quotes: the quoted field opened at line 3, column 1"
                        + " is never closed (line 5, column 1)"))
        .andExpect(jsonPath("$.line").value(5))
        .andExpect(jsonPath("$.column").value(1));
  }

  @Test
  void aRowWithMoreFieldsThanTheHeaderIsABadRequestNamingTheLine() throws Exception {
    postCsv("/api/v1/statistics/rate", "count,denominator\n5,100\n5,1,000\n")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "line 3 has 3 fields but the header has 2; quote fields that contain commas"));
  }

  @Test
  void anEmptyBodyIsABadRequest() throws Exception {
    postCsv("/api/v1/statistics/proportion", "")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "the request body is empty: send CSV with a header row naming the columns"
                        + " numerator, denominator"));
  }

  @Test
  void anUnknownMethodIsABadRequestListingTheKnownOnes() throws Exception {
    postCsv("/api/v1/statistics/median", "x\n1\n")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value("unknown method 'median': use one of proportion, rate, mean"));
  }

  @Test
  void aConfidenceLevelOtherThanNinetyFiveOrNinetyNinePointEightIsABadRequest() throws Exception {
    postCsv("/api/v1/statistics/rate?confidence=95,90", "count,denominator\n5,100\n")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "confidence must be 95, 99.8 or both separated by a comma (e.g."
                        + " confidence=95,99.8); got '95,90'"));
  }

  @Test
  void aMultiplierThatIsNotAPositiveNumberIsABadRequest() throws Exception {
    postCsv("/api/v1/statistics/rate?multiplier=-5", "count,denominator\n5,100\n")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value("multiplier must be a positive number such as 100 or 100000; got '-5'"));
  }

  @Test
  void aBodyThatIsNotCsvIsUnsupported() throws Exception {
    mvc.perform(
            post("/api/v1/statistics/rate")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"count\": 5}"))
        .andExpect(status().isUnsupportedMediaType());
  }
}
