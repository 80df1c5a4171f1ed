package org.fourthpurpose.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.statistics.DisclosureControl;
import org.fourthpurpose.statistics.IndirectStandardisation;
import org.fourthpurpose.statistics.RateRatio;
import org.fourthpurpose.statistics.SlopeIndexOfInequality;

/**
 * The equity analyses of a waiting list, defined once for every engine: from an engine's {@link
 * EngineAggregates} to the published {@link EquityResult}.
 *
 * <p>In order:
 *
 * <ol>
 *   <li>Every table gets its rows ({@link EquityTable#rows()}): fixed groups all listed, empty ones
 *       with zero counts.
 *   <li>Disclosure control ({@link org.fourthpurpose.statistics.DisclosureControl}) on the counts
 *       {@code waiting}, {@code over18Weeks} and {@code over52Weeks}, each as one linked set of
 *       cells: the total, every one-way breakdown's groups (each breakdown's groups add up to the
 *       total) and the two-way tables' cells (adding up to their rows' and columns' one-way
 *       groups). Counts of 1–7 are withheld; in a group of 1–7 its over-18 and over-52-week counts
 *       are withheld too; then secondary suppression withholds more cells until no withheld cell
 *       can be worked out from the published ones by addition or subtraction; the rest are rounded
 *       to the nearest 5.
 *   <li>Wait statistics and percentages only for groups of 8 or more ({@link EquityRow}).
 *   <li>Rate ratios of waiting over 18 weeks against each one-way table's reference group, with 95%
 *       intervals ({@link org.fourthpurpose.statistics.RateRatio}). Reference groups: the least
 *       deprived ({@code "5"} for {@code imd-quintile} and {@code ics-fifth}, {@code "10"} for
 *       {@code imd-decile}); {@code White}; first language English {@code Yes}; learning disability
 *       and mental health {@code No}; age {@code 18-39}; sex {@code Female}; for {@code sub-icb},
 *       {@code district} and {@code treatment-function}, the group with the most pathways (ties:
 *       the first in order).
 *   <li>Indirect standardisation by treatment function ({@link
 *       org.fourthpurpose.statistics.IndirectStandardisation}) for every group of every one-way
 *       breakdown but {@code treatment-function}, the whole list being the standard.
 *   <li>The slope and relative index of inequality of the percentage over 18 weeks across national
 *       IMD deciles ({@link org.fourthpurpose.statistics.SlopeIndexOfInequality}).
 *   <li>Findings: sentences from the published values only.
 * </ol>
 */
public final class EquityAnalyses {

  private EquityAnalyses() {}

  /** The reference group of each one-way breakdown with a fixed one. */
  public static final Map<Breakdown, String> REFERENCE_GROUPS =
      Map.of(
          Breakdown.IMD_QUINTILE, "5",
          Breakdown.IMD_DECILE, "10",
          Breakdown.ICS_FIFTH, "5",
          Breakdown.ETHNICITY, "White",
          Breakdown.LANGUAGE, "Yes",
          Breakdown.LEARNING_DISABILITY, "No",
          Breakdown.MENTAL_HEALTH, "No",
          Breakdown.AGE_BAND, "18-39",
          Breakdown.SEX, "Female");

  /**
   * The published analysis of an engine's aggregates: every value disclosure-controlled.
   *
   * @param aggregates what an engine returned for one extract
   * @return the tables, the deprivation gradient and the findings, ready to store and publish
   */
  public static EquityResult finish(EngineAggregates aggregates) {
    Layout layout = new Layout(aggregates);
    BitSet[] withheld = new BitSet[3];
    for (int measure = 0; measure < 3; measure++) {
      DisclosureControl.Cells cells = new DisclosureControl.Cells();
      for (Slot slot : layout.slots) {
        cells.add(slot.count(measure));
      }
      for (int[] sum : layout.sums) {
        cells.sum(sum[0], Arrays.copyOfRange(sum, 1, sum.length));
      }
      if (measure > 0) {
        for (int i = 0; i < layout.slots.size(); i++) {
          if (DisclosureControl.isSmall(layout.slots.get(i).count(0))) {
            cells.withhold(i);
          }
        }
      }
      withheld[measure] = cells.suppress();
    }
    Map<String, Long> standardWaiting = new HashMap<>();
    Map<String, Long> standardOver18 = new HashMap<>();
    for (FunctionAggregate f : aggregates.functions(Breakdown.IMD_QUINTILE)) {
      standardWaiting.merge(f.treatmentFunction(), f.waiting(), Long::sum);
      standardOver18.merge(f.treatmentFunction(), f.over18Weeks(), Long::sum);
    }

    EquityRow total = layout.slots.get(0).row(withheld, 0, null, null, null, null);
    List<EquityTable> tables = new ArrayList<>();
    for (Breakdown breakdown : Breakdown.values()) {
      List<Integer> indices = layout.byBreakdown.get(breakdown);
      String reference = breakdown.isTwoWay() ? null : referenceGroup(breakdown, layout, indices);
      Slot referenceSlot = null;
      if (reference != null) {
        for (int i : indices) {
          if (layout.slots.get(i).group.equals(reference)) {
            referenceSlot = layout.slots.get(i);
          }
        }
      }
      Map<String, Map<String, Long>> groupFunctions = new HashMap<>();
      if (!breakdown.isTwoWay() && breakdown != Breakdown.TREATMENT_FUNCTION) {
        for (FunctionAggregate f : aggregates.functions(breakdown)) {
          groupFunctions
              .computeIfAbsent(f.group(), g -> new HashMap<>())
              .put(f.treatmentFunction(), f.waiting());
        }
      }
      List<EquityRow> rows = new ArrayList<>();
      for (int i : indices) {
        Slot slot = layout.slots.get(i);
        boolean countsShown = slot.shows(withheld, i);
        RateRatio ratio = null;
        boolean isReference = false;
        if (referenceSlot != null && countsShown) {
          int r = layout.slots.indexOf(referenceSlot);
          if (referenceSlot.shows(withheld, r) && referenceSlot.count(1) > 0) {
            isReference = slot == referenceSlot;
            ratio =
                isReference
                    ? null
                    : RateRatio.of(
                            slot.count(1),
                            slot.count(0),
                            referenceSlot.count(1),
                            referenceSlot.count(0))
                        .orElse(null);
          }
        }
        IndirectStandardisation standardised = null;
        Map<String, Long> mix = groupFunctions.get(slot.group);
        if (countsShown && mix != null) {
          double expected = IndirectStandardisation.expected(mix, standardOver18, standardWaiting);
          if (expected > 0) {
            standardised = IndirectStandardisation.of(slot.count(1), expected);
          }
        }
        rows.add(slot.row(withheld, i, ratio, isReference, standardised, breakdown));
      }
      tables.add(new EquityTable(breakdown, rows, reference));
    }
    SlopeIndexOfInequality gradient = gradient(layout);
    EquityResult draft =
        new EquityResult(aggregates.censusDate(), total, tables, gradient, List.of());
    return new EquityResult(aggregates.censusDate(), total, tables, gradient, Findings.of(draft));
  }

  private static String referenceGroup(Breakdown breakdown, Layout layout, List<Integer> indices) {
    String fixed = REFERENCE_GROUPS.get(breakdown);
    if (fixed != null) {
      return fixed;
    }
    String largest = null;
    long most = 0;
    for (int i : indices) {
      Slot slot = layout.slots.get(i);
      if (slot.count(0) > most) {
        most = slot.count(0);
        largest = slot.group;
      }
    }
    return largest;
  }

  /** SII/RII of the percentage over 18 weeks across IMD deciles with 8 or more pathways. */
  private static SlopeIndexOfInequality gradient(Layout layout) {
    List<SlopeIndexOfInequality.Quantile> deciles = new ArrayList<>();
    for (int i : layout.byBreakdown.get(Breakdown.IMD_DECILE)) {
      Slot slot = layout.slots.get(i);
      if (DisclosureControl.mayShowStatistic(slot.count(0))) {
        deciles.add(
            new SlopeIndexOfInequality.Quantile(
                slot.count(0), 100.0 * slot.count(1) / slot.count(0)));
      }
    }
    if (deciles.size() < 5) {
      return null;
    }
    SlopeIndexOfInequality sii = SlopeIndexOfInequality.estimate(deciles);
    return new SlopeIndexOfInequality(
        round(sii.sii(), 2), round(sii.rii(), 3), round(sii.intercept(), 2), sii.quantiles());
  }

  static Double round(double value, int places) {
    if (!Double.isFinite(value)) {
      return null;
    }
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  /** One cell of every table, the total first; the same layout for every count measure. */
  private static final class Layout {
    final List<Slot> slots = new ArrayList<>();
    final List<int[]> sums = new ArrayList<>();
    final Map<Breakdown, List<Integer>> byBreakdown = new EnumMap<>(Breakdown.class);

    Layout(EngineAggregates aggregates) {
      slots.add(new Slot("All", null, aggregates.total()));
      Map<Breakdown, Map<String, Integer>> oneWay = new EnumMap<>(Breakdown.class);
      for (Breakdown b : Breakdown.oneWay()) {
        Map<String, WaitStatistics> found = new LinkedHashMap<>();
        aggregates.groups(b).forEach(g -> found.put(g.group(), g.waits()));
        List<String> groups = new ArrayList<>(b.fixedGroups());
        for (String g : found.keySet()) {
          if (!groups.contains(g)) {
            groups.add(g);
          }
        }
        groups.sort(b.groupOrder());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String g : groups) {
          index.put(g, slots.size());
          slots.add(new Slot(g, null, found.get(g)));
        }
        oneWay.put(b, index);
        byBreakdown.put(b, List.copyOf(index.values()));
        sums.add(line(0, index.values()));
      }
      for (Breakdown b : Breakdown.twoWay()) {
        Breakdown rows = b.rows();
        Breakdown columns = b.columns().orElseThrow();
        Map<String, WaitStatistics> found = new HashMap<>();
        aggregates.groups(b).forEach(g -> found.put(g.group() + "\u0000" + g.column(), g.waits()));
        List<Integer> indices = new ArrayList<>();
        Map<String, List<Integer>> byColumn = new LinkedHashMap<>();
        for (String r : oneWay.get(rows).keySet()) {
          List<Integer> rowCells = new ArrayList<>();
          for (String c : oneWay.get(columns).keySet()) {
            int index = slots.size();
            slots.add(new Slot(r, c, found.get(r + "\u0000" + c)));
            rowCells.add(index);
            byColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(index);
            indices.add(index);
          }
          sums.add(line(oneWay.get(rows).get(r), rowCells));
        }
        byColumn.forEach((c, cells) -> sums.add(line(oneWay.get(columns).get(c), cells)));
        byBreakdown.put(b, List.copyOf(indices));
      }
    }

    private static int[] line(int total, Collection<Integer> members) {
      int[] line = new int[members.size() + 1];
      line[0] = total;
      int i = 1;
      for (int m : members) {
        line[i++] = m;
      }
      return line;
    }
  }

  /** A cell before disclosure control: its group, column and waits (null when empty). */
  private static final class Slot {
    final String group;
    final String column;
    final WaitStatistics waits;

    Slot(String group, String column, WaitStatistics waits) {
      this.group = group;
      this.column = column;
      this.waits = waits;
    }

    /** 0 waiting, 1 over 18 weeks, 2 over 52 weeks. */
    long count(int measure) {
      if (waits == null) {
        return 0;
      }
      return switch (measure) {
        case 0 -> waits.waiting();
        case 1 -> waits.over18Weeks();
        default -> waits.over52Weeks();
      };
    }

    /** Whether a statistic may be shown: the group has 8 or more and both its counts are shown. */
    boolean shows(BitSet[] withheld, int index) {
      return DisclosureControl.mayShowStatistic(count(0))
          && !withheld[0].get(index)
          && !withheld[1].get(index);
    }

    EquityRow row(
        BitSet[] withheld,
        int index,
        RateRatio ratio,
        Boolean isReference,
        IndirectStandardisation standardised,
        Breakdown breakdown) {
      Long waiting = withheld[0].get(index) ? null : DisclosureControl.round(count(0));
      Long over18 = withheld[1].get(index) ? null : DisclosureControl.round(count(1));
      Long over52 = withheld[2].get(index) ? null : DisclosureControl.round(count(2));
      boolean big = DisclosureControl.mayShowStatistic(count(0));
      Double median = big ? round(waits.medianDays(), 1) : null;
      Double p92 = big ? round(waits.p92Days(), 1) : null;
      Double percent18 = big ? percent(over18, waiting) : null;
      Double percent52 = big ? percent(over52, waiting) : null;
      boolean suppressed =
          waiting == null || over18 == null || over52 == null || (count(0) > 0 && !big);
      Double rr = null;
      Double rrLower = null;
      Double rrUpper = null;
      if (Boolean.TRUE.equals(isReference)) {
        rr = 1.0;
      } else if (ratio != null) {
        rr = round(ratio.ratio(), 2);
        rrLower = round(ratio.lower(), 2);
        rrUpper = round(ratio.upper(), 2);
      }
      return new EquityRow(
          group,
          waiting,
          median,
          p92,
          over18,
          over52,
          percent18,
          suppressed,
          column,
          percent52,
          rr,
          rrLower,
          rrUpper,
          standardised == null ? null : round(standardised.ratio(), 2),
          standardised == null ? null : round(standardised.lower(), 2),
          standardised == null ? null : round(standardised.upper(), 2));
    }

    private static Double percent(Long part, Long whole) {
      if (part == null || whole == null || whole == 0) {
        return null;
      }
      return round(100.0 * part / whole, 1);
    }
  }
}
