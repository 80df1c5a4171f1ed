package org.fourthpurpose.impact;

import java.util.List;

/**
 * A workspace's measures as the rest of the product reads and creates them. The caller checks the
 * person's access to the workspace (viewers read, editors create).
 */
public interface ImpactMeasures {

  /** The workspace's measures by name. */
  List<MeasureSummary> forWorkspace(String icbCode);

  /** The workspace's measures linked to one target with a numeric id, by name. */
  List<MeasureSummary> linkedTo(String icbCode, String kind, long targetId);

  /** The workspace's measures linked to one target by its {@link LinkTarget#key() key}. */
  List<MeasureSummary> linkedTo(String icbCode, String kind, String targetKey);

  /**
   * Creates a measure in the workspace, audited under {@code actorEmail}.
   *
   * @throws org.fourthpurpose.web.InvalidInputException naming the field at fault (an unknown link
   *     kind or a target not in this workspace included)
   */
  MeasureSummary create(String icbCode, NewMeasure draft, String actorEmail);
}
