package org.fourthpurpose.impact.link;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.impact.MeasureLinkTargets;
import org.springframework.stereotype.Component;

/**
 * The workspace's anchor commitments as link targets: labelled by organisation and promise, with
 * the commitment's status, linking to the organisation's page.
 */
@Component
class CommitmentTargets implements MeasureLinkTargets {

  static final String KIND = "anchor-commitment";

  private final AnchorRegister register;

  CommitmentTargets(AnchorRegister register) {
    this.register = register;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<LinkTarget> list(String icbCode) {
    Map<Long, String> names =
        register.organisations(icbCode).stream()
            .collect(Collectors.toMap(AnchorOrganisation::id, AnchorOrganisation::name));
    return register.commitments(icbCode).stream()
        .map(c -> target(icbCode, c, names.getOrDefault(c.organisationId(), "Organisation")))
        .toList();
  }

  @Override
  public Optional<LinkTarget> find(String icbCode, long id) {
    return list(icbCode).stream().filter(t -> t.id() == id).findFirst();
  }

  private static LinkTarget target(String icbCode, AnchorCommitment c, String organisation) {
    return new LinkTarget(
        KIND,
        c.id(),
        Texts.shorten(organisation + ": " + c.promise(), 200),
        c.status().label(),
        "/workspaces/" + icbCode + "/anchors/organisations/" + c.organisationId());
  }
}
