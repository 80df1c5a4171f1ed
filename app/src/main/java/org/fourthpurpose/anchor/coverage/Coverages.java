package org.fourthpurpose.anchor.coverage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.CommitmentsChanged;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A workspace's coverage against need, worked out from its register ({@link AnchorRegister}) and
 * its need ({@link NeedsLookup}) and kept until its commitments change ({@link CommitmentsChanged})
 * or reference data is reloaded. The caller checks the person's access to the workspace.
 */
@Service
public class Coverages {

  private final AnchorRegister register;
  private final NeedsLookup needs;
  private final Map<String, Coverage> kept = new ConcurrentHashMap<>();

  Coverages(AnchorRegister register, NeedsLookup needs) {
    this.register = register;
    this.needs = needs;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onCommitmentsChanged(CommitmentsChanged event) {
    forget(event.icbCode());
  }

  /** Forgets a workspace's kept coverage. */
  public void forget(String icbCode) {
    kept.keySet().removeIf(k -> k.startsWith(icbCode + "|"));
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    kept.clear();
  }

  /** The coverage of a workspace (an ICB code as the register keeps it) against a comparator. */
  public Coverage coverage(String icbCode, ComparatorChoice comparator) {
    return kept.computeIfAbsent(
        icbCode + "|" + comparator.key(),
        k ->
            Coverage.of(
                needs.needs(icbCode, comparator),
                register.organisations(icbCode),
                register.strategies(icbCode),
                register.commitments(icbCode)));
  }
}
