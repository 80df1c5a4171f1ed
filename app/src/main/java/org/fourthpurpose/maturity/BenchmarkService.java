package org.fourthpurpose.maturity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.statistics.DifferencingControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each ICS's choice to share, and the public benchmark built from the ICSs that share. */
@Service
public class BenchmarkService {

  private final JdbcClient jdbc;
  private final RoundStore store;
  private final FrameworkCatalogue catalogue;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final Clock clock;
  private final MaturityAudit audit;

  BenchmarkService(
      JdbcClient jdbc,
      RoundStore store,
      FrameworkCatalogue catalogue,
      WorkspaceAccess access,
      Geography geography,
      Clock clock,
      MaturityAudit audit) {
    this.jdbc = jdbc;
    this.store = store;
    this.catalogue = catalogue;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
    this.audit = audit;
  }

  public SharingChoice sharing(String icbCode) {
    access.requireView(icbCode);
    return jdbc.sql("select share_levels, publish_name from maturity_sharing where icb_code = ?")
        .param(icbCode)
        .query((rs, n) -> new SharingChoice(rs.getBoolean(1), rs.getBoolean(2)))
        .optional()
        .orElse(new SharingChoice(false, false));
  }

  @Transactional
  public SharingChoice updateSharing(String icbCode, SharingChoice choice) {
    access.requireAdminister(icbCode);
    SharingChoice clean = SharingChoice.of(choice.shareLevels(), choice.publishName());
    SharingChoice before = sharing(icbCode);
    Long by = access.currentAccount().map(Account::id).orElse(null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated =
        jdbc.sql(
                "update maturity_sharing set share_levels = ?, publish_name = ?, updated_at = ?,"
                    + " updated_by = ? where icb_code = ?")
            .params(clean.shareLevels(), clean.publishName(), now, by, icbCode)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into maturity_sharing (icb_code, share_levels, publish_name, updated_at,"
                  + " updated_by) values (?, ?, ?, ?, ?)")
          .params(icbCode, clean.shareLevels(), clean.publishName(), now, by)
          .update();
    }
    if (!before.equals(clean)) {
      audit.sharingChanged(icbCode, before, clean);
    }
    return clean;
  }

  /** The public benchmark over the current framework's areas. */
  public Benchmark benchmark() {
    Framework framework = catalogue.current();
    List<Map<String, Object>> sharing =
        jdbc.sql(
                "select icb_code, publish_name from maturity_sharing where share_levels = true"
                    + " order by icb_code")
            .query()
            .listOfRows();
    List<SharedRound> shared = new ArrayList<>();
    for (Map<String, Object> row : sharing) {
      String icbCode = (String) row.get("icb_code");
      boolean named = Boolean.TRUE.equals(row.get("publish_name"));
      // The latest round with any agreed level stands for the system.
      List<AssessmentRound> rounds = store.rounds(icbCode);
      for (int i = rounds.size() - 1; i >= 0; i--) {
        Map<String, Agreement> agreed = store.agreements(rounds.get(i).id());
        if (!agreed.isEmpty()) {
          shared.add(new SharedRound(icbCode, named, rounds.get(i).name(), agreed));
          break;
        }
      }
    }
    List<Benchmark.BenchmarkArea> areas = new ArrayList<>();
    for (FrameworkDomain domain : framework.domains()) {
      for (FocusArea area : domain.areas()) {
        List<Contribution> contributions = new ArrayList<>();
        for (SharedRound round : shared) {
          Agreement agreement = round.agreed().get(area.id());
          if (agreement != null) {
            contributions.add(new Contribution(round.named(), agreement.level()));
          }
        }
        Map<MaturityLevel, Integer> counts = countsShown(contributions);
        int systems = counts.values().stream().mapToInt(Integer::intValue).sum();
        boolean enough =
            systems >= Benchmark.MINIMUM_SYSTEMS && shared.size() >= Benchmark.MINIMUM_SYSTEMS;
        areas.add(
            new Benchmark.BenchmarkArea(
                domain.title(),
                area.id(),
                area.title(),
                enough ? systems : 0,
                enough ? Map.copyOf(counts) : Map.of()));
      }
    }
    List<Benchmark.PublishedSystem> published = new ArrayList<>();
    if (shared.size() >= Benchmark.MINIMUM_SYSTEMS) {
      for (SharedRound round : shared) {
        if (!round.named()) {
          continue;
        }
        Map<String, MaturityLevel> levels = new LinkedHashMap<>();
        round.agreed().forEach((area, agreement) -> levels.put(area, agreement.level()));
        String name =
            geography
                .icb(round.icbCode())
                .map(IntegratedCareBoard::shortName)
                .orElse(round.icbCode());
        published.add(new Benchmark.PublishedSystem(name, round.round(), levels));
      }
    }
    return new Benchmark(shared.size(), List.copyOf(areas), List.copyOf(published));
  }

  /** One system's agreed level for an area, and whether the system lets itself be named. */
  record Contribution(boolean named, MaturityLevel level) {}

  /**
   * The distribution of levels that may be shown for one area. Named systems' levels are published
   * beside it, so anyone can subtract them: the anonymous systems are counted only when what is
   * left cannot reveal any one of them (at least the minimum number, over at least two levels);
   * otherwise the area counts the named systems alone.
   */
  static Map<MaturityLevel, Integer> countsShown(List<Contribution> contributions) {
    Map<MaturityLevel, Integer> named = new EnumMap<>(MaturityLevel.class);
    Map<MaturityLevel, Integer> anonymous = new EnumMap<>(MaturityLevel.class);
    for (Contribution c : contributions) {
      (c.named() ? named : anonymous).merge(c.level(), 1, Integer::sum);
    }
    if (DifferencingControl.anonymousMayBeIncluded(anonymous, Benchmark.MINIMUM_SYSTEMS)) {
      anonymous.forEach((level, count) -> named.merge(level, count, Integer::sum));
    }
    return named;
  }

  private record SharedRound(
      String icbCode, boolean named, String round, Map<String, Agreement> agreed) {}
}
