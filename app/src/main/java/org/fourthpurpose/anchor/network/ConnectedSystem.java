package org.fourthpurpose.anchor.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.ProgressionLevel;
import org.fourthpurpose.anchor.StatusChange;
import org.fourthpurpose.chart.NetworkChart;

/**
 * The connected anchor system: which organisations are linked by the Step 1 themes they both commit
 * to and by joint commitments (the same promise made by more than one organisation), the system's
 * totals (staff, non-pay spend, commitments by pillar and status, progression levels) and how the
 * commitments' statuses moved quarter by quarter.
 *
 * <p>Lapsed commitments link no one. A commitment's themes are those it names and those of the
 * indicators it names.
 *
 * @param links every pair of linked organisations, strongest first, then by name
 * @param staff the staff of the organisations that gave a figure, and how many did not
 * @param byPillarAndStatus the number of commitments in each pillar and status
 * @param progression the number of organisations at each level in each pillar
 * @param quarters the count of commitments in each status at the end of each quarter, oldest first
 *     (at most the last eight quarters with a change)
 */
public record ConnectedSystem(
    List<Member> members,
    List<Link> links,
    long staff,
    int withoutStaff,
    BigDecimal nonPaySpend,
    int withoutSpend,
    Map<Pillar, Map<CommitmentStatus, Integer>> byPillarAndStatus,
    Map<Pillar, Map<ProgressionLevel, Integer>> progression,
    List<Quarter> quarters) {

  /** At most this many quarters of change over time. */
  static final int QUARTERS = 8;

  /**
   * An organisation of the system.
   *
   * @param key its key on the network picture, 1 to the number of organisations, by type and name
   * @param commitments its commitments that are not lapsed
   * @param links how many organisations it is linked with
   */
  public record Member(
      String key, long id, String name, OrganisationType type, int commitments, int links) {}

  /**
   * Two linked organisations.
   *
   * @param themes the titles of the themes both commit to
   * @param joint the promises both make
   */
  public record Link(Member a, Member b, List<String> themes, List<String> joint) {

    public int weight() {
      return themes.size() + joint.size();
    }

    /** The link in words, e.g. "Alder Trust and Birch Council: both commit to Work and Skills". */
    public String description() {
      List<String> parts = new ArrayList<>();
      if (!themes.isEmpty()) {
        parts.add("both commit to " + and(themes));
      }
      if (!joint.isEmpty()) {
        parts.add(joint.size() == 1 ? "one joint commitment" : joint.size() + " joint commitments");
      }
      return a.name() + " and " + b.name() + ": " + String.join("; ", parts);
    }
  }

  /** The count of commitments in each status at the end of a quarter, e.g. "2026 Q3". */
  public record Quarter(String label, LocalDate end, Map<CommitmentStatus, Integer> counts) {
    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * Builds the connected system.
   *
   * @param themeTitles the Step 1 themes' titles by code, in the catalogue's order
   * @param themeOfIndicator each indicator's theme code
   * @param today the last quarter is the one holding today
   */
  public static ConnectedSystem of(
      List<AnchorOrganisation> organisations,
      List<AnchorCommitment> commitments,
      List<Progression> progressions,
      List<StatusChange> changes,
      Map<String, String> themeTitles,
      Map<String, String> themeOfIndicator,
      LocalDate today) {
    List<AnchorOrganisation> ordered = new ArrayList<>(organisations);
    ordered.sort(
        Comparator.comparing(AnchorOrganisation::type)
            .thenComparing(o -> o.name().toLowerCase(Locale.ROOT))
            .thenComparingLong(AnchorOrganisation::id));
    Map<Long, Set<String>> themesOf = new HashMap<>();
    Map<Long, Set<String>> promisesOf = new HashMap<>();
    Map<String, String> promiseText = new HashMap<>();
    Map<Long, Integer> liveOf = new HashMap<>();
    Map<Pillar, Map<CommitmentStatus, Integer>> byPillarAndStatus = new EnumMap<>(Pillar.class);
    for (Pillar p : Pillar.values()) {
      Map<CommitmentStatus, Integer> counts = new EnumMap<>(CommitmentStatus.class);
      for (CommitmentStatus s : CommitmentStatus.values()) {
        counts.put(s, 0);
      }
      byPillarAndStatus.put(p, counts);
    }
    Set<Long> known = new LinkedHashSet<>();
    organisations.forEach(o -> known.add(o.id()));
    for (AnchorCommitment c : commitments) {
      if (!known.contains(c.organisationId())) {
        continue;
      }
      byPillarAndStatus.get(c.pillar()).merge(c.status(), 1, Integer::sum);
      if (c.status() == CommitmentStatus.LAPSED) {
        continue;
      }
      liveOf.merge(c.organisationId(), 1, Integer::sum);
      Set<String> themes = themesOf.computeIfAbsent(c.organisationId(), k -> new LinkedHashSet<>());
      for (String t : c.themeCodes()) {
        if (themeTitles.containsKey(t)) {
          themes.add(t);
        }
      }
      for (String i : c.indicatorCodes()) {
        String t = themeOfIndicator.get(i);
        if (t != null && themeTitles.containsKey(t)) {
          themes.add(t);
        }
      }
      String promise = normalised(c.promise());
      if (!promise.isEmpty()) {
        promisesOf.computeIfAbsent(c.organisationId(), k -> new LinkedHashSet<>()).add(promise);
        promiseText.putIfAbsent(promise, c.promise().strip());
      }
    }

    record Pair(int a, int b, List<String> themes, List<String> joint) {}
    List<Pair> pairs = new ArrayList<>();
    int[] degree = new int[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = i + 1; j < ordered.size(); j++) {
        long a = ordered.get(i).id();
        long b = ordered.get(j).id();
        Set<String> ta = themesOf.getOrDefault(a, Set.of());
        Set<String> tb = themesOf.getOrDefault(b, Set.of());
        List<String> themes =
            themeTitles.entrySet().stream()
                .filter(e -> ta.contains(e.getKey()) && tb.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        Set<String> pa = promisesOf.getOrDefault(a, Set.of());
        List<String> joint =
            promisesOf.getOrDefault(b, Set.of()).stream()
                .filter(pa::contains)
                .sorted()
                .map(promiseText::get)
                .toList();
        if (!themes.isEmpty() || !joint.isEmpty()) {
          pairs.add(new Pair(i, j, themes, joint));
          degree[i]++;
          degree[j]++;
        }
      }
    }
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      AnchorOrganisation o = ordered.get(i);
      members.add(
          new Member(
              String.valueOf(i + 1),
              o.id(),
              o.name(),
              o.type(),
              liveOf.getOrDefault(o.id(), 0),
              degree[i]));
    }
    List<Link> links = new ArrayList<>();
    for (Pair p : pairs) {
      links.add(new Link(members.get(p.a()), members.get(p.b()), p.themes(), p.joint()));
    }
    links.sort(
        Comparator.comparingInt(Link::weight)
            .reversed()
            .thenComparing(l -> Integer.parseInt(l.a().key()))
            .thenComparing(l -> Integer.parseInt(l.b().key())));

    long staff = 0;
    int withoutStaff = 0;
    BigDecimal spend = BigDecimal.ZERO;
    int withoutSpend = 0;
    for (AnchorOrganisation o : organisations) {
      if (o.staff() == null) {
        withoutStaff++;
      } else {
        staff += o.staff();
      }
      if (o.annualNonPaySpend() == null) {
        withoutSpend++;
      } else {
        spend = spend.add(o.annualNonPaySpend());
      }
    }

    Map<Pillar, Map<ProgressionLevel, Integer>> progression = new EnumMap<>(Pillar.class);
    for (Pillar p : Pillar.values()) {
      Map<ProgressionLevel, Integer> counts = new EnumMap<>(ProgressionLevel.class);
      for (ProgressionLevel l : ProgressionLevel.values()) {
        counts.put(l, 0);
      }
      progression.put(p, counts);
    }
    for (Progression p : progressions) {
      if (known.contains(p.organisationId())) {
        progression.get(p.pillar()).merge(p.level(), 1, Integer::sum);
      }
    }

    Set<Long> commitmentIds = new LinkedHashSet<>();
    for (AnchorCommitment c : commitments) {
      if (known.contains(c.organisationId())) {
        commitmentIds.add(c.id());
      }
    }
    return new ConnectedSystem(
        members,
        links,
        staff,
        withoutStaff,
        spend,
        withoutSpend,
        byPillarAndStatus,
        progression,
        quarters(changes, commitmentIds, today));
  }

  /**
   * The statuses at the end of each quarter from the first change (at most the last {@link
   * #QUARTERS}) to the quarter holding {@code today}: each commitment counted in its latest status
   * on or before the quarter's last day (UTC).
   */
  static List<Quarter> quarters(
      List<StatusChange> changes, Set<Long> commitments, LocalDate today) {
    List<StatusChange> mine =
        changes.stream()
            .filter(c -> commitments.contains(c.commitmentId()))
            .sorted(Comparator.comparing(StatusChange::changedAt))
            .toList();
    if (mine.isEmpty()) {
      return List.of();
    }
    LocalDate first = quarterEnd(mine.get(0).changedAt().atZone(ZoneOffset.UTC).toLocalDate());
    LocalDate last = quarterEnd(today);
    List<LocalDate> ends = new ArrayList<>();
    for (LocalDate end = last; !end.isBefore(first) && ends.size() < QUARTERS; ) {
      ends.add(0, end);
      end = quarterEnd(end.minusMonths(3).withDayOfMonth(1));
    }
    List<Quarter> quarters = new ArrayList<>();
    for (LocalDate end : ends) {
      Instant until = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Map<Long, CommitmentStatus> status = new TreeMap<>();
      for (StatusChange c : mine) {
        if (c.changedAt().isBefore(until)) {
          status.put(c.commitmentId(), c.status());
        }
      }
      Map<CommitmentStatus, Integer> counts = new EnumMap<>(CommitmentStatus.class);
      for (CommitmentStatus s : CommitmentStatus.values()) {
        counts.put(s, 0);
      }
      status.values().forEach(s -> counts.merge(s, 1, Integer::sum));
      quarters.add(
          new Quarter(end.getYear() + " Q" + ((end.getMonthValue() - 1) / 3 + 1), end, counts));
    }
    return quarters;
  }

  static LocalDate quarterEnd(LocalDate day) {
    int lastMonth = ((day.getMonthValue() - 1) / 3 + 1) * 3;
    LocalDate month = LocalDate.of(day.getYear(), lastMonth, 1);
    return month.withDayOfMonth(month.lengthOfMonth());
  }

  private static String normalised(String promise) {
    return promise == null
        ? ""
        : promise.strip().replaceAll("\\s+", " ").replaceAll("[.!]+$", "").toLowerCase(Locale.ROOT);
  }

  /** "A", "A and B", "A, B and C". */
  static String and(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  /** The commitments of each status, across pillars. */
  public Map<CommitmentStatus, Integer> byStatus() {
    Map<CommitmentStatus, Integer> totals = new LinkedHashMap<>();
    for (CommitmentStatus s : CommitmentStatus.values()) {
      totals.put(s, byPillarAndStatus.values().stream().mapToInt(m -> m.getOrDefault(s, 0)).sum());
    }
    return totals;
  }

  /** The number of commitments, lapsed included. */
  public int commitments() {
    return byStatus().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The network picture: organisations grouped by type, linked by what they share. */
  public NetworkChart chart() {
    return NetworkChart.of(
        members.stream()
            .map(m -> new NetworkChart.Item(m.key(), m.name(), m.type().label(), m.commitments()))
            .toList(),
        links.stream()
            .map(
                l ->
                    new NetworkChart.Connection(
                        l.a().key(), l.b().key(), l.weight(), l.description()))
            .toList(),
        java.util.Arrays.stream(OrganisationType.values()).map(OrganisationType::label).toList());
  }
}
