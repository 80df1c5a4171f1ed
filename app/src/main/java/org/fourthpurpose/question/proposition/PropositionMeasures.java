package org.fourthpurpose.question.proposition;

import java.util.List;
import org.fourthpurpose.impact.ImpactMeasures;
import org.fourthpurpose.impact.MeasureSummary;
import org.fourthpurpose.impact.NewMeasure;
import org.fourthpurpose.web.ConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The impact module's measures as propositions and the plan use them. Reached through a provider,
 * so that the proposition pages still work (saying that measures cannot be shown) in a build
 * without the impact module's implementation.
 */
@Component
public class PropositionMeasures {

  private final ObjectProvider<ImpactMeasures> impact;

  PropositionMeasures(ObjectProvider<ImpactMeasures> impact) {
    this.impact = impact;
  }

  /** Whether measures can be read and created. */
  public boolean available() {
    return impact.getIfAvailable() != null;
  }

  /** The workspace's measures, or none when measures are not available. */
  public List<MeasureSummary> forWorkspace(String icbCode) {
    ImpactMeasures m = impact.getIfAvailable();
    return m == null ? List.of() : m.forWorkspace(icbCode);
  }

  /** The measures linked to a proposition. */
  public List<MeasureSummary> ofProposition(String icbCode, long id) {
    ImpactMeasures m = impact.getIfAvailable();
    return m == null ? List.of() : m.linkedTo(icbCode, PropositionLinkTargets.KIND, id);
  }

  /** Creates a measure; a 409 when measures are not available in this build. */
  MeasureSummary create(String icbCode, NewMeasure draft, String actor) {
    ImpactMeasures m = impact.getIfAvailable();
    if (m == null) {
      throw new ConflictException(
          "measures-unavailable",
          "Measures unavailable",
          null,
          null,
          "Measures cannot be added: the impact part of the product is not running");
    }
    return m.create(icbCode, draft, actor);
  }
}
