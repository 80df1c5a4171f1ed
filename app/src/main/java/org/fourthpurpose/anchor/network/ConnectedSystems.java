package org.fourthpurpose.anchor.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.CommitmentsChanged;
import org.fourthpurpose.anchor.coverage.Coverages;
import org.fourthpurpose.anchor.coverage.IndicatorNeed;
import org.fourthpurpose.anchor.coverage.NeedsLookup;
import org.fourthpurpose.anchor.coverage.SystemNeeds;
import org.fourthpurpose.anchor.coverage.ThemeNeeds;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A workspace's connected anchor system, built from its register and the Step 1 themes (for which
 * indicator belongs to which theme), kept until its commitments change or reference data is
 * reloaded. The caller checks the person's access to the workspace.
 */
@Service
public class ConnectedSystems {

  private final AnchorRegister register;
  private final NeedsLookup needs;
  private final Coverages coverages;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, ConnectedSystem> kept = new ConcurrentHashMap<>();

  ConnectedSystems(
      AnchorRegister register,
      NeedsLookup needs,
      Coverages coverages,
      ApplicationEventPublisher events,
      Clock clock) {
    this.register = register;
    this.needs = needs;
    this.coverages = coverages;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Forgets the workspace's kept system and coverage, then the kept pages that show them (the
   * workspace's coverage and system page bodies kept for its members and, when published, its
   * public anchor pages), in that order, so that no page is kept again from stale figures.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void onCommitmentsChanged(CommitmentsChanged event) {
    kept.keySet().removeIf(k -> k.startsWith(event.icbCode() + "|"));
    coverages.forget(event.icbCode());
    events.publishEvent(
        new PublicPagesChanged("anchor commitments of " + event.icbCode() + " changed"));
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    kept.clear();
  }

  /** The connected system of a workspace (an ICB code as the register keeps it). */
  public ConnectedSystem system(String icbCode) {
    // Kept per day: the change over time runs to the quarter holding today.
    LocalDate today = LocalDate.now(clock);
    String key = icbCode + "|" + today;
    ConnectedSystem system = kept.get(key);
    if (system == null) {
      kept.keySet().removeIf(k -> k.startsWith(icbCode + "|"));
      system = build(icbCode, today);
      kept.put(key, system);
    }
    return system;
  }

  private ConnectedSystem build(String icbCode, LocalDate today) {
    SystemNeeds themes = needs.needs(icbCode, ComparatorChoice.ENGLAND);
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, String> themeOf = new LinkedHashMap<>();
    for (ThemeNeeds t : themes.themes()) {
      titles.put(t.themeCode(), t.title());
      for (IndicatorNeed i : t.indicators()) {
        themeOf.put(i.indicatorId(), t.themeCode());
      }
    }
    return ConnectedSystem.of(
        register.organisations(icbCode),
        register.commitments(icbCode),
        register.progressions(icbCode),
        register.statusChanges(icbCode),
        titles,
        themeOf,
        today);
  }
}
