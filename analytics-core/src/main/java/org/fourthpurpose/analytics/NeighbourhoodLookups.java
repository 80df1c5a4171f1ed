package org.fourthpurpose.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Builds the {@link NeighbourhoodLookup} from the reference files the application ships (in {@code
 * app/src/main/resources/reference}), so the web application and the Spark job classify
 * neighbourhoods identically.
 *
 * <ul>
 *   <li>{@value #IMD}: national IMD 2025 decile and rank of each LSOA 2021 ({@code IMD_decile},
 *       {@code IMD_rank}, rank 1 = most deprived).
 *   <li>{@value #ICB}: sub-ICB location and ICB (ONS codes {@code sicbl24_code}, {@code
 *       icb24_code}).
 *   <li>{@value #LAD}: local authority district ({@code ltla24_code}; an LSOA split across wards
 *       appears more than once, always with the same district).
 *   <li>{@value #POPULATION}: usual residents at Census 2021 ({@code total_residents}), the same
 *       weights the {@code deprivation} module uses.
 *   <li>{@value #LSOA11}: 2011 → 2021 LSOAs. A 2011 LSOA that was split maps to the 2021 LSOA with
 *       the most residents among its successors (ties: the lowest code); merged and unchanged ones
 *       map to their one successor.
 * </ul>
 *
 * <p>The ICS's own deprivation fifths: within each ICB, its LSOAs are ordered by national IMD rank
 * (most deprived first, ties by code) and their residents accumulated; an LSOA is in the fifth that
 * holds the midpoint of its residents, {@code min(5, floor(5 × (before + population / 2) /
 * icbPopulation) + 1)}, where {@code before} is the residents of the LSOAs ahead of it. Each fifth
 * so holds about a fifth of the ICB's residents.
 */
public final class NeighbourhoodLookups {

  public static final String IMD = "imd2025_england_lsoa21.csv.gz";
  public static final String ICB = "lookup_lsoa21_sicbl24_icb24.csv.gz";
  public static final String LAD = "lookup_lsoa21_ward24_ltla24.csv.gz";
  public static final String POPULATION = "census21_ethnicity_lsoa21_england_wide.csv.gz";
  public static final String LSOA11 = "lookup_lsoa11_lsoa21_ltla22.csv.gz";

  private NeighbourhoodLookups() {}

  /** The lookup of every LSOA 2021 in England, from the shipped files in {@code dir}. */
  public static NeighbourhoodLookup fromShippedFiles(Path dir) throws IOException {
    Map<String, int[]> imd = new HashMap<>(); // decile, rank
    read(
        dir.resolve(IMD),
        List.of("lsoa21_code", "IMD_decile", "IMD_rank"),
        f -> imd.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])}));
    Map<String, String[]> icb = new HashMap<>(); // sub-ICB, ICB
    read(
        dir.resolve(ICB),
        List.of("lsoa21_code", "sicbl24_code", "icb24_code"),
        f -> icb.put(f[0], new String[] {f[1], f[2]}));
    Map<String, String> lad = new HashMap<>();
    read(dir.resolve(LAD), List.of("lsoa21_code", "ltla24_code"), f -> lad.put(f[0], f[1]));
    Map<String, Long> population = new HashMap<>();
    read(
        dir.resolve(POPULATION),
        List.of("lsoa21_code", "total_residents"),
        f -> population.put(f[0], Long.parseLong(f[1])));

    // ICS fifths: per ICB, LSOAs in IMD rank order, each in the fifth holding its midpoint.
    Map<String, List<String>> byIcb = new TreeMap<>();
    for (Map.Entry<String, String[]> e : icb.entrySet()) {
      String code = e.getKey();
      if (!imd.containsKey(code) || !lad.containsKey(code) || !population.containsKey(code)) {
        throw new IOException(code + " is in " + ICB + " but not in every other shipped file");
      }
      byIcb.computeIfAbsent(e.getValue()[1], k -> new ArrayList<>()).add(code);
    }
    List<NeighbourhoodLookup.Neighbourhood> neighbourhoods = new ArrayList<>(icb.size());
    for (List<String> codes : byIcb.values()) {
      codes.sort(
          Comparator.comparingInt((String c) -> imd.get(c)[1])
              .thenComparing(Comparator.naturalOrder()));
      long icbPopulation = codes.stream().mapToLong(population::get).sum();
      long before = 0;
      for (String code : codes) {
        long people = population.get(code);
        int fifth = icsFifth(before, people, icbPopulation);
        before += people;
        int decile = imd.get(code)[0];
        neighbourhoods.add(
            new NeighbourhoodLookup.Neighbourhood(
                code,
                decile,
                PathwayGroups.quintileOfDecile(decile),
                fifth,
                icb.get(code)[1],
                icb.get(code)[0],
                lad.get(code),
                people));
      }
    }

    Map<String, List<String>> successors = new TreeMap<>();
    read(
        dir.resolve(LSOA11),
        List.of("lsoa11_code", "lsoa21_code"),
        f -> {
          if (f[0].startsWith("E") && icb.containsKey(f[1])) {
            successors.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
          }
        });
    Map<String, String> lsoa11To21 = new HashMap<>();
    successors.forEach(
        (lsoa11, lsoas21) ->
            lsoa11To21.put(
                lsoa11,
                lsoas21.stream()
                    .min(
                        Comparator.comparingLong((String c) -> -population.get(c))
                            .thenComparing(Comparator.naturalOrder()))
                    .orElseThrow()));
    return NeighbourhoodLookup.of(neighbourhoods, lsoa11To21);
  }

  /**
   * The fifth (1–5) holding the midpoint of an LSOA's residents, given the residents of the more
   * deprived LSOAs ahead of it and the ICB's total.
   */
  public static int icsFifth(long before, long population, long icbPopulation) {
    if (icbPopulation <= 0) {
      return 1;
    }
    double midpoint = before + population / 2.0;
    return (int) Math.min(5, Math.floor(5.0 * midpoint / icbPopulation) + 1);
  }

  /**
   * The ONS code of an ICB named by its NHS code ({@code QYG}) or ONS code ({@code E54000008}),
   * from the shipped {@value #ICB}.
   */
  public static String icbOnsCode(Path dir, String code) throws IOException {
    Map<String, String> codes = new HashMap<>();
    read(
        dir.resolve(ICB),
        List.of("icb24_code", "icb24_code_nhs"),
        f -> {
          codes.put(f[0], f[0]);
          codes.put(f[1], f[0]);
        });
    String ons = codes.get(code);
    if (ons == null) {
      throw new IllegalArgumentException(code + " is not an ICB code in " + ICB);
    }
    return ons;
  }

  private static void read(Path file, List<String> columns, Consumer<String[]> row)
      throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new IOException(file + " is empty");
      }
      List<String> header = fields(headerLine);
      int[] at = new int[columns.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = header.indexOf(columns.get(i));
        if (at[i] < 0) {
          throw new IOException(file + " has no column " + columns.get(i));
        }
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        List<String> f = fields(line);
        String[] picked = new String[at.length];
        for (int i = 0; i < at.length; i++) {
          picked[i] = f.get(at[i]).trim();
        }
        row.accept(picked);
      }
    }
  }

  /** The fields of one CSV line (RFC 4180 quotes; the shipped files have no newline in a field). */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
