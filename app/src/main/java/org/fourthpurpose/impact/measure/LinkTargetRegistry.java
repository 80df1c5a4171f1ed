package org.fourthpurpose.impact.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.impact.MeasureLinkTargets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every kind of link target offered by any module, found when first needed: the modules that offer
 * them (such as {@code question}) also use this module's API, so they are looked up lazily rather
 * than injected, which would make a cycle.
 */
@Component
class LinkTargetRegistry {

  /** The order kinds are offered in, and how a person reads each kind. */
  static final Map<String, String> KIND_LABELS =
      Map.of(
          "proposition", "Proposition",
          "anchor-commitment", "Anchor commitment",
          "maturity-milestone", "Maturity milestone",
          "indicator", "Catalogue indicator");

  private static final List<String> ORDER =
      List.of("proposition", "anchor-commitment", "maturity-milestone", "indicator");

  private final ObjectProvider<MeasureLinkTargets> providers;

  LinkTargetRegistry(ObjectProvider<MeasureLinkTargets> providers) {
    this.providers = providers;
  }

  /** The kinds offered, by kind, in a fixed order (known kinds first, then others by name). */
  Map<String, MeasureLinkTargets> kinds() {
    Map<String, MeasureLinkTargets> byKind = new java.util.TreeMap<>();
    providers.orderedStream().forEach(p -> byKind.putIfAbsent(p.kind(), p));
    Map<String, MeasureLinkTargets> ordered = new LinkedHashMap<>();
    ORDER.stream().filter(byKind::containsKey).forEach(k -> ordered.put(k, byKind.get(k)));
    byKind.forEach(ordered::putIfAbsent);
    return ordered;
  }

  static String label(String kind) {
    return KIND_LABELS.getOrDefault(kind, kind);
  }

  Optional<LinkTarget> find(String icbCode, String kind, String key) {
    MeasureLinkTargets provider = kinds().get(kind);
    if (provider == null || key == null) {
      return Optional.empty();
    }
    return provider.find(icbCode, key);
  }

  /**
   * A lookup for one page or report: each kind's targets are listed once, when first asked for,
   * rather than once per measure.
   */
  java.util.function.BiFunction<String, String, Optional<LinkTarget>> lookup(String icbCode) {
    Map<String, MeasureLinkTargets> kinds = kinds();
    Map<String, Map<String, LinkTarget>> listed = new java.util.HashMap<>();
    return (kind, key) -> {
      MeasureLinkTargets provider = kinds.get(kind);
      if (provider == null || key == null) {
        return Optional.empty();
      }
      Map<String, LinkTarget> byKey =
          listed.computeIfAbsent(
              kind,
              k -> {
                Map<String, LinkTarget> m = new java.util.HashMap<>();
                provider.list(icbCode).forEach(t -> m.put(t.key(), t));
                return m;
              });
      return Optional.ofNullable(byKey.get(key));
    };
  }

  /** Every target of every kind, for a form's choice. */
  Map<String, List<LinkTarget>> all(String icbCode) {
    Map<String, List<LinkTarget>> all = new LinkedHashMap<>();
    kinds().forEach((kind, provider) -> all.put(kind, provider.list(icbCode)));
    return all;
  }
}
