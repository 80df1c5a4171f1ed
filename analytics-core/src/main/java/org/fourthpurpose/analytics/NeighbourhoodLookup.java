package org.fourthpurpose.analytics;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The neighbourhoods (LSOA 2021) an extract's {@code lsoa_code} can name, with their deprivation
 * and places, and the mapping of 2011 LSOA codes to 2021 ones. Both engines load it from the same
 * CSV file ({@link #writeCsv}), so they classify every pathway identically; {@link
 * NeighbourhoodLookups#fromShippedFiles} builds it from the reference files the application ships.
 *
 * <h2>The CSV file</h2>
 *
 * UTF-8, header line {@value #CSV_HEADER}, no quoting (codes and numbers only), one row per code an
 * extract may use: first every 2021 LSOA ({@code lsoa_code} = {@code lsoa21_code}), sorted by code,
 * then every mapped 2011 code that is not also a 2021 code ({@code lsoa_code} = the 2011 code, the
 * other columns those of the 2021 LSOA it maps to), sorted by code. So an engine classifies a
 * pathway by one equi-join on {@code lsoa_code} (after trimming and upper-casing the extract's
 * value), and a code with no row is {@link ExtractRule#UNKNOWN_LSOA}.
 */
public final class NeighbourhoodLookup {

  /** The CSV header, in this order. */
  public static final String CSV_HEADER =
      "lsoa_code,lsoa21_code,imd_decile,imd_quintile,ics_fifth,icb_code,sub_icb_code,lad_code,population";

  /**
   * One 2021 neighbourhood.
   *
   * @param lsoa21 the LSOA 2021 code ({@code E01…})
   * @param imdDecile national IMD 2025 decile, 1 = most deprived
   * @param imdQuintile national quintile, {@link PathwayGroups#quintileOfDecile(int)}
   * @param icsFifth the fifth of its ICS by population-weighted IMD rank, 1 = most deprived
   * @param icbCode the ICB's ONS code ({@code E54…})
   * @param subIcbCode the sub-ICB location's ONS code ({@code E38…})
   * @param ladCode the local authority district's ONS code (2024)
   * @param population usual residents at Census 2021
   */
  public record Neighbourhood(
      String lsoa21,
      int imdDecile,
      int imdQuintile,
      int icsFifth,
      String icbCode,
      String subIcbCode,
      String ladCode,
      long population) {

    public Neighbourhood {
      Objects.requireNonNull(lsoa21, "lsoa21");
      Objects.requireNonNull(icbCode, "icbCode");
      Objects.requireNonNull(subIcbCode, "subIcbCode");
      Objects.requireNonNull(ladCode, "ladCode");
      if (imdDecile < 1 || imdDecile > 10 || icsFifth < 1 || icsFifth > 5) {
        throw new IllegalArgumentException("decile 1–10 and fifth 1–5 for " + lsoa21);
      }
      if (imdQuintile != PathwayGroups.quintileOfDecile(imdDecile)) {
        throw new IllegalArgumentException("quintile does not match decile for " + lsoa21);
      }
      if (population < 0) {
        throw new IllegalArgumentException("negative population for " + lsoa21);
      }
    }
  }

  private final Map<String, Neighbourhood> byLsoa21;
  private final Map<String, String> lsoa11To21;

  private NeighbourhoodLookup(Map<String, Neighbourhood> byLsoa21, Map<String, String> lsoa11To21) {
    this.byLsoa21 = byLsoa21;
    this.lsoa11To21 = lsoa11To21;
  }

  /**
   * A lookup of these neighbourhoods and 2011 mappings. A 2011 code that is also a 2021 code is
   * dropped from the mapping (the 2021 meaning wins); a mapping to an unknown 2021 code is an
   * error.
   */
  public static NeighbourhoodLookup of(
      Collection<Neighbourhood> neighbourhoods, Map<String, String> lsoa11To21) {
    Map<String, Neighbourhood> byCode = new TreeMap<>();
    for (Neighbourhood n : neighbourhoods) {
      if (byCode.put(n.lsoa21(), n) != null) {
        throw new IllegalArgumentException("neighbourhood " + n.lsoa21() + " appears twice");
      }
    }
    Map<String, String> mapping = new TreeMap<>();
    lsoa11To21.forEach(
        (lsoa11, lsoa21) -> {
          if (!byCode.containsKey(lsoa21)) {
            throw new IllegalArgumentException(lsoa11 + " maps to unknown 2021 LSOA " + lsoa21);
          }
          if (!byCode.containsKey(lsoa11)) {
            mapping.put(lsoa11, lsoa21);
          }
        });
    return new NeighbourhoodLookup(byCode, mapping);
  }

  /** Every 2021 neighbourhood, by code. */
  public List<Neighbourhood> neighbourhoods() {
    return List.copyOf(byLsoa21.values());
  }

  /** The 2011 codes that are not 2021 codes → the 2021 code each maps to, by 2011 code. */
  public Map<String, String> lsoa11To21() {
    return java.util.Collections.unmodifiableMap(lsoa11To21);
  }

  /** The neighbourhood a 2021 code, or a mapped 2011 code, names (trimmed, any case). */
  public Optional<Neighbourhood> find(String code) {
    String c = code.trim().toUpperCase(java.util.Locale.ROOT);
    Neighbourhood direct = byLsoa21.get(c);
    if (direct != null) {
      return Optional.of(direct);
    }
    return Optional.ofNullable(lsoa11To21.get(c)).map(byLsoa21::get);
  }

  /** The neighbourhoods of one ICB (ONS code), by code. */
  public List<Neighbourhood> inIcb(String icbCode) {
    return byLsoa21.values().stream().filter(n -> n.icbCode().equals(icbCode)).toList();
  }

  /** Writes the CSV file described above. */
  public void writeCsv(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(CSV_HEADER);
      out.write('\n');
      for (Neighbourhood n : byLsoa21.values()) {
        writeRow(out, n.lsoa21(), n);
      }
      for (Map.Entry<String, String> e : lsoa11To21.entrySet()) {
        writeRow(out, e.getKey(), byLsoa21.get(e.getValue()));
      }
    }
  }

  private static void writeRow(BufferedWriter out, String code, Neighbourhood n)
      throws IOException {
    out.write(
        String.join(
            ",",
            code,
            n.lsoa21(),
            Integer.toString(n.imdDecile()),
            Integer.toString(n.imdQuintile()),
            Integer.toString(n.icsFifth()),
            n.icbCode(),
            n.subIcbCode(),
            n.ladCode(),
            Long.toString(n.population())));
    out.write('\n');
  }

  /** Reads a file {@link #writeCsv} wrote. */
  public static NeighbourhoodLookup readCsv(Path file) throws IOException {
    List<Neighbourhood> neighbourhoods = new ArrayList<>();
    Map<String, String> mapping = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (!CSV_HEADER.equals(header)) {
        throw new IOException(file + " does not start with the header " + CSV_HEADER);
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 9) {
          throw new IOException(file + " line " + number + ": expected 9 fields");
        }
        try {
          if (f[0].equals(f[1])) {
            neighbourhoods.add(
                new Neighbourhood(
                    f[1],
                    Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    f[5],
                    f[6],
                    f[7],
                    Long.parseLong(f[8])));
          } else {
            mapping.put(f[0], f[1]);
          }
        } catch (IllegalArgumentException e) {
          throw new IOException(file + " line " + number + ": " + e.getMessage(), e);
        }
      }
    }
    neighbourhoods.sort(Comparator.comparing(Neighbourhood::lsoa21));
    return of(neighbourhoods, mapping);
  }
}
