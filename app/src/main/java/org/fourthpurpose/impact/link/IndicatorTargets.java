package org.fourthpurpose.impact.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.impact.MeasureLinkTargets;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCache;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.LocalIndicatorValues;
import org.springframework.stereotype.Component;

/**
 * Catalogue indicators with values for integrated care boards as link targets: the public ones and
 * the workspace's own local ones. Indicators are identified by text, so each target carries its id
 * in {@link LinkTarget#code()} (and 0 as its numeric id); {@link #find(String, long)} finds none.
 */
@Component
class IndicatorTargets implements MeasureLinkTargets {

  static final String KIND = "indicator";

  private final IndicatorCache cache;
  private final LocalIndicatorValues local;

  IndicatorTargets(IndicatorCache cache, LocalIndicatorValues local) {
    this.cache = cache;
    this.local = local;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<LinkTarget> list(String icbCode) {
    List<LinkTarget> targets = new ArrayList<>();
    for (Indicator i : cache.icbIndicators()) {
      targets.add(target(i));
    }
    for (IndicatorSeries s : local.visibleSeries(icbCode)) {
      targets.add(target(s.indicator()));
    }
    return targets;
  }

  @Override
  public Optional<LinkTarget> find(String icbCode, long id) {
    return Optional.empty();
  }

  @Override
  public Optional<LinkTarget> find(String icbCode, String key) {
    return list(icbCode).stream().filter(t -> t.code().equals(key)).findFirst();
  }

  private static LinkTarget target(Indicator i) {
    return new LinkTarget(
        KIND, 0, Texts.shorten(i.title(), 200), null, "/indicators/" + i.id(), i.id());
  }
}
