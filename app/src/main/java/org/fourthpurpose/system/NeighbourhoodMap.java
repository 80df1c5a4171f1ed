package org.fourthpurpose.system;

/**
 * A system's neighbourhoods (2021 LSOAs) shaded by one measure, already rendered: the text summary,
 * the map with its key and source, and the table of every neighbourhood. Pages include it with
 * {@code system/neighbourhood-map :: rendered(${map})}.
 *
 * @param layer what the map shows: a domain of deprivation by its API name ({@code imd}, {@code
 *     income}, …) or {@code rurality}
 * @param title the measure in words, such as "Income deprivation (IoD 2025)"
 * @param html the rendered fragment (HTML, escaped where it holds text): summary, map, key and a
 *     table of neighbourhoods and residents by decile or class
 * @param neighbourhoods how many neighbourhoods the system has with a value
 * @param tableHtml the rendered table of every neighbourhood, for its own page ({@code
 *     /ics/{code}/neighbourhoods}): a big system has nearly 1,900, too many for the overview
 */
public record NeighbourhoodMap(
    String icbCode,
    String layer,
    String title,
    String html,
    int neighbourhoods,
    String tableHtml) {}
