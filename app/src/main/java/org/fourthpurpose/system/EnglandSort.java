package org.fourthpurpose.system;

import java.util.Comparator;
import java.util.List;

/** The columns the England table can be sorted by, with the names used in links. */
final class EnglandSort {

  static final List<String> COLUMNS =
      List.of(
          "name",
          "population",
          "averageScore",
          "averageRank",
          "proportionMostDeprived10",
          "extent",
          "localConcentration",
          "core20");

  private EnglandSort() {}

  static Comparator<SystemPages.EnglandRow> comparator(String column) {
    Comparator<SystemPages.EnglandRow> byName = Comparator.comparing(r -> r.icb().shortName());
    Comparator<SystemPages.EnglandRow> order =
        switch (column == null ? "name" : column) {
          case "population" -> Comparator.comparingLong(r -> r.icb().population());
          case "averageScore" ->
              Comparator.comparing(
                  r -> r.summary().measures().averageScore(),
                  Comparator.nullsFirst(Comparator.naturalOrder()));
          case "averageRank" ->
              Comparator.comparingDouble(r -> r.summary().measures().averageRank());
          case "proportionMostDeprived10" ->
              Comparator.comparingDouble(r -> r.summary().measures().proportionMostDeprived10());
          case "extent" -> Comparator.comparingDouble(r -> r.summary().measures().extent());
          case "localConcentration" ->
              Comparator.comparingDouble(r -> r.summary().measures().localConcentration());
          case "core20" -> Comparator.comparingDouble(SystemPages.EnglandRow::core20Share);
          default -> byName;
        };
    return order.thenComparing(byName);
  }
}
