package org.fourthpurpose.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a shipped reference file straight from the class path, by a route independent of the
 * product's readers, so tests can recompute expected values from the raw rows.
 */
public final class ShippedCsv {

  private ShippedCsv() {}

  public static List<Map<String, String>> read(String name) {
    try (InputStream raw =
            ShippedCsv.class.getClassLoader().getResourceAsStream("reference/" + name);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      // Some ONS files begin with a UTF-8 byte order mark.
      List<String> header = split(reader.readLine().replaceFirst("^\uFEFF", ""));
      List<Map<String, String>> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        List<String> fields = split(line);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits one line; the shipped files have no line breaks inside quotes. */
  private static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }

  /** Census 2021 residents of each part of each district in each ICB: icb to district to people. */
  public static Map<String, Map<String, Long>> districtPartsByIcb() {
    Map<String, String> lsoaIcb = new HashMap<>();
    for (Map<String, String> r : read("lookup_lsoa21_sicbl24_icb24.csv.gz")) {
      lsoaIcb.put(r.get("lsoa21_code"), r.get("icb24_code"));
    }
    Map<String, String> lsoaLad = new HashMap<>();
    for (Map<String, String> r : read("lookup_lsoa21_ward24_ltla24.csv.gz")) {
      lsoaLad.put(r.get("lsoa21_code"), r.get("ltla24_code"));
    }
    Map<String, Map<String, Long>> parts = new HashMap<>();
    for (Map<String, String> r : read("census21_ethnicity_lsoa21_england_wide.csv.gz")) {
      String lsoa = r.get("lsoa21_code");
      parts
          .computeIfAbsent(lsoaIcb.get(lsoa), k -> new HashMap<>())
          .merge(lsoaLad.get(lsoa), Long.parseLong(r.get("total_residents")), Long::sum);
    }
    return parts;
  }

  /** Each 2024 district's region, from the shipped LAD 2024 to region lookup. */
  public static Map<String, String> districtRegions() {
    Map<String, String> regions = new HashMap<>();
    for (Map<String, String> r : read("lookup_ltla24_region24.csv.gz")) {
      regions.put(r.get("ltla24_code"), r.get("region24_code"));
    }
    return regions;
  }
}
