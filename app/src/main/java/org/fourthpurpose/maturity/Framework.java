package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One published version of the maturity framework. Immutable once published. */
public record Framework(
    long id,
    String version,
    String title,
    FrameworkSource source,
    List<AgeGuidance> systemAgeGuidance,
    List<FrameworkDomain> domains) {

  public Stream<FocusArea> areas() {
    return domains.stream().flatMap(d -> d.areas().stream());
  }

  public Optional<FocusArea> area(String areaId) {
    return areas().filter(a -> a.id().equals(areaId)).findFirst();
  }

  public Optional<FrameworkDomain> domain(String domainId) {
    return domains.stream().filter(d -> d.id().equals(domainId)).findFirst();
  }
}
