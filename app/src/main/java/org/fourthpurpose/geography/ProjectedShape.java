package org.fourthpurpose.geography;

import java.util.ArrayList;
import java.util.List;

/**
 * How a projected boundary is stored: its rings separated by {@code ;}, each ring's points as
 * whole-metre eastings and northings separated by spaces ({@code "x y x y …"}).
 */
final class ProjectedShape {

  private ProjectedShape() {}

  static String encode(List<int[]> rings) {
    StringBuilder text = new StringBuilder();
    for (int[] ring : rings) {
      if (!text.isEmpty()) {
        text.append(';');
      }
      for (int i = 0; i < ring.length; i++) {
        if (i > 0) {
          text.append(' ');
        }
        text.append(ring[i]);
      }
    }
    return text.toString();
  }

  static List<int[]> decode(String text) {
    List<int[]> rings = new ArrayList<>();
    for (String ring : text.split(";")) {
      String[] numbers = ring.split(" ");
      int[] points = new int[numbers.length];
      for (int i = 0; i < numbers.length; i++) {
        points[i] = Integer.parseInt(numbers[i]);
      }
      rings.add(points);
    }
    return rings;
  }
}
