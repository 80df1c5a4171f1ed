package org.fourthpurpose.question.proposition;

import java.util.List;
import java.util.Optional;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.impact.MeasureLinkTargets;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.Propositions;
import org.springframework.stereotype.Component;

/**
 * Offers a workspace's propositions to the impact module as things a measure can show the success
 * of (kind {@value #KIND}).
 */
@Component
class PropositionLinkTargets implements MeasureLinkTargets {

  static final String KIND = "proposition";

  private final Propositions propositions;

  PropositionLinkTargets(Propositions propositions) {
    this.propositions = propositions;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<LinkTarget> list(String icbCode) {
    return propositions.propositions(icbCode).stream()
        .sorted(java.util.Comparator.comparing(p -> p.title().toLowerCase(java.util.Locale.ROOT)))
        .map(PropositionLinkTargets::target)
        .toList();
  }

  @Override
  public Optional<LinkTarget> find(String icbCode, long id) {
    return propositions.proposition(icbCode, id).map(PropositionLinkTargets::target);
  }

  static LinkTarget target(Proposition p) {
    return new LinkTarget(
        KIND,
        p.id(),
        p.title(),
        p.status().label(),
        "/workspaces/" + p.icbCode() + "/propositions/" + p.id());
  }
}
