package org.fourthpurpose.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.IntervalChart;
import org.fourthpurpose.chart.MapProjection;
import org.fourthpurpose.chart.TrendChart;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LadIcbPart;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCharts;
import org.fourthpurpose.indicator.IndicatorPages;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.system.NeighbourhoodMaps;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An ICS's indicator profile: every indicator by theme against England and a chosen comparator,
 * with its assets, strengths and needs; a page per theme with each indicator's trend, peers and
 * districts; and the profile as CSV and Excel.
 */
@NeedsReferenceData({"indicators", "peer-groups"})
@Controller
class IcsProfileController {

  static final String VIEW = "profile/profile";
  static final String THEME_VIEW = "profile/profile-theme";
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final IcsProfiles profiles;
  private final ProfileComparators comparators;
  private final Geography geography;
  private final NeighbourhoodMaps neighbourhoodMaps;
  private final Map<String, MapProjection> districtMaps = new ConcurrentHashMap<>();

  IcsProfileController(
      IcsProfiles profiles,
      ProfileComparators comparators,
      Geography geography,
      NeighbourhoodMaps neighbourhoodMaps) {
    this.profiles = profiles;
    this.comparators = comparators;
    this.geography = geography;
    this.neighbourhoodMaps = neighbourhoodMaps;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    districtMaps.clear();
  }

  private IcsProfile profile(String code, String comparator) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    return profiles.profile(icb, choice, comparators.group(icb, choice));
  }

  @GetMapping("/ics/{code}/profile")
  String profile(
      @PathVariable String code,
      @RequestParam(defaultValue = "england") String comparator,
      Model model) {
    IcsProfile profile = profile(code, comparator);
    model.addAttribute("icb", profile.icb());
    model.addAttribute("profile", profile);
    model.addAttribute("themes", profile.themes());
    model.addAttribute("options", comparators.options(profile.icb()));
    model.addAttribute("characteristics", characteristics(profile.icb()));
    model.addAttribute("comparisonKeys", ColourScale.comparisonKeys("England"));
    comparatorAttributes(profile, model);
    return VIEW;
  }

  @GetMapping("/ics/{code}/profile/themes/{theme}")
  String theme(
      @PathVariable String code,
      @PathVariable String theme,
      @RequestParam(defaultValue = "england") String comparator,
      Model model) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    PeerGroup group = comparators.group(icb, choice);
    IcsProfile profile = profiles.profile(icb, choice, group);
    ThemeProfile themeProfile =
        profile.themes().stream()
            .filter(t -> t.theme().code().equals(theme))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "The profile has no theme '" + theme + "' with ICB values"));
    IcsProfiles.Comparison comparison = profiles.comparison(icb, choice, group);
    List<IndicatorDetail> details = new ArrayList<>();
    for (ProfileRow row : themeProfile.rows()) {
      details.add(detail(icb, comparison, profile, row));
    }
    model.addAttribute("icb", icb);
    model.addAttribute("profile", profile);
    model.addAttribute("theme", themeProfile);
    model.addAttribute("details", details);
    model.addAttribute("neighbourhoodMap", neighbourhoodMaps.forTheme(icb, theme).orElse(null));
    model.addAttribute("options", comparators.options(icb));
    comparatorAttributes(profile, model);
    return THEME_VIEW;
  }

  @GetMapping("/ics/{code}/profile.csv")
  ResponseEntity<String> csv(
      @PathVariable String code, @RequestParam(defaultValue = "england") String comparator) {
    IcsProfile profile = profile(code, comparator);
    return Downloads.csv(ProfileExport.csv(profile), fileName(profile, "csv"));
  }

  @GetMapping("/ics/{code}/profile/trends.csv")
  ResponseEntity<String> trendsCsv(
      @PathVariable String code, @RequestParam(defaultValue = "england") String comparator) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    PeerGroup group = comparators.group(icb, choice);
    IcsProfile profile = profiles.profile(icb, choice, group);
    return Downloads.csv(
        ProfileExport.trendsCsv(profile, profiles.trends(icb, choice, group)),
        "profile-trends-" + icb.odsCode() + "-" + choice.key() + ".csv");
  }

  @GetMapping("/ics/{code}/profile.xlsx")
  ResponseEntity<byte[]> xlsx(
      @PathVariable String code, @RequestParam(defaultValue = "england") String comparator) {
    IcsProfile profile = profile(code, comparator);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName(profile, "xlsx")).build().toString())
        .body(
            ProfileExport.xlsx(
                profile,
                profiles.trends(
                    profile.icb(),
                    profile.comparator(),
                    comparators.group(profile.icb(), profile.comparator()))));
  }

  /** One characteristic the nearest neighbours were found from, for this system. */
  record Characteristic(String description, String value, String zScore) {}

  private List<Characteristic> characteristics(IntegratedCareBoard icb) {
    List<Characteristic> rows = new ArrayList<>();
    profiles
        .characteristics(icb)
        .forEach(
            (c, v) ->
                rows.add(
                    new Characteristic(
                        c.description(),
                        ValueText.format(v[0]),
                        String.format(java.util.Locale.UK, "%+.2f", v[1]))));
    return rows;
  }

  private static void comparatorAttributes(IcsProfile profile, Model model) {
    model.addAttribute("key", profile.comparator().key());
    model.addAttribute("others", !profile.comparator().isEngland());
    String label = ProfileExport.label(profile);
    model.addAttribute("label", label);
    model.addAttribute(
        "labelTitle",
        label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1));
  }

  static String fileName(IcsProfile profile, String extension) {
    return "profile-"
        + profile.icb().odsCode()
        + "-"
        + profile.comparator().key()
        + "."
        + extension;
  }

  private IndicatorDetail detail(
      IntegratedCareBoard icb,
      IcsProfiles.Comparison comparison,
      IcsProfile profile,
      ProfileRow row) {
    IndicatorSeries data = profiles.data(row.indicator()).orElseThrow();
    List<TrendChart.Period> periods = profiles.trend(data, icb, comparison);
    String comparatorLabel = ProfileExport.label(profile);
    TrendChart trendChart = TrendChart.of(periods, comparatorLabel, ValueText::format);
    List<IndicatorDetail.TrendRow> trend =
        TrendChart.drawn(periods).stream()
            .map(
                p ->
                    new IndicatorDetail.TrendRow(
                        p.period(),
                        ValueText.format(p.value()),
                        p.lower95() == null
                            ? ""
                            : ValueText.format(p.lower95())
                                + " to "
                                + ValueText.format(p.upper95()),
                        p.comparatorValue() == null ? "" : ValueText.format(p.comparatorValue())))
            .toList();

    Set<String> peerCodes = new HashSet<>(comparison.members());
    if (comparison.choice().isEngland()) {
      profiles.neighbourCodes(icb).forEach(peerCodes::add);
    }
    peerCodes.add(icb.code());
    List<AreaComparison> peerRows =
        data.latest().rows().stream()
            .filter(r -> peerCodes.contains(r.areaCode()))
            .sorted(
                Comparator.comparing(
                        (AreaComparison r) ->
                            r.value() == null ? Double.NEGATIVE_INFINITY : r.value())
                    .reversed())
            .toList();
    Double reference = row.comparator().value();
    IntervalChart peerChart = IndicatorCharts.intervalChart(peerRows, reference, icb.code());
    List<IndicatorDetail.PeerRow> peers =
        peerRows.stream()
            .map(
                r ->
                    new IndicatorDetail.PeerRow(
                        r.odsCode(),
                        r.areaName(),
                        r.value() == null ? "No value" : ValueText.format(r.value()),
                        r.lower95() == null
                            ? ""
                            : ValueText.format(r.lower95())
                                + " to "
                                + ValueText.format(r.upper95()),
                        peerComparison(r, reference, row, comparatorLabel),
                        r.areaCode().equals(icb.code())))
            .toList();
    return new IndicatorDetail(
        row,
        trendChart,
        trend,
        peerChart,
        peers,
        comparatorLabel + (reference == null ? "" : " (" + ValueText.format(reference) + ")"),
        districtMap(icb, row.indicator()));
  }

  private static String peerComparison(
      AreaComparison r, Double reference, ProfileRow row, String label) {
    var s = IcsProfiles.significance(r, reference, row.indicator().polarity());
    if (s == null) {
      return r.value() == null ? "" : "Not tested";
    }
    return ProfileRow.comparedWith(s, label);
  }

  private IndicatorDetail.DistrictMap districtMap(IntegratedCareBoard icb, Indicator indicator) {
    var table = profiles.latestDistricts(indicator);
    if (table.isEmpty()) {
      return null;
    }
    Set<String> lads = new HashSet<>();
    for (LadIcbPart part : geography.ladPartsOf(icb.code())) {
      lads.add(part.ladCode());
    }
    List<AreaComparison> rows =
        table.get().rows().stream().filter(r -> lads.contains(r.areaCode())).toList();
    if (rows.isEmpty()) {
      return null;
    }
    MapProjection map =
        districtMaps.computeIfAbsent(
            icb.code(),
            c -> {
              Map<String, String> shapes = new java.util.LinkedHashMap<>();
              geography.boundaries(AreaType.LAD).entrySet().stream()
                  .filter(e -> lads.contains(e.getKey()))
                  .forEach(e -> shapes.put(e.getKey(), e.getValue()));
              return MapProjection.of(shapes, 400);
            });
    ColourScale key = IndicatorCharts.key(indicator, table.get());
    boolean byQuintile = rows.stream().anyMatch(AreaComparison::comparedByQuintile);
    return new IndicatorDetail.DistrictMap(
        IndicatorCharts.shade(map, rows, key, false),
        new DataTable(
            indicator.title() + ", " + table.get().period() + ", by local authority district",
            List.of(
                "District",
                "Value",
                "95% confidence interval",
                byQuintile ? "Quintile among districts" : "Compared with England"),
            List.of(false, true, true, false),
            rows.stream()
                .sorted(Comparator.comparing(AreaComparison::areaName))
                .map(IndicatorPages.Row::of)
                .map(r -> List.of(r.area().areaName(), r.value(), r.interval(), r.comparison()))
                .toList()),
        key,
        table.get().period(),
        byQuintile);
  }
}
