package org.fourthpurpose.indicator.local;

import java.util.List;

/**
 * A local indicator's definition as a person gives it, in a form or a JSON body, before checking:
 * enumerations as their names, so that a wrong one is reported against its field.
 *
 * @param id a stable code, unique among indicators, starting {@code local-}; fixed once defined
 * @param valueType a {@link org.fourthpurpose.indicator.ValueType} name, e.g. PROPORTION
 * @param polarity a {@link org.fourthpurpose.indicator.Polarity} name, e.g. HIGHER_IS_BETTER
 * @param intervalMethod an {@link org.fourthpurpose.indicator.IntervalMethod} name, e.g. WILSON
 * @param themeCode a catalogue theme's code, e.g. employment
 * @param areaTypes {@link org.fourthpurpose.indicator.AreaLevel} names the values may be for
 * @param published whether everyone sees it on the system's public profile (null: no)
 */
record LocalIndicatorDefinition(
    String id,
    String title,
    String definition,
    String unit,
    String valueType,
    String polarity,
    String intervalMethod,
    String themeCode,
    String source,
    String licence,
    List<String> areaTypes,
    Boolean published) {

  LocalIndicatorDefinition {
    areaTypes = areaTypes == null ? List.of() : List.copyOf(areaTypes);
  }

  /** The same definition with another id (the path's, when changing one). */
  LocalIndicatorDefinition withId(String newId) {
    return new LocalIndicatorDefinition(
        newId,
        title,
        definition,
        unit,
        valueType,
        polarity,
        intervalMethod,
        themeCode,
        source,
        licence,
        areaTypes,
        published);
  }
}
