package org.fourthpurpose.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.MapProjection;
import org.fourthpurpose.deprivation.DeprivationSummaries;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.SubIcbLocation;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.reference.DataSource;
import org.fourthpurpose.reference.LoadedDataset;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.reference.ReferenceDataLoader;
import org.fourthpurpose.system.NeighbourhoodMaps;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.PdfDocuments;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Builds an ICS's Step 1 board pack and renders it as a printable page and as a PDF.
 *
 * <p>The pack uses public data only (a saved group must be published to be its comparator), so one
 * rendering serves everyone: it is kept until the day changes, reference data are reloaded or a
 * published group changes, like the public pages. Rendering the PDF takes seconds; a kept one is
 * served at once.
 *
 * <p>Key indicators: in each theme, at most {@link #KEY_INDICATORS} of the indicators with a value
 * (the newest edition of each), those furthest from England in standard deviations of the 42
 * systems' values (times the summary's reliability weight) chosen, shown in catalogue order.
 */
@Service
public class BoardPacks {

  /** The most key indicators shown for one theme. */
  static final int KEY_INDICATORS = 6;

  static final String TEMPLATE = "profile/board-pack";

  /**
   * The shipped datasets behind the map and the areas (by id in {@code reference/sources.json});
   * every indicator source is listed as well.
   */
  static final List<String> MAP_SOURCES = List.of("icb-lookup", "boundaries", "iod2025");

  /** The same bands as the overview page's map key: the colour language's Core20 scale. */
  static final ColourScale CORE20 = ColourScale.core20();

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final IcsProfiles profiles;
  private final ProfileComparators comparators;
  private final Geography geography;
  private final DeprivationSummaries deprivation;
  private final ReferenceDataLoader loader;
  private final NeighbourhoodMaps neighbourhoodMaps;
  private final ITemplateEngine templates;
  private final Clock clock;
  private final Map<String, BoardPack.PlacesMap> maps = new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<Rendered>> rendered = new ConcurrentHashMap<>();

  BoardPacks(
      IcsProfiles profiles,
      ProfileComparators comparators,
      Geography geography,
      DeprivationSummaries deprivation,
      ReferenceDataLoader loader,
      NeighbourhoodMaps neighbourhoodMaps,
      ITemplateEngine templates,
      Clock clock) {
    this.neighbourhoodMaps = neighbourhoodMaps;
    this.profiles = profiles;
    this.comparators = comparators;
    this.geography = geography;
    this.deprivation = deprivation;
    this.loader = loader;
    this.templates = templates;
    this.clock = clock;
  }

  /** A rendered pack and its ETag (a hash of its bytes). */
  public record Rendered(byte[] body, String etag) {}

  private record Key(String icbCode, String comparator, String variant, LocalDate day) {}

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    maps.clear();
    rendered.clear();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onPublicPagesChanged(PublicPagesChanged event) {
    rendered.clear();
  }

  /** How many renderings are kept, for tests. */
  int kept() {
    return rendered.size();
  }

  /**
   * The pack of a system against a comparator.
   *
   * @throws InvalidInputException for an unknown comparator or a group that is not published
   */
  public BoardPack pack(String code, String comparator) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    PeerGroup group = publicGroup(icb, choice);
    IcsProfile profile = profiles.profile(icb, choice, group);
    List<SummaryPoints.Evidence> evidence = profiles.evidence(profile);
    List<BoardPack.ThemeSection> themes = new ArrayList<>();
    for (ThemeProfile t : profile.themes()) {
      List<SummaryPoints.Evidence> inTheme =
          evidence.stream()
              .filter(e -> e.row().indicator().themeCode().equals(t.theme().code()))
              .toList();
      List<ProfileRow> key = keyIndicators(inTheme, newest(evidence));
      if (key.isEmpty()) {
        continue;
      }
      Set<String> sources = new LinkedHashSet<>();
      key.forEach(r -> sources.add(r.indicator().source() + " (" + r.indicator().licence() + ")"));
      int found = (int) inTheme.stream().filter(e -> e.row().area().value() != null).count();
      themes.add(new BoardPack.ThemeSection(t.theme(), key, found, List.copyOf(sources)));
    }
    return new BoardPack(
        profile,
        LocalDate.now(clock),
        dataAsAt(),
        newestPeriod(profile),
        places(icb),
        themes,
        sources(themes));
  }

  /**
   * The key indicators of one theme: the newest edition of each with a value, the {@link
   * #KEY_INDICATORS} furthest from England (standardised, times reliability), in catalogue order.
   */
  static List<ProfileRow> keyIndicators(List<SummaryPoints.Evidence> theme, LocalDate newest) {
    List<SummaryPoints.Evidence> withValues =
        SummaryPoints.newestEditions(theme).stream()
            .filter(e -> e.row().area().value() != null)
            .toList();
    Map<SummaryPoints.Evidence, Double> score = new HashMap<>();
    for (SummaryPoints.Evidence e : withValues) {
      ProfileRow r = e.row();
      Double centre = r.englandValue() != null ? r.englandValue() : e.centre();
      double distance =
          e.spread() == null || e.spread() == 0 || centre == null
              ? 0
              : Math.abs(r.area().value() - centre) / e.spread();
      score.put(e, distance * SummaryPoints.reliability(r.area(), r.englandValue(), newest));
    }
    Set<SummaryPoints.Evidence> chosen =
        new java.util.HashSet<>(
            withValues.stream()
                .sorted(
                    Comparator.comparingDouble((SummaryPoints.Evidence e) -> score.get(e))
                        .reversed()
                        .thenComparing(e -> e.row().indicator().title()))
                .limit(KEY_INDICATORS)
                .toList());
    return withValues.stream().filter(chosen::contains).map(SummaryPoints.Evidence::row).toList();
  }

  private static LocalDate newest(List<SummaryPoints.Evidence> evidence) {
    return evidence.stream()
        .map(e -> SummaryPoints.lastCollected(e.row().area().period()))
        .filter(d -> d != null)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private PeerGroup publicGroup(IntegratedCareBoard icb, ComparatorChoice choice) {
    PeerGroup group = comparators.group(icb, choice);
    if (group != null && !group.published()) {
      throw InvalidInputException.parameter(
          "comparator",
          "a board pack holds public data only, and the group '"
              + group.name()
              + "' is not published: publish it, or choose England, the region or the nearest"
              + " neighbours");
    }
    return group;
  }

  private String dataAsAt() {
    LoadedDataset indicators = loader.storedDatasets().get("indicators");
    if (indicators == null) {
      return "indicator data not yet loaded";
    }
    return DAY.format(indicators.loadedAt().atZone(ZoneId.of("Europe/London")))
        + " (indicators version "
        + indicators.version()
        + ")";
  }

  private static String newestPeriod(IcsProfile profile) {
    return profile.rows().stream()
        .filter(r -> r.area().value() != null)
        .map(r -> Period.parse(r.area().period()))
        .filter(p -> p != null)
        .max(Comparator.naturalOrder())
        .map(Period::label)
        .orElse("");
  }

  /** The sources of the key indicators, then the datasets behind the map and the areas. */
  private static List<BoardPack.Source> sources(List<BoardPack.ThemeSection> themes) {
    Map<String, BoardPack.Source> sources = new LinkedHashMap<>();
    for (BoardPack.ThemeSection t : themes) {
      for (ProfileRow r : t.rows()) {
        Indicator i = r.indicator();
        sources.putIfAbsent(
            i.source() + "\n" + i.attribution(),
            new BoardPack.Source(i.source(), "", i.licence(), i.attribution()));
      }
    }
    for (DataSource d : DataSource.shipped()) {
      if (MAP_SOURCES.contains(d.id())) {
        sources.putIfAbsent(
            d.id(),
            new BoardPack.Source(
                d.title() + " (" + d.vintage() + ")", d.publisher(), d.licence(), d.attribution()));
      }
    }
    return List.copyOf(sources.values());
  }

  /**
   * The system's sub-ICB locations shaded by the share of their residents in England's most
   * deprived 20% of neighbourhoods (IoD 2025), as on its overview page.
   */
  BoardPack.PlacesMap places(IntegratedCareBoard icb) {
    return maps.computeIfAbsent(
        icb.code(),
        code -> {
          List<SubIcbLocation> places = geography.subIcbsOf(code);
          Map<String, String> boundaries = geography.boundaries(AreaType.SUB_ICB);
          Map<String, String> geometries = new TreeMap<>();
          Map<String, SubIcbLocation> byCode = new HashMap<>();
          Map<String, Double> share = new HashMap<>();
          for (SubIcbLocation place : places) {
            byCode.put(place.code(), place);
            share.put(
                place.code(),
                DeprivationSummaries.core20Share(
                    deprivation.decilePopulation(
                        Edition.IOD2025, AreaType.SUB_ICB.apiName(), place.code())));
            if (boundaries.get(place.code()) != null) {
              geometries.put(place.code(), boundaries.get(place.code()));
            }
          }
          ChoroplethMap map =
              ChoroplethMap.of(
                  MapProjection.of(geometries, 480),
                  shape ->
                      new ChoroplethMap.Area(
                          shape.code(),
                          byCode.get(shape.code()).displayName()
                              + ": "
                              + percent(share.get(shape.code()))
                              + " in the most deprived 20%",
                          shape.path(),
                          CORE20.cssClassOf(share.get(shape.code())),
                          null));
          DataTable table =
              new DataTable(
                  "Sub-ICB locations of "
                      + icb.shortName()
                      + ": residents and the share in England's most deprived 20% of"
                      + " neighbourhoods (IoD 2025)",
                  List.of("Location", "Residents", "In most deprived 20%"),
                  List.of(false, true, true),
                  places.stream()
                      .sorted(Comparator.comparing(SubIcbLocation::displayName))
                      .map(
                          p ->
                              List.of(
                                  p.displayName(),
                                  String.format(Locale.UK, "%,d", p.population()),
                                  percent(share.get(p.code()))))
                      .toList());
          return new BoardPack.PlacesMap(map, CORE20, table);
        });
  }

  /**
   * The system's neighbourhoods by IMD 2025 decile, or null while their boundaries are still
   * loading (the pack then says so, and is not kept: the next request draws the map).
   */
  NeighbourhoodMaps.PrintableMap neighbourhoodMap(IntegratedCareBoard icb) {
    return neighbourhoodMaps.printable(icb).orElse(null);
  }

  static String percent(double share) {
    return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.UK)).format(share * 100)
        + "%";
  }

  /** The printable page, with links under the context path. */
  public Rendered html(String code, String comparator, String contextPath) {
    return cached(
        code,
        comparator,
        "html" + contextPath,
        pack -> render(pack, false, contextPath).getBytes(StandardCharsets.UTF_8));
  }

  /** The pack as a PDF (A4 portrait). */
  public Rendered pdf(String code, String comparator) {
    return cached(code, comparator, "pdf", pack -> pdf(render(pack, true, "")));
  }

  /** The kept rendering, or a new one; the comparator is checked first either way. */
  private Rendered cached(
      String code,
      String comparator,
      String variant,
      java.util.function.Function<BoardPack, byte[]> render) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    publicGroup(icb, choice);
    Key key = new Key(icb.code(), choice.key(), variant, LocalDate.now(clock));
    if (rendered.size() > 300) {
      rendered.clear();
    }
    // The first request renders; others asking for the same pack meanwhile wait for its result,
    // so a board opening the pack at once renders it once.
    CompletableFuture<Rendered> mine = new CompletableFuture<>();
    CompletableFuture<Rendered> other = rendered.putIfAbsent(key, mine);
    if (other != null) {
      try {
        return other.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      byte[] body = render.apply(pack(code, comparator));
      Rendered made = new Rendered(body, etag(body));
      mine.complete(made);
      return made;
    } catch (RuntimeException e) {
      rendered.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  String render(BoardPack pack, boolean forPdf, String contextPath) {
    Context context = new Context(Locale.UK);
    context.setVariable("pack", pack);
    context.setVariable("profile", pack.profile());
    context.setVariable("icb", pack.profile().icb());
    context.setVariable("others", !pack.profile().comparator().isEngland());
    context.setVariable("key", pack.profile().comparator().key());
    context.setVariable("forPdf", forPdf);
    context.setVariable("contextPath", contextPath);
    context.setVariable("produced", DAY.format(pack.produced()));
    // Written into a CSS string in the PDF's page footer: only letters, digits and spaces.
    context.setVariable(
        "footer",
        ("Step 1 board pack: "
                + pack.profile().icb().shortName()
                + ", "
                + DAY.format(pack.produced()))
            .replaceAll("[^\\p{L}\\p{N} :,&'.-]", ""));
    context.setVariable("neighbourhoodMap", neighbourhoodMap(pack.profile().icb()));
    return templates.process(TEMPLATE, context);
  }

  /**
   * The chart kit's colours for Batik, which draws each SVG on its own and so does not see the
   * page's stylesheet: the same colours as the site's (_colours.scss, _maps.scss, _charts.scss).
   */
  static final String SVG_STYLE =
      "<style type=\"text/css\">"
          + "path{fill:#aeb7bd;stroke:#ffffff;stroke-width:0.5px;stroke-linejoin:round}"
          + "path.fp-core20-1{fill:#8a78b4}path.fp-core20-2{fill:#725a99}"
          + "path.fp-core20-3{fill:#5a3e7e}path.fp-core20-4{fill:#432164}"
          + "path.fp-core20-5{fill:#2d004b}"
          // IMD deciles (1 most deprived, darkest) as in _colours.scss, with finer edges: a
          // system has up to 1,900 neighbourhoods on the page.
          + "path.fp-decile-1{fill:#2d004b;stroke-width:0.25px}"
          + "path.fp-decile-2{fill:#381258;stroke-width:0.25px}"
          + "path.fp-decile-3{fill:#432164;stroke-width:0.25px}"
          + "path.fp-decile-4{fill:#4e2f71;stroke-width:0.25px}"
          + "path.fp-decile-5{fill:#5a3e7e;stroke-width:0.25px}"
          + "path.fp-decile-6{fill:#664c8c;stroke-width:0.25px}"
          + "path.fp-decile-7{fill:#725a99;stroke-width:0.25px}"
          + "path.fp-decile-8{fill:#7e69a7;stroke-width:0.25px}"
          + "path.fp-decile-9{fill:#8a78b4;stroke-width:0.25px}"
          + "path.fp-decile-10{fill:#9787c2;stroke-width:0.25px}"
          + ".fp-chart__gridline{stroke:#768692;stroke-width:1px}"
          + ".fp-chart__box{fill:#e8edee;stroke:#768692;stroke-width:1px}"
          + ".fp-chart__marker{stroke:#212b32;stroke-width:2px}"
          + ".fp-chart__point{fill:#005eb8;stroke:#ffffff;stroke-width:1px}"
          + "</style>";

  /** Each SVG with {@link #SVG_STYLE} as its first child. */
  static String withSvgStyles(String html) {
    return html.replaceAll("(<svg\\b[^>]*>)", "$1" + SVG_STYLE);
  }

  private static byte[] pdf(String html) {
    return PdfDocuments.render(withSvgStyles(html), true, "The board pack");
  }

  private static String etag(byte[] body) {
    try {
      return "\""
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
