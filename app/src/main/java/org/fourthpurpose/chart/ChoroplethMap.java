package org.fourthpurpose.chart;

import java.util.List;
import java.util.function.Function;

/**
 * A shaded map: the projected shapes of some areas, each coloured by a CSS class from a {@link
 * ColourScale}, named by its SVG {@code <title>} (a tooltip, and the accessible name of a linked
 * area) and optionally linked to the area's page. Drawn by {@code chart/map :: map}.
 */
public record ChoroplethMap(String viewBox, List<Area> areas) {

  /**
   * One area on the map.
   *
   * @param title the area's name and figure, such as "Cheshire and Merseyside: 18.2%"
   * @param cssClass the class that shades it
   * @param href where selecting it goes, or null when the area is not a link
   */
  public record Area(String code, String title, String path, String cssClass, String href) {}

  /**
   * Shades the projection's shapes: {@code area} turns a shape into its area on the map, or null to
   * leave the shape out.
   */
  public static ChoroplethMap of(
      MapProjection projection, Function<MapProjection.Shape, Area> area) {
    return new ChoroplethMap(
        projection.viewBox(),
        projection.shapes().stream().map(area).filter(a -> a != null).toList());
  }

  /**
   * True when the areas are links: the map is then a group of links for assistive technology, not a
   * single image.
   */
  public boolean linked() {
    return areas.stream().anyMatch(a -> a.href() != null);
  }
}
