package org.fourthpurpose.impact.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.impact.MeasureLinkTargets;
import org.fourthpurpose.maturity.AssessmentRound;
import org.fourthpurpose.maturity.AssessmentService;
import org.fourthpurpose.maturity.Milestone;
import org.fourthpurpose.maturity.MilestoneService;
import org.springframework.stereotype.Component;

/**
 * The workspace's maturity milestones (actions towards the next level, in every round) as link
 * targets, with their status, linking to the round's milestones page. The maturity services check
 * that the person may see the workspace.
 */
@Component
class MilestoneTargets implements MeasureLinkTargets {

  static final String KIND = "maturity-milestone";

  private final AssessmentService rounds;
  private final MilestoneService milestones;

  MilestoneTargets(AssessmentService rounds, MilestoneService milestones) {
    this.rounds = rounds;
    this.milestones = milestones;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<LinkTarget> list(String icbCode) {
    List<LinkTarget> targets = new ArrayList<>();
    for (AssessmentRound round : rounds.rounds(icbCode)) {
      for (Milestone m : milestones.milestones(icbCode, round.id())) {
        targets.add(
            new LinkTarget(
                KIND,
                m.id(),
                Texts.shorten(round.name() + ": " + m.action(), 200),
                m.status().label(),
                "/workspaces/" + icbCode + "/maturity/rounds/" + round.id() + "/milestones"));
      }
    }
    return targets;
  }

  @Override
  public Optional<LinkTarget> find(String icbCode, long id) {
    return list(icbCode).stream().filter(t -> t.id() == id).findFirst();
  }
}
