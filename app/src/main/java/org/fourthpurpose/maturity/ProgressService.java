package org.fourthpurpose.maturity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
import org.springframework.stereotype.Service;

/** Progress of one ICS across its rounds, from the agreed levels only. */
@Service
public class ProgressService {

  private final RoundStore store;
  private final WorkspaceAccess access;

  ProgressService(RoundStore store, WorkspaceAccess access) {
    this.store = store;
    this.access = access;
  }

  public Progress progress(String icbCode) {
    access.requireView(icbCode);
    return progressOf(store.rounds(icbCode));
  }

  /** Progress over the given rounds, oldest first (used by the board report up to its round). */
  Progress progressOf(List<AssessmentRound> rounds) {
    Map<String, String[]> areas = new LinkedHashMap<>(); // area id -> domain id, domain, title
    List<Map<String, Agreement>> agreedByRound = new ArrayList<>();
    // Newest round first decides the order, so current areas lead and retired ones follow.
    for (int i = rounds.size() - 1; i >= 0; i--) {
      RoundScope scope = store.scope(rounds.get(i));
      for (FrameworkDomain domain : scope.domains()) {
        for (FocusArea area : domain.areas()) {
          areas.putIfAbsent(area.id(), new String[] {domain.id(), domain.title(), area.title()});
        }
      }
    }
    for (AssessmentRound round : rounds) {
      agreedByRound.add(store.agreements(round.id()));
    }
    // Group rows by domain in first-seen order.
    Map<String, List<Progress.Row>> byDomain = new LinkedHashMap<>();
    for (var entry : areas.entrySet()) {
      String[] a = entry.getValue();
      List<Optional<Agreement>> cells = new ArrayList<>();
      for (Map<String, Agreement> agreed : agreedByRound) {
        cells.add(Optional.ofNullable(agreed.get(entry.getKey())));
      }
      byDomain
          .computeIfAbsent(a[1], k -> new ArrayList<>())
          .add(new Progress.Row(a[0], a[1], entry.getKey(), a[2], List.copyOf(cells)));
    }
    List<Progress.Row> rows = byDomain.values().stream().flatMap(List::stream).toList();
    List<Progress.Movement> movements = new ArrayList<>();
    for (Progress.Row row : rows) {
      Agreement previous = null;
      AssessmentRound previousRound = null;
      for (int i = 0; i < rounds.size(); i++) {
        Agreement current = row.agreed().get(i).orElse(null);
        if (current == null) {
          continue;
        }
        if (previous != null && previous.score() != current.score()) {
          movements.add(
              new Progress.Movement(
                  row.areaTitle(), previousRound, rounds.get(i), previous, current));
        }
        previous = current;
        previousRound = rounds.get(i);
      }
    }
    return new Progress(List.copyOf(rounds), rows, List.copyOf(movements));
  }
}
