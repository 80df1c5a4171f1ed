package org.fourthpurpose.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fourthpurpose.analytics.Breakdown;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.fourthpurpose.analytics.NeighbourhoodLookup.Neighbourhood;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a small extract whose tables were worked out by hand: 20 pathways in the most
 * deprived quintile waiting 10, 20 … 200 days, 10 in the middle quintile waiting 400 … 490 days and
 * 20 in the least deprived waiting 5, 10 … 100 days; everyone White, aged 50, male, first language
 * English, no learning disability or mental illness recorded, treatment function 110. No group has
 * 1–7 pathways, so nothing is suppressed and the values can be checked exactly.
 */
class SparkJobTest {

  static final LocalDate CENSUS = LocalDate.of(2025, 3, 31);

  @TempDir static Path dir;
  static Path lookup;
  static Path extract;

  @BeforeAll
  static void files() throws IOException {
    lookup = dir.resolve("neighbourhoods.csv");
    NeighbourhoodLookup.of(
            List.of(
                new Neighbourhood(
                    "E01000001", 1, 1, 1, "E54000001", "E38000001", "E06000001", 1500),
                new Neighbourhood(
                    "E01000003", 5, 3, 3, "E54000001", "E38000001", "E06000001", 1500),
                new Neighbourhood(
                    "E01000005", 9, 5, 5, "E54000001", "E38000002", "E06000002", 1500)),
            Map.of("E01099991", "E01000001"))
        .writeCsv(lookup);
    List<String> lines = new ArrayList<>();
    lines.add(
        "pathway_id,lsoa_code,age,sex,ethnicity,first_language_english,learning_disability,"
            + "mental_health,treatment_function,clock_start,provider_code");
    for (int i = 1; i <= 20; i++) {
      // Half the most deprived quintile's pathways use the 2011 code that maps to it.
      lines.add(row("Q1-" + i, i % 2 == 0 ? "E01099991" : "E01000001", 10 * i));
    }
    for (int i = 0; i < 10; i++) {
      lines.add(row("Q3-" + i, "E01000003", 400 + 10 * i));
    }
    for (int i = 1; i <= 20; i++) {
      lines.add(row("Q5-" + i, "E01000005", 5 * i));
    }
    extract = dir.resolve("extract.csv");
    Files.write(extract, lines, StandardCharsets.UTF_8);
  }

  private static String row(String id, String lsoa, int waitDays) {
    return String.join(
        ",",
        id,
        lsoa,
        "50",
        "1",
        "A",
        "Y",
        "N",
        "N",
        "110",
        CENSUS.minusDays(waitDays).toString(),
        "RX1");
  }

  record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SharedSpark.session(); // the job's getOrCreate finds the tests' session
    int status =
        SparkJob.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The first eight (API) columns of each line of a written table. */
  private static List<String> apiColumns(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 8)))
        .toList();
  }

  @Test
  void writesEveryBreakdownWithTheApiColumnsAndHandWorkedValues() throws IOException {
    Path output = dir.resolve("tables");
    Run run =
        run(
            "--input", extract.toString(),
            "--census-date", CENSUS.toString(),
            "--output", output.toString(),
            "--lookup", lookup.toString());

    assertThat(run.status()).as(run.err()).isEqualTo(SparkJob.OK);
    assertThat(run.out()).contains("50 pathways at 2025-03-31").contains("wrote 14 tables");
    try (Stream<Path> files = Files.list(output)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyElementsOf(
              Stream.of(Breakdown.values()).map(b -> b.slug() + ".csv").sorted().toList());
    }
    // Medians and 92nd percentiles by R's type 7: e.g. 10…200 → h = 0.92 × 19 = 17.48 → 180 +
    // 0.48 × 10 = 184.8. Over 18 weeks (> 126 days) in the first quintile: 130…200, 8 pathways,
    // published rounded to the nearest 5 (10); the percentage is from the unrounded 8 / 20.
    assertThat(apiColumns(output.resolve("imd-quintile.csv")))
        .containsExactly(
            "group,waiting,medianDays,p92Days,over18Weeks,over52Weeks,percentOver18Weeks,suppressed",
            "1,20,105.0,184.8,10,0,40.0,false",
            "2,0,,,0,0,,false",
            "3,10,445.0,482.8,10,10,100.0,false",
            "4,0,,,0,0,,false",
            "5,20,52.5,92.4,0,0,0.0,false");
    assertThat(apiColumns(output.resolve("sub-icb.csv")))
        .containsExactly(
            "group,waiting,medianDays,p92Days,over18Weeks,over52Weeks,percentOver18Weeks,suppressed",
            // 10…200 and 400…490: 30 waits, median (150 + 160) / 2, p92 at h = 26.68 → 460 + 6.8;
            // 18 over 18 weeks, published as 20; 18 / 30 = 60.0%
            "E38000001,30,155.0,466.8,20,10,60.0,false",
            "E38000002,20,52.5,92.4,0,0,0.0,false");
    assertThat(apiColumns(output.resolve("ethnicity.csv")))
        .contains("White,50,87.5,450.8,20,10,36.0,false", "Mixed,0,,,0,0,,false");
    assertThat(Files.readAllLines(output.resolve("ethnicity-by-ics-fifth.csv")).get(0))
        .startsWith(
            "group,waiting,medianDays,p92Days,over18Weeks,over52Weeks,percentOver18Weeks,suppressed,column");
  }

  @Test
  void refusesABrokenExtractNamingLineAndColumnAndWritesNothing() throws IOException {
    Path broken = dir.resolve("broken.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(extract));
    lines.set(3, lines.get(3).replace(",50,", ",150,"));
    lines.add(lines.get(1));
    Files.write(broken, lines);
    Path output = dir.resolve("not-written");

    Run run =
        run(
            "--input", broken.toString(),
            "--census-date", CENSUS.toString(),
            "--output", output.toString(),
            "--lookup", lookup.toString());

    assertThat(run.status()).isEqualTo(SparkJob.REFUSED);
    assertThat(run.err())
        .contains("2 problems")
        .contains("line 4, column age: '150' is not a whole number of years from 0 to 120")
        .contains("line 52, column pathway_id: 'Q1-1' appears on an earlier line");
    assertThat(output).doesNotExist();
  }

  @Test
  void explainsWrongArgumentsWithoutStartingSpark() {
    Run missing = run("--input", extract.toString(), "--output", dir.toString());
    assertThat(missing.status()).isEqualTo(SparkJob.USAGE);
    assertThat(missing.err()).contains("--census-date is required").contains("Usage:");

    Run badDate =
        run("--input", extract.toString(), "--census-date", "31/03/2025", "--output", "x");
    assertThat(badDate.err()).contains("'31/03/2025' is not a date written YYYY-MM-DD");

    Run unknownFormat =
        run("--input", "extract.txt", "--census-date", "2025-03-31", "--output", "x");
    assertThat(unknownFormat.err()).contains("give --format csv or --format parquet");
  }
}
