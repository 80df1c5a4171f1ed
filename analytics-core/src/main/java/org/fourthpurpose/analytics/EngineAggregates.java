package org.fourthpurpose.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything an engine returns for one extract: the record-level part of the equity analyses,
 * before disclosure control. No raw row is in it.
 *
 * <p>Contents, which every engine must produce identically:
 *
 * <ul>
 *   <li>{@code total}: the waits of all pathways.
 *   <li>{@code groups}: for every {@link Breakdown} (one-way and two-way), one {@link
 *       GroupAggregate} per group (per row × column cell for a two-way table) that has at least one
 *       pathway; empty groups are left out.
 *   <li>{@code functions}: for every one-way breakdown except {@link Breakdown#TREATMENT_FUNCTION},
 *       one {@link FunctionAggregate} per group × treatment function with at least one pathway.
 * </ul>
 *
 * <p>The constructor sorts both lists (breakdown in enum order, then {@link
 * Breakdown#groupOrder()}, then {@link Breakdown#columnOrder()} or treatment function code), so
 * engines may return them in any order and two engines' results compare with {@link
 * #differencesFrom}. Plain {@code equals} compares the doubles exactly; use {@link
 * #differencesFrom} with a tolerance (the contract uses 1e-9) between engines.
 *
 * @param censusDate the census date the waits were counted to
 * @param total the waits of all pathways in the extract
 * @param groups every non-empty group of every breakdown
 * @param functions every non-empty group × treatment function of the one-way breakdowns
 */
public record EngineAggregates(
    LocalDate censusDate,
    WaitStatistics total,
    List<GroupAggregate> groups,
    List<FunctionAggregate> functions) {

  private static final Comparator<GroupAggregate> GROUP_ORDER =
      Comparator.comparing(GroupAggregate::breakdown)
          .thenComparing((a, b) -> a.breakdown().groupOrder().compare(a.group(), b.group()))
          .thenComparing((a, b) -> a.breakdown().columnOrder().compare(a.column(), b.column()));

  private static final Comparator<FunctionAggregate> FUNCTION_ORDER =
      Comparator.comparing(FunctionAggregate::breakdown)
          .thenComparing((a, b) -> a.breakdown().groupOrder().compare(a.group(), b.group()))
          .thenComparing(FunctionAggregate::treatmentFunction);

  public EngineAggregates {
    Objects.requireNonNull(censusDate, "censusDate");
    Objects.requireNonNull(total, "total");
    List<GroupAggregate> sortedGroups = new ArrayList<>(groups);
    sortedGroups.sort(GROUP_ORDER);
    groups = List.copyOf(sortedGroups);
    List<FunctionAggregate> sortedFunctions = new ArrayList<>(functions);
    sortedFunctions.sort(FUNCTION_ORDER);
    functions = List.copyOf(sortedFunctions);
  }

  /** The groups of one breakdown, in order. */
  public List<GroupAggregate> groups(Breakdown breakdown) {
    return groups.stream().filter(g -> g.breakdown() == breakdown).toList();
  }

  /** The group × treatment function counts of one breakdown, in order. */
  public List<FunctionAggregate> functions(Breakdown breakdown) {
    return functions.stream().filter(f -> f.breakdown() == breakdown).toList();
  }

  /**
   * Where this and {@code other} differ, in words (empty when they agree): counts must be equal,
   * medians and percentiles within {@code tolerance} days.
   */
  public List<String> differencesFrom(EngineAggregates other, double tolerance) {
    List<String> differences = new ArrayList<>();
    if (!censusDate.equals(other.censusDate)) {
      differences.add("census date " + censusDate + " vs " + other.censusDate);
    }
    if (!total.agrees(other.total, tolerance)) {
      differences.add("total " + total + " vs " + other.total);
    }
    if (groups.size() != other.groups.size()) {
      differences.add(groups.size() + " groups vs " + other.groups.size());
    }
    for (int i = 0; i < Math.min(groups.size(), other.groups.size()); i++) {
      GroupAggregate a = groups.get(i);
      GroupAggregate b = other.groups.get(i);
      if (a.breakdown() != b.breakdown()
          || !a.group().equals(b.group())
          || !a.column().equals(b.column())
          || !a.waits().agrees(b.waits(), tolerance)) {
        differences.add(a + " vs " + b);
      }
    }
    if (!functions.equals(other.functions)) {
      differences.add(
          "treatment function counts differ ("
              + functions.size()
              + " vs "
              + other.functions.size()
              + " rows)");
    }
    return differences;
  }
}
