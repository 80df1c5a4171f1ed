package org.fourthpurpose.impact;

import java.util.List;
import java.util.Optional;

/**
 * The things of one kind that a workspace's measures can be linked to. Other modules implement it
 * as a Spring bean (the {@code question} module for propositions); the impact module implements it
 * for anchor commitments, maturity milestones and catalogue indicators. The impact module never
 * calls those modules for links in any other way.
 */
public interface MeasureLinkTargets {

  /** The kind this bean offers, e.g. {@code proposition}: lower-case letters and hyphens. */
  String kind();

  /** Every target of this kind in the workspace, in the order a person would choose from. */
  List<LinkTarget> list(String icbCode);

  /** One target of the workspace, or empty when it does not exist or belongs to another one. */
  Optional<LinkTarget> find(String icbCode, long id);

  /**
   * One target by its {@link LinkTarget#key() key}. The default reads the key as a numeric id;
   * kinds identified by text (catalogue indicators) override it.
   */
  default Optional<LinkTarget> find(String icbCode, String key) {
    if (key == null || !key.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return find(icbCode, Long.parseLong(key));
  }
}
