package org.fourthpurpose.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a <b>synthetic</b> record-level waiting-list extract: made-up pathways for demonstration,
 * tests and benchmarks, never real patients. Seeded, so the same settings write the same file.
 *
 * <p>Realistic shape: neighbourhoods are real LSOAs of the chosen ICB drawn in proportion to their
 * residents; treatment functions follow an elective specialty mix; waits are drawn with longer
 * waits injected for the more deprived neighbourhoods, some ethnic groups, people whose first
 * language is not English and people with a learning disability, so the analyses have gaps to find.
 *
 * <p>Everything says it is synthetic: every {@code pathway_id} starts {@code SYNTHETIC-}, the file
 * name should contain {@code synthetic} (the CLI refuses another), and a sidecar {@code
 * <file>.README.txt} says what the file is, with the settings that made it. CSV only, with the
 * canonical headers ({@link ExtractColumn#headers()}), written streaming (any number of rows).
 *
 * <p>As a command: {@code java -cp analytics-core.jar
 * org.fourthpurpose.analytics.SyntheticWaitingList --icb QYG --rows 1000000 --seed 42 --out
 * /tmp/synthetic-qyg.csv [--census-date 2026-03-31] [--reference app/src/main/resources/reference |
 * --lookup neighbourhoods.csv]}.
 */
public final class SyntheticWaitingList {

  /** Treatment functions and their share of the list (a typical elective mix). */
  private static final String[] FUNCTIONS = {
    "110", "130", "120", "502", "100", "301", "320", "330", "101", "140", "340", "410", "400",
    "300", "160", "150", "170", "430", "307", "X02", "X05"
  };

  private static final double[] FUNCTION_WEIGHTS = {
    12, 9, 7, 7, 7, 6, 5, 6, 5, 5, 3, 3, 3, 2, 2, 1, 1, 1, 1, 5, 3
  };

  /** A typical median wait in days in each function, before the injected disparities. */
  private static final double[] FUNCTION_WAITS = {
    150, 90, 110, 100, 100, 80, 70, 85, 95, 140, 75, 70, 90, 60, 120, 110, 100, 60, 55, 80, 95
  };

  private static final String[] ETHNIC_CODES = {
    "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99", ""
  };

  private static final double[] ETHNIC_WEIGHTS = {
    74, 2, 4, 0.8, 0.6, 0.6, 0.5, 2.5, 3, 1.2, 1.3, 1.4, 1.6, 0.5, 0.8, 1.2, 2, 0.5, 0.5
  };

  private SyntheticWaitingList() {}

  /**
   * Writes {@code rows} synthetic pathways of one ICB, and the sidecar README.
   *
   * @param lookup the neighbourhoods to draw from
   * @param icbCode the ICB's ONS code ({@code E54…}) as in the lookup
   * @param rows how many pathways, at least 1
   * @param seed the random seed
   * @param censusDate the census date: every clock start is on or before it
   * @param out the CSV file to write (replaced)
   */
  public static void write(
      NeighbourhoodLookup lookup,
      String icbCode,
      long rows,
      long seed,
      LocalDate censusDate,
      Path out)
      throws IOException {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, was " + rows);
    }
    List<NeighbourhoodLookup.Neighbourhood> areas = lookup.inIcb(icbCode);
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("no neighbourhoods in ICB " + icbCode);
    }
    double[] areaWeights = new double[areas.size()];
    for (int i = 0; i < areaWeights.length; i++) {
      areaWeights[i] = Math.max(1, areas.get(i).population());
    }
    Sampler areaSampler = new Sampler(areaWeights);
    Sampler functionSampler = new Sampler(FUNCTION_WEIGHTS);
    Sampler ethnicSampler = new Sampler(ETHNIC_WEIGHTS);
    SplittableRandom random = new SplittableRandom(seed);
    try (Writer writer =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
      writer.write(String.join(",", ExtractColumn.headers()));
      writer.write('\n');
      StringBuilder line = new StringBuilder(160);
      for (long n = 1; n <= rows; n++) {
        NeighbourhoodLookup.Neighbourhood area = areas.get(areaSampler.draw(random));
        int function = functionSampler.draw(random);
        String ethnicity = ETHNIC_CODES[ethnicSampler.draw(random)];
        String group = ethnicity.isEmpty() ? "Not stated" : PathwayGroups.ethnicGroup(ethnicity);
        boolean minority = !group.equals("White") && !group.equals("Not stated");
        double u = random.nextDouble();
        String language = u < 0.1 ? "" : random.nextDouble() < (minority ? 0.25 : 0.03) ? "N" : "Y";
        u = random.nextDouble();
        String disability = u < 0.105 ? "" : u < 0.12 ? "Y" : "N";
        u = random.nextDouble();
        String mentalHealth = u < 0.1 ? "" : u < 0.12 ? "Y" : "N";
        String age = age(random);
        u = random.nextDouble();
        String sex = u < 0.45 ? "1" : u < 0.99 ? "2" : u < 0.992 ? "9" : "0";

        // Longer waits injected: deprivation, ethnic group, language, learning disability, SMI.
        double multiplier = 1 + 0.03 * (10 - area.imdDecile());
        multiplier *=
            switch (group) {
              case "Black" -> 1.12;
              case "Asian" -> 1.08;
              case "Mixed", "Other" -> 1.05;
              default -> 1.0;
            };
        if (language.equals("N")) {
          multiplier *= 1.15;
        }
        if (disability.equals("Y")) {
          multiplier *= FUNCTIONS[function].equals("110") ? 1.35 : 1.2;
        }
        if (mentalHealth.equals("Y")) {
          multiplier *= 1.1;
        }
        double gaussian = gaussian(random);
        long wait =
            Math.min(
                1500, Math.round(FUNCTION_WAITS[function] * multiplier * Math.exp(0.8 * gaussian)));
        line.setLength(0);
        line.append("SYNTHETIC-").append(icbCode).append('-').append(n).append(',');
        line.append(area.lsoa21()).append(',');
        line.append(age).append(',');
        line.append(sex).append(',');
        line.append(ethnicity).append(',');
        line.append(language).append(',');
        line.append(disability).append(',');
        line.append(mentalHealth).append(',');
        line.append(FUNCTIONS[function]).append(',');
        line.append(censusDate.minusDays(wait)).append(',');
        line.append("SYN0").append(1 + random.nextInt(5)).append('\n');
        writer.append(line);
      }
    }
    Path readme = out.resolveSibling(out.getFileName() + ".README.txt");
    Files.writeString(
        readme,
        "SYNTHETIC DATA - NOT REAL PATIENTS\n\n"
            + out.getFileName()
            + " is a synthetic waiting-list extract made by Fourth Purpose's SyntheticWaitingList"
            + " for demonstration, tests and benchmarks. Every pathway is invented: pathway ids"
            + " start SYNTHETIC-. Neighbourhoods are real LSOAs of the ICB drawn in proportion to"
            + " their residents; waits have disparities injected on purpose (deprivation, ethnic"
            + " group, first language, learning disability, serious mental illness), so nothing"
            + " may be concluded from them about any real service.\n\n"
            + "Settings: icb="
            + icbCode
            + " rows="
            + rows
            + " seed="
            + seed
            + " census-date="
            + censusDate
            + "\n",
        StandardCharsets.UTF_8);
  }

  private static String age(SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.005) {
      return "";
    } else if (u < 0.085) {
      return Integer.toString(random.nextInt(18));
    } else if (u < 0.265) {
      return Integer.toString(18 + random.nextInt(22));
    } else if (u < 0.535) {
      return Integer.toString(40 + random.nextInt(20));
    } else if (u < 0.805) {
      return Integer.toString(60 + random.nextInt(15));
    }
    return Integer.toString(75 + random.nextInt(26));
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian in Java 17.
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Draws an index in proportion to fixed weights (cumulative sums and a binary search). */
  private static final class Sampler {
    private final double[] cumulative;

    Sampler(double[] weights) {
      cumulative = new double[weights.length];
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i];
        cumulative[i] = sum;
      }
    }

    int draw(SplittableRandom random) {
      double u = random.nextDouble() * cumulative[cumulative.length - 1];
      int index = Arrays.binarySearch(cumulative, u);
      index = index >= 0 ? index + 1 : -index - 1;
      return Math.min(index, cumulative.length - 1);
    }
  }

  /** The command described above. */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("unexpected argument " + args[i]);
        return;
      }
      options.put(args[i].substring(2), args[++i]);
    }
    for (String required : List.of("icb", "rows", "seed", "out")) {
      if (!options.containsKey(required)) {
        usage("--" + required + " is required");
        return;
      }
    }
    Path out = Path.of(options.get("out"));
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).contains("synthetic")) {
      usage("the output file name must contain 'synthetic', so nobody takes it for real data");
      return;
    }
    LocalDate census = LocalDate.parse(options.getOrDefault("census-date", "2025-03-31"));
    Path reference = Path.of(options.getOrDefault("reference", "app/src/main/resources/reference"));
    NeighbourhoodLookup lookup =
        options.containsKey("lookup")
            ? NeighbourhoodLookup.readCsv(Path.of(options.get("lookup")))
            : NeighbourhoodLookups.fromShippedFiles(reference);
    String icb = options.get("icb");
    if (!icb.startsWith("E54")) {
      icb = NeighbourhoodLookups.icbOnsCode(reference, icb);
    }
    long started = System.nanoTime();
    write(
        lookup,
        icb,
        Long.parseLong(options.get("rows")),
        Long.parseLong(options.get("seed")),
        census,
        out);
    System.out.printf(
        Locale.ROOT,
        "Wrote %s synthetic pathways of %s to %s in %.1f s (see %s.README.txt)%n",
        options.get("rows"),
        icb,
        out,
        (System.nanoTime() - started) / 1e9,
        out.getFileName());
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: SyntheticWaitingList --icb QYG --rows N --seed S --out synthetic-FILE.csv"
            + " [--census-date YYYY-MM-DD] [--reference DIR | --lookup FILE]");
    System.exit(2);
  }
}
