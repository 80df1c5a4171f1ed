package org.fourthpurpose.indicator.shipped;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fourthpurpose.indicator.IndicatorRollUps;
import org.springframework.stereotype.Component;

/** The roll-up rules written in the shipped catalogue, {@code rollUp} of each indicator. */
@Component
class CatalogueRollUps implements IndicatorRollUps {

  private final Map<String, String> rules;

  CatalogueRollUps() {
    this.rules =
        CatalogueFile.fromClassPath().indicators().stream()
            .collect(
                Collectors.toUnmodifiableMap(e -> e.indicator().id(), CatalogueFile.Entry::rollUp));
  }

  @Override
  public Optional<String> rollUp(String indicatorId) {
    return Optional.ofNullable(rules.get(indicatorId));
  }
}
