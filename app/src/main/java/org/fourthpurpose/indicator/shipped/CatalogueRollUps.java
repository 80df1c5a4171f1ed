package org.fourthpurpose.indicator.shipped;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fourthpurpose.indicator.IndicatorRollUps;
import org.springframework.stereotype.Component;

/** The roll-up rules written in the shipped catalogue, {@code rollUp} of each indicator. */
@Component
class CatalogueRollUps implements IndicatorRollUps {

  /** Read on first use, not at start-up, so that the first start does not wait for it. */
  private volatile Map<String, String> rules;

  @Override
  public Optional<String> rollUp(String indicatorId) {
    Map<String, String> read = rules;
    if (read == null) {
      read =
          CatalogueFile.fromClassPath().indicators().stream()
              .collect(
                  Collectors.toUnmodifiableMap(
                      e -> e.indicator().id(), CatalogueFile.Entry::rollUp));
      rules = read;
    }
    return Optional.ofNullable(read.get(indicatorId));
  }
}
