package org.fourthpurpose.system;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.MapProjection;
import org.fourthpurpose.deprivation.DeprivationSummaries;
import org.fourthpurpose.deprivation.Domain;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.deprivation.LsoaDecile;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.geography.Lsoa;
import org.fourthpurpose.geography.LsoaBoundaries;
import org.fourthpurpose.geography.RuralUrban;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Maps of a system's neighbourhoods (2021 LSOAs), shaded by their national decile in the Index of
 * Multiple Deprivation 2025 or one of its domains, or by their rural-urban class.
 *
 * <p>A big system has nearly 1,900 neighbourhoods, so each map is worked out once: the boundaries,
 * already on the British National Grid, are fitted to the page and simplified to half a unit of the
 * drawing once per system, and each system and measure is rendered once to HTML and kept until the
 * reference data changes. A page then only copies that text.
 */
@Service
public class NeighbourhoodMaps {

  /** The layer that shades neighbourhoods by their rural-urban class. */
  public static final String RURALITY = "rurality";

  /** The map's width in drawing units; the shapes are simplified to {@link #TOLERANCE} of them. */
  static final double WIDTH = 640;

  static final double TOLERANCE = 0.6;

  /** Rural-urban classes, urban first; rural ones in the darker half. */
  static final ColourScale RURAL_URBAN =
      ColourScale.steps(
          "fp-ruc-", java.util.Arrays.stream(RuralUrban.values()).map(RuralUrban::label).toList());

  /** The measure a theme page maps, by theme code; themes not listed have none at LSOA level. */
  static final Map<String, String> THEME_LAYERS =
      Map.of(
          "employment", "employment",
          "skills", "education",
          "income", "income",
          "housing", "housing",
          "environment", "environment",
          "health", "health",
          "access", "housing",
          "communities", "crime",
          "local-economy", RURALITY);

  /** A measure the map can show: its key in links and its name in the form. */
  record Layer(String key, String label) {}

  static final List<Layer> LAYERS = layers();

  private final Geography geography;
  private final LsoaBoundaries boundaries;
  private final DeprivationSummaries deprivation;
  private final ITemplateEngine templates;
  private final Map<String, MapProjection> projections = new ConcurrentHashMap<>();
  private final Map<String, NeighbourhoodMap> rendered = new ConcurrentHashMap<>();

  NeighbourhoodMaps(
      Geography geography,
      LsoaBoundaries boundaries,
      DeprivationSummaries deprivation,
      ITemplateEngine templates) {
    this.geography = geography;
    this.boundaries = boundaries;
    this.deprivation = deprivation;
    this.templates = templates;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    projections.clear();
    rendered.clear();
  }

  private static List<Layer> layers() {
    List<Layer> layers = new ArrayList<>();
    for (Domain domain : Domain.values()) {
      layers.add(
          new Layer(
              domain.apiName(),
              domain == Domain.IMD
                  ? "Index of Multiple Deprivation (all domains)"
                  : domain.title()));
    }
    layers.add(new Layer(RURALITY, "Rural or urban (Rural-Urban Classification 2021)"));
    return List.copyOf(layers);
  }

  /**
   * The map of a system's neighbourhoods shaded by {@code layer}: a domain's API name or {@link
   * #RURALITY}; anything else is a 400 naming the parameter {@code map}.
   */
  public NeighbourhoodMap of(IntegratedCareBoard icb, String layer) {
    String key = layer == null ? Domain.IMD.apiName() : layer.toLowerCase(Locale.ROOT);
    if (LAYERS.stream().noneMatch(l -> l.key().equals(key))) {
      throw InvalidInputException.parameter(
          "map",
          "Choose what the neighbourhood map shows: imd, income, employment, education, health,"
              + " crime, housing, environment or rurality");
    }
    NeighbourhoodMap cached = rendered.get(icb.code() + "/" + key);
    if (cached != null) {
      return cached;
    }
    LsoaBoundaries.Status status = boundaries.status();
    NeighbourhoodMap map = build(icb, key, status);
    if (status == LsoaBoundaries.Status.LOADED) {
      // While the boundaries load, the page says so and is rebuilt on the next request.
      rendered.put(icb.code() + "/" + key, map);
    }
    return map;
  }

  /** The map a theme page shows: the theme's domain of deprivation, or rurality; empty if none. */
  public Optional<NeighbourhoodMap> forTheme(IntegratedCareBoard icb, String themeCode) {
    return Optional.ofNullable(THEME_LAYERS.get(themeCode)).map(layer -> of(icb, layer));
  }

  /** One neighbourhood in the table: its step on the colour scale orders the rows. */
  record Row(
      String code, String name, String ladName, int step, int rank, String value, int population) {}

  /** What the fragment draws. */
  record Model(
      IntegratedCareBoard icb,
      String layer,
      String title,
      String valueHeading,
      List<String> summary,
      String status,
      ChoroplethMap map,
      String mapTitle,
      String mapDescription,
      ColourScale scale,
      List<Row> rows,
      String tableCaption,
      String source,
      List<Step> steps,
      String stepsCaption) {}

  /** Neighbourhoods and residents at one step of the scale (a decile or a rural-urban class). */
  record Step(
      String label, String cssClass, String neighbourhoods, String residents, String share) {}

  /** The rows counted by step, every step of the scale listed (with none where none). */
  private static List<Step> steps(List<Row> rows, ColourScale scale, boolean rurality) {
    int size = scale.legend().size();
    long[] residents = new long[size + 1];
    int[] count = new int[size + 1];
    long total = 0;
    for (Row row : rows) {
      residents[row.step()] += row.population();
      count[row.step()]++;
      total += row.population();
    }
    List<Step> steps = new ArrayList<>();
    for (int step = 1; step <= size; step++) {
      steps.add(
          new Step(
              rurality
                  ? RuralUrban.values()[step - 1].label()
                  : DeprivationScales.decileLabel(step),
              scale.cssClass(step),
              count(count[step]),
              count(residents[step]),
              percent(residents[step], total)));
    }
    return steps;
  }

  /** The system's neighbourhoods with a value on {@code layer}, most deprived (or urban) first. */
  private List<Row> rows(IntegratedCareBoard icb, String layer) {
    List<Lsoa> lsoas = geography.lsoasOf(icb.code());
    Map<String, String> ladNames = new HashMap<>();
    for (LocalAuthorityDistrict lad : geography.lads()) {
      ladNames.put(lad.code(), lad.name());
    }
    boolean rurality = layer.equals(RURALITY);
    Domain domain = rurality ? null : Domain.fromApiName(layer);
    Map<String, LsoaDecile> deciles =
        rurality
            ? Map.of()
            : deprivation.domainOf(
                Edition.IOD2025, domain, lsoas.stream().map(Lsoa::code).toList());
    List<Row> rows = new ArrayList<>(lsoas.size());
    for (Lsoa lsoa : lsoas) {
      String ladName = ladNames.getOrDefault(lsoa.ladCode(), lsoa.ladCode());
      if (rurality) {
        Optional<RuralUrban> c = geography.ruralUrban(lsoa.code());
        if (c.isPresent()) {
          rows.add(
              new Row(
                  lsoa.code(),
                  lsoa.name(),
                  ladName,
                  c.get().ordinal() + 1,
                  0,
                  c.get().label(),
                  lsoa.population()));
        }
      } else {
        LsoaDecile d = deciles.get(lsoa.code());
        if (d != null) {
          rows.add(
              new Row(
                  lsoa.code(),
                  lsoa.name(),
                  ladName,
                  d.decile(),
                  d.rank(),
                  Integer.toString(d.decile()),
                  lsoa.population()));
        }
      }
    }
    // Most deprived (or most urban) first, then by national rank or name.
    rows.sort(
        Comparator.comparingInt(Row::step).thenComparingInt(Row::rank).thenComparing(Row::name));
    return rows;
  }

  private NeighbourhoodMap build(
      IntegratedCareBoard icb, String layer, LsoaBoundaries.Status status) {
    boolean rurality = layer.equals(RURALITY);
    Domain domain = rurality ? null : Domain.fromApiName(layer);
    List<Row> rows = rows(icb, layer);
    String title =
        rurality
            ? "Rural-Urban Classification 2021"
            : domain == Domain.IMD
                ? "Index of Multiple Deprivation 2025"
                : domain.title() + " domain, Indices of Deprivation 2025";
    ColourScale scale = rurality ? RURAL_URBAN : DeprivationScales.DECILES;
    ChoroplethMap map =
        status == LsoaBoundaries.Status.LOADED ? draw(icb, rows, scale, rurality) : null;
    Model model =
        new Model(
            icb,
            layer,
            title,
            rurality ? "Rural-urban class" : "Decile",
            rurality ? ruralSummary(icb, rows) : decileSummary(icb, rows, title),
            status.name(),
            map,
            "Map of the "
                + count(rows.size())
                + " neighbourhoods of "
                + icb.shortName()
                + ": "
                + title,
            rurality
                ? "Each neighbourhood (LSOA) is shaded by its rural-urban class, in the colours of"
                    + " the key. Each one can be reached with the Tab key and is named with its"
                    + " code and class. The table after the map counts them by class."
                : "Each neighbourhood (LSOA) is shaded by its national decile, from 1 (most"
                    + " deprived 10% in England, darkest) to 10 (least deprived). Each one can be"
                    + " reached with the Tab key and is named with its code and decile. The table"
                    + " after the map counts them by decile.",
            scale,
            rows,
            rurality
                ? "The "
                    + rows.size()
                    + " neighbourhoods of "
                    + icb.shortName()
                    + ", most urban first"
                : "The "
                    + rows.size()
                    + " neighbourhoods of "
                    + icb.shortName()
                    + " by decile, most deprived first",
            rurality
                ? "Rural-Urban Classification 2021 of LSOAs: Office for National Statistics, Open"
                    + " Government Licence v3.0."
                : "English Indices of Deprivation 2025: Ministry of Housing, Communities and Local"
                    + " Government, Open Government Licence v3.0.",
            steps(rows, scale, rurality),
            "The neighbourhoods of "
                + icb.shortName()
                + " and their residents by "
                + (rurality ? "rural-urban class" : "national decile of the " + title));
    Context context = new Context(Locale.UK);
    context.setVariable("nm", model);
    context.setVariable("attribution", LsoaBoundaries.ATTRIBUTION);
    String html = templates.process("system/neighbourhood-map", Set.of("map"), context);
    String table =
        templates.process("system/neighbourhood-map", Set.of("everyNeighbourhood"), context);
    return new NeighbourhoodMap(icb.code(), layer, title, html, rows.size(), table);
  }

  /** The rows' neighbourhoods on the system's map, in the rows' order, shaded by their step. */
  private ChoroplethMap draw(
      IntegratedCareBoard icb, List<Row> rows, ColourScale scale, boolean rurality) {
    MapProjection projection =
        projections.computeIfAbsent(
            icb.code(),
            code -> MapProjection.ofPlane(boundaries.projectedShapesOfIcb(code), WIDTH, TOLERANCE));
    Map<String, MapProjection.Shape> shapes = new HashMap<>();
    projection.shapes().forEach(s -> shapes.put(s.code(), s));
    List<ChoroplethMap.Area> areas = new ArrayList<>(rows.size());
    for (Row row : rows) {
      MapProjection.Shape shape = shapes.get(row.code());
      if (shape != null) {
        areas.add(
            new ChoroplethMap.Area(
                row.code(),
                row.name()
                    + " ("
                    + row.code()
                    + "): "
                    + (rurality ? row.value() : "decile " + row.value()),
                shape.path(),
                scale.cssClass(row.step()),
                null));
      }
    }
    return new ChoroplethMap(projection.viewBox(), areas);
  }

  /**
   * The system's neighbourhoods by IMD 2025 decile for print (the Step 1 board pack): the map with
   * its key, a summary, and the residents in each decile instead of a row per neighbourhood.
   *
   * @param map the neighbourhoods, shaded with the classes of {@code key}
   * @param table residents and neighbourhoods in each national decile
   */
  public record PrintableMap(
      ChoroplethMap map, ColourScale key, List<String> summary, DataTable table) {}

  /**
   * The IMD 2025 decile map of a system's neighbourhoods for print, or empty while the boundaries
   * are still loading (or could not be loaded).
   */
  public Optional<PrintableMap> printable(IntegratedCareBoard icb) {
    if (boundaries.status() != LsoaBoundaries.Status.LOADED) {
      return Optional.empty();
    }
    List<Row> rows = rows(icb, Domain.IMD.apiName());
    String title = "Index of Multiple Deprivation 2025";
    List<List<String>> table = new ArrayList<>();
    for (Step step : steps(rows, DeprivationScales.DECILES, false)) {
      table.add(List.of(step.label(), step.neighbourhoods(), step.residents(), step.share()));
    }
    return Optional.of(
        new PrintableMap(
            draw(icb, rows, DeprivationScales.DECILES, false),
            DeprivationScales.DECILES,
            decileSummary(icb, rows, title),
            new DataTable(
                "Neighbourhoods of "
                    + icb.shortName()
                    + " and their residents by national decile of the "
                    + title,
                List.of("Decile", "Neighbourhoods", "Residents", "Share of residents"),
                List.of(false, true, true, true),
                table)));
  }

  /** How many neighbourhoods and residents are in the most deprived decile, and where. */
  static List<String> decileSummary(IntegratedCareBoard icb, List<Row> rows, String title) {
    List<String> summary = new ArrayList<>();
    long residents = rows.stream().mapToLong(Row::population).sum();
    List<Row> most = rows.stream().filter(r -> r.step() == 1).toList();
    long mostResidents = most.stream().mapToLong(Row::population).sum();
    long least = rows.stream().filter(r -> r.step() == 10).count();
    if (most.isEmpty()) {
      summary.add(
          "None of the system's "
              + count(rows.size())
              + " neighbourhoods is among the most deprived 10% in England on the "
              + title
              + ".");
      rows.stream()
          .findFirst()
          .ifPresent(
              r ->
                  summary.add(
                      "The most deprived is "
                          + r.name()
                          + ", in decile "
                          + r.value()
                          + " nationally."));
    } else {
      summary.add(
          count(most.size())
              + " of the system's "
              + count(rows.size())
              + " neighbourhoods are among the most deprived 10% in England on the "
              + title
              + " (decile 1). "
              + count(mostResidents)
              + " people live in them, "
              + percent(mostResidents, residents)
              + " of the system's residents.");
      summary.add("Most of them are in " + places(most) + ".");
    }
    summary.add(
        count(least)
            + (least == 1 ? " neighbourhood is" : " neighbourhoods are")
            + " among the least deprived 10% in England (decile 10).");
    return summary;
  }

  /** How many neighbourhoods and residents are rural, and where. */
  static List<String> ruralSummary(IntegratedCareBoard icb, List<Row> rows) {
    List<String> summary = new ArrayList<>();
    long residents = rows.stream().mapToLong(Row::population).sum();
    List<Row> rural = rows.stream().filter(r -> RuralUrban.values()[r.step() - 1].rural()).toList();
    long ruralResidents = rural.stream().mapToLong(Row::population).sum();
    if (rural.isEmpty()) {
      summary.add(
          "All of the system's "
              + count(rows.size())
              + " neighbourhoods are classed as urban in the Rural-Urban Classification 2021.");
    } else {
      summary.add(
          count(rural.size())
              + " of the system's "
              + count(rows.size())
              + " neighbourhoods are classed as rural in the Rural-Urban Classification 2021. "
              + count(ruralResidents)
              + " people live in them, "
              + percent(ruralResidents, residents)
              + " of the system's residents.");
      summary.add("Most of them are in " + places(rural) + ".");
    }
    return summary;
  }

  /** The (up to) three districts holding most of the rows, with their counts. */
  private static String places(List<Row> rows) {
    Map<String, Integer> byPlace = new LinkedHashMap<>();
    rows.forEach(r -> byPlace.merge(r.ladName(), 1, Integer::sum));
    List<Map.Entry<String, Integer>> top =
        byPlace.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(3)
            .toList();
    List<String> parts = top.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static String count(long n) {
    return String.format(Locale.UK, "%,d", n);
  }

  private static String percent(long part, long whole) {
    return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.UK))
            .format(whole == 0 ? 0 : 100.0 * part / whole)
        + "%";
  }
}
