package org.fourthpurpose.anchor.spend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The ONS Postcode Directory (ONSPD) or National Statistics Postcode Lookup, read from a CSV file
 * (optionally gzipped) a deploying ICB points the product at with {@code
 * fp.anchor.spend.postcode-directory}; off by default, as the file is about 1 GB and not shipped.
 * Only the postcode ({@code pcds}, or {@code pcd}) and its 2021 LSOA ({@code lsoa21}, or {@code
 * lsoa21cd}) are kept, packed into sorted arrays (about 12 bytes a postcode, 35 MB for England's
 * 2.7 million), read once on first use. Terminated postcodes are kept: an old invoice may use one.
 */
@Component
@ConditionalOnProperty("fp.anchor.spend.postcode-directory")
class OnsPostcodeDirectory implements PostcodeDirectory {

  private final Path file;
  private volatile Lookup lookup;

  private record Lookup(long[] postcodes, int[] lsoas, String[] codes) {}

  OnsPostcodeDirectory(@Value("${fp.anchor.spend.postcode-directory}") Path file) {
    this.file = file;
  }

  @Override
  public String lsoaOf(String postcode) {
    long key = key(postcode);
    if (key < 0) {
      return null;
    }
    Lookup l = lookup();
    int at = Arrays.binarySearch(l.postcodes(), key);
    return at < 0 ? null : l.codes()[l.lsoas()[at]];
  }

  /**
   * A postcode as a number: its letters and digits without spaces, upper case, in base 37; -1 for
   * text that cannot be a postcode (not 5 to 7 letters and digits).
   */
  static long key(String postcode) {
    if (postcode == null) {
      return -1;
    }
    long key = 0;
    int length = 0;
    for (int i = 0; i < postcode.length(); i++) {
      char c = Character.toUpperCase(postcode.charAt(i));
      int digit;
      if (c >= 'A' && c <= 'Z') {
        digit = c - 'A' + 11;
      } else if (c >= '0' && c <= '9') {
        digit = c - '0' + 1;
      } else if (c == ' ') {
        continue;
      } else {
        return -1;
      }
      if (++length > 7) {
        return -1;
      }
      key = key * 37 + digit;
    }
    return length < 5 ? -1 : key;
  }

  private Lookup lookup() {
    Lookup l = lookup;
    if (l == null) {
      synchronized (this) {
        if (lookup == null) {
          lookup = read(file);
        }
        l = lookup;
      }
    }
    return l;
  }

  static Lookup read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(raw, 64 * 1024)
                : raw;
        CsvReader reader =
            new CsvReader(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024))) {
      CsvRecord header =
          reader.next().orElseThrow(() -> new IllegalStateException(file + " is empty"));
      int postcodeColumn = column(header, "pcds", "pcd");
      int lsoaColumn = column(header, "lsoa21", "lsoa21cd");
      Map<String, Integer> codeIndex = new HashMap<>();
      List<String> codes = new ArrayList<>();
      // Each postcode (37 bits) and its LSOA's index (under 2^16: England has 33,755) in one
      // long, so one primitive sort orders both.
      long[] packed = new long[1 << 20];
      int n = 0;
      for (var next = reader.next(); next.isPresent(); next = reader.next()) {
        CsvRecord r = next.get();
        if (r.size() <= Math.max(postcodeColumn, lsoaColumn)) {
          continue;
        }
        String lsoa = r.field(lsoaColumn).strip();
        long key = key(r.field(postcodeColumn));
        if (key < 0 || !lsoa.startsWith("E01")) {
          continue;
        }
        Integer index = codeIndex.get(lsoa);
        if (index == null) {
          index = codes.size();
          codes.add(lsoa);
          codeIndex.put(lsoa, index);
        }
        if (n == packed.length) {
          packed = Arrays.copyOf(packed, n * 2);
        }
        packed[n++] = key << 16 | index;
      }
      Arrays.sort(packed, 0, n);
      long[] sortedKeys = new long[n];
      int[] sortedLsoas = new int[n];
      for (int i = 0; i < n; i++) {
        sortedKeys[i] = packed[i] >>> 16;
        sortedLsoas[i] = (int) (packed[i] & 0xFFFF);
      }
      return new Lookup(sortedKeys, sortedLsoas, codes.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException("The postcode directory " + file + " cannot be read", e);
    }
  }

  private static int column(CsvRecord header, String... names) {
    for (String name : names) {
      for (int i = 0; i < header.size(); i++) {
        if (header.field(i).strip().equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    throw new IllegalStateException(
        "The postcode directory has no " + String.join(" or ", names) + " column");
  }
}
