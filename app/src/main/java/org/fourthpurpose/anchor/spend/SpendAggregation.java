package org.fourthpurpose.anchor.spend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.fourthpurpose.anchor.spend.SpendPlaces.LsoaFacts;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;
import org.fourthpurpose.anchor.spend.SpendSummary.SupplierSpend;
import org.fourthpurpose.anchor.spend.SpendSummary.UnplacedLine;
import org.fourthpurpose.geography.LsoaPlacement;

/**
 * Checks and adds up a spend file one row at a time, holding only running totals: by district, by
 * deprivation decile and by supplier (at most one entry per supplier, so bounded by the row limit),
 * never the rows. Every row is checked even after a problem is found, so a refused file lists every
 * problem at once (up to {@link #MAXIMUM_PROBLEMS_LISTED}).
 *
 * <p>A row's location is one of: an LSOA 2021 code, a district code, a latitude and longitude
 * (placed in its LSOA by point-in-polygon), or a postcode (placed through the ONS postcode
 * directory when the deployment has one). A row with none is counted as unlocated, as is a position
 * or postcode that cannot be placed; both are listed with their line. Two kinds of location on one
 * row, an unknown code, an amount that is not an amount and the like refuse the file.
 */
final class SpendAggregation {

  /** Data rows read from one file: twice a large NHS trust's year of invoices. */
  static final long MAXIMUM_ROWS = 1_000_000;

  static final int MAXIMUM_PROBLEMS_LISTED = 1_000;
  static final int MAXIMUM_UNPLACED_LISTED = 1_000;
  static final int TOP_SUPPLIERS = 20;
  static final int MAXIMUM_SUPPLIER_LENGTH = 200;

  /** The largest amount on one row, £10bn: so a million rows cannot overflow the sums. */
  static final long MAXIMUM_PENCE = 1_000_000_000_000L;

  // Optional minus, optional pound sign, digits (in groups of three with commas, or not), and at
  // most two decimal places.
  private static final Pattern AMOUNT =
      Pattern.compile("-?£?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?");

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final SpendPlaces places;
  private final String file;
  private final long maximumRows;

  private long rows;
  private long total;
  private long footprint;
  private long deprived;
  private long lsoaPence;
  private long districtOnly;
  private long unlocated;
  private final long[] deciles = new long[11];
  private final Map<String, long[]> districts = new HashMap<>();
  private final Map<String, Supplier> suppliers = new HashMap<>();
  private long sme;
  private long smeFlagged;
  private long vcse;
  private long vcseFlagged;
  private long nearRows;
  private final List<UnplacedLine> unplaced = new ArrayList<>();
  private long unplacedRows;
  private final List<SpendProblem> problems = new ArrayList<>();
  private long problemCount;
  private boolean hasSme;
  private boolean hasVcse;

  private static final class Supplier {
    final String name;
    long pence;
    long rows;

    Supplier(String name) {
      this.name = name;
    }
  }

  SpendAggregation(SpendPlaces places, String file) {
    this(places, file, MAXIMUM_ROWS);
  }

  SpendAggregation(SpendPlaces places, String file, long maximumRows) {
    this.places = places;
    this.file = file;
    this.maximumRows = maximumRows;
  }

  /**
   * Reads, checks and adds up every row.
   *
   * @throws SpendFileRefused with every problem found, if there were any
   */
  SpendSummary read(SpendRows source) {
    String[] fields = new String[SpendColumn.values().length];
    hasSme = source.has(SpendColumn.SME);
    hasVcse = source.has(SpendColumn.VCSE);
    long line;
    while ((line = source.next(fields)) >= 0) {
      if (rows == maximumRows) {
        problem(
            line,
            null,
            "the file has more than "
                + String.format(Locale.UK, "%,d", maximumRows)
                + " rows: split it into smaller files, for example by quarter");
        break;
      }
      row(source, line, fields);
    }
    if (rows == 0 && problemCount == 0) {
      problem(0, null, "has a header but no rows of spend");
    }
    if (problemCount > 0) {
      throw new SpendFileRefused(file, problems, problemCount);
    }
    return summary();
  }

  private void row(SpendRows source, long line, String[] f) {
    rows++;
    long before = problemCount;
    String supplier = f[SpendColumn.SUPPLIER.ordinal()];
    if (supplier == null) {
      problem(line, source.name(SpendColumn.SUPPLIER), "is empty: give the supplier's name");
    } else {
      supplier = SPACES.matcher(supplier.strip()).replaceAll(" ");
      if (supplier.length() > MAXIMUM_SUPPLIER_LENGTH) {
        problem(
            line,
            source.name(SpendColumn.SUPPLIER),
            "is longer than " + MAXIMUM_SUPPLIER_LENGTH + " characters");
      }
    }
    long pence = amount(source, line, f[SpendColumn.AMOUNT.ordinal()]);
    Boolean isSme = flag(source, line, SpendColumn.SME, f);
    Boolean isVcse = flag(source, line, SpendColumn.VCSE, f);

    // One kind of location per row.
    String lsoa = f[SpendColumn.LSOA_CODE.ordinal()];
    String lad = f[SpendColumn.LAD_CODE.ordinal()];
    String latitude = f[SpendColumn.LATITUDE.ordinal()];
    String longitude = f[SpendColumn.LONGITUDE.ordinal()];
    String postcode = f[SpendColumn.POSTCODE.ordinal()];
    List<SpendColumn> given = new ArrayList<>(2);
    if (lsoa != null) {
      given.add(SpendColumn.LSOA_CODE);
    }
    if (lad != null) {
      given.add(SpendColumn.LAD_CODE);
    }
    if (latitude != null || longitude != null) {
      given.add(latitude != null ? SpendColumn.LATITUDE : SpendColumn.LONGITUDE);
    }
    if (postcode != null) {
      given.add(SpendColumn.POSTCODE);
    }
    if (given.size() > 1) {
      problem(
          line,
          source.name(given.get(1)),
          "gives a "
              + given.get(1).heading()
              + " as well as a "
              + given.get(0).heading()
              + ": give one kind of location per row and leave the others empty");
      return;
    }
    LsoaFacts facts = null;
    String district = null;
    String unplacedReason = null;
    if (lsoa != null) {
      String code = lsoa.strip().toUpperCase(Locale.ROOT);
      facts = places.lsoas().get(code);
      if (facts == null) {
        problem(
            line,
            source.name(SpendColumn.LSOA_CODE),
            lsoa.strip()
                + " is not a 2021 LSOA in England (E01 and six digits): for a supplier outside"
                + " England leave the location empty or give its latitude and longitude");
      }
    } else if (lad != null) {
      String code = lad.strip().toUpperCase(Locale.ROOT);
      if (places.districts().containsKey(code)) {
        district = code;
      } else {
        problem(
            line,
            source.name(SpendColumn.LAD_CODE),
            lad.strip()
                + " is not a local authority district in England (2024 codes: E06, E07, E08 or"
                + " E09 and six digits)");
      }
    } else if (latitude != null || longitude != null) {
      Double lat = coordinate(source, line, SpendColumn.LATITUDE, latitude, 90);
      Double lon = coordinate(source, line, SpendColumn.LONGITUDE, longitude, 180);
      if (lat != null && lon != null) {
        if (lat >= -9 && lat <= 3 && lon >= 49 && lon <= 62) {
          problem(
              line,
              source.name(SpendColumn.LATITUDE),
              "is "
                  + latitude.strip()
                  + " and the longitude "
                  + longitude.strip()
                  + ": they look swapped (in England the latitude is about 50 to 56 and the"
                  + " longitude about -6 to 2)");
        } else if (problemCount == before) {
          LsoaPlacement placement = places.locator().place(lat, lon);
          if (placement.placed()) {
            facts = places.lsoas().get(placement.lsoaCode());
            if (placement.metresOutside() > 0) {
              nearRows++;
            }
          } else {
            unplacedReason =
                latitude.strip() + ", " + longitude.strip() + " " + placement.unplaced().sentence();
          }
        }
      }
    } else if (postcode != null) {
      if (places.postcodes() == null) {
        unplacedReason =
            "postcodes are not placed by this service (no ONS postcode directory is set up): give"
                + " lsoa_code, lad_code or latitude and longitude";
      } else {
        String code = places.postcodes().lsoaOf(postcode);
        facts = code == null ? null : places.lsoas().get(code);
        if (facts == null) {
          unplacedReason =
              postcode.strip() + " is not a postcode in England in the ONS postcode directory";
        }
      }
    } else {
      unplacedReason = "has no location";
    }
    if (problemCount > before) {
      return;
    }

    total += pence;
    String key = supplier.toLowerCase(Locale.ROOT);
    Supplier s = suppliers.get(key);
    if (s == null) {
      s = new Supplier(supplier);
      suppliers.put(key, s);
    }
    s.pence += pence;
    s.rows++;
    if (isSme != null) {
      smeFlagged += pence;
      sme += isSme ? pence : 0;
    }
    if (isVcse != null) {
      vcseFlagged += pence;
      vcse += isVcse ? pence : 0;
    }
    if (facts != null) {
      lsoaPence += pence;
      deciles[facts.imdDecile()] += pence;
      if (facts.mostDeprived20()) {
        deprived += pence;
      }
      if (places.inFootprint(facts)) {
        footprint += pence;
      }
      districts.computeIfAbsent(facts.ladCode(), k -> new long[1])[0] += pence;
    } else if (district != null) {
      districtOnly += pence;
      if (places.footprintDistricts().contains(district)) {
        footprint += pence;
      }
      districts.computeIfAbsent(district, k -> new long[1])[0] += pence;
    } else {
      unlocated += pence;
      unplacedRows++;
      if (unplaced.size() < MAXIMUM_UNPLACED_LISTED) {
        unplaced.add(new UnplacedLine(line, supplier, pence, unplacedReason));
      }
    }
  }

  private long amount(SpendRows source, long line, String text) {
    String column = source.name(SpendColumn.AMOUNT);
    if (text == null) {
      problem(line, column, "is empty: give the amount paid in pounds, for example 1234.56");
      return 0;
    }
    String amount = text.strip();
    if (!AMOUNT.matcher(amount).matches()) {
      problem(
          line,
          column,
          amount
              + " is not an amount in pounds: write it like 1234.56 or £1,234.56 (at most two"
              + " decimal places; a minus sign for a credit)");
      return 0;
    }
    boolean negative = amount.startsWith("-");
    String digits = amount.replace("-", "").replace("£", "").replace(",", "");
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    String fraction = point < 0 ? "" : digits.substring(point + 1);
    if (whole.length() > 11) {
      problem(line, column, amount + " is more than £10bn on one row");
      return 0;
    }
    long pence =
        Long.parseLong(whole) * 100
            + (fraction.isEmpty() ? 0 : Long.parseLong(fraction))
                * (fraction.length() == 1 ? 10 : 1);
    if (pence > MAXIMUM_PENCE) {
      problem(line, column, amount + " is more than £10bn on one row");
      return 0;
    }
    return negative ? -pence : pence;
  }

  private Boolean flag(SpendRows source, long line, SpendColumn column, String[] f) {
    String text = f[column.ordinal()];
    if (text == null) {
      return null;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "1" -> {
        return true;
      }
      case "no", "n", "false", "0" -> {
        return false;
      }
      default -> {
        problem(
            line,
            source.name(column),
            text.strip() + " is not yes or no (leave it empty where it is not known)");
        return null;
      }
    }
  }

  private Double coordinate(
      SpendRows source, long line, SpendColumn column, String text, double limit) {
    String name = source.name(column);
    if (text == null) {
      problem(
          line, name, "is empty: a position needs both latitude and longitude, in decimal degrees");
      return null;
    }
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!Double.isFinite(value) || !DECIMAL.matcher(text.strip()).matches()) {
      problem(
          line,
          name,
          text.strip() + " is not a number of degrees: write it in decimal, like 53.7997");
      return null;
    }
    if (Math.abs(value) > limit) {
      problem(line, name, text.strip() + " is outside -" + (int) limit + " to " + (int) limit);
      return null;
    }
    return value;
  }

  private void problem(long line, String column, String message) {
    problemCount++;
    if (problems.size() < MAXIMUM_PROBLEMS_LISTED) {
      problems.add(new SpendProblem(line, column, message));
    }
  }

  private SpendSummary summary() {
    List<DistrictSpend> byDistrict = new ArrayList<>();
    for (String code : places.footprintDistricts()) {
      long[] pence = districts.get(code);
      byDistrict.add(
          new DistrictSpend(
              code, places.districts().get(code), true, pence == null ? 0 : pence[0]));
    }
    districts.forEach(
        (code, pence) -> {
          if (!places.footprintDistricts().contains(code) && pence[0] != 0) {
            byDistrict.add(new DistrictSpend(code, places.districts().get(code), false, pence[0]));
          }
        });
    byDistrict.sort(
        Comparator.comparing((DistrictSpend d) -> !d.inFootprint())
            .thenComparing(DistrictSpend::pence, Comparator.reverseOrder())
            .thenComparing(DistrictSpend::ladCode));
    List<SupplierSpend> top =
        suppliers.values().stream()
            .sorted(
                Comparator.comparingLong((Supplier s) -> -s.pence)
                    .thenComparing(s -> s.name.toLowerCase(Locale.ROOT)))
            .limit(TOP_SUPPLIERS)
            .map(s -> new SupplierSpend(s.name, s.pence, s.rows))
            .toList();
    List<Long> byDecile = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      byDecile.add(deciles[d]);
    }
    return new SpendSummary(
        rows,
        total,
        footprint,
        deprived,
        lsoaPence,
        districtOnly,
        unlocated,
        byDistrict,
        byDecile,
        top,
        suppliers.size(),
        hasSme ? sme : null,
        hasSme ? smeFlagged : null,
        hasVcse ? vcse : null,
        hasVcse ? vcseFlagged : null,
        nearRows,
        unplaced,
        unplacedRows);
  }
}
