package org.fourthpurpose.peergroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds each system's statistical nearest neighbours: the systems closest to it on a set of
 * characteristics, each standardised across all systems (z-score with the population standard
 * deviation) and weighted equally, by Euclidean distance. Ties are broken by code so the result
 * never depends on the order of input.
 */
final class NearestNeighbours {

  /** One neighbour of a system, nearest first. */
  record Neighbour(String code, String neighbourCode, int rank, double distance) {}

  private final Map<String, Map<String, Double>> characteristics;
  private final Map<String, Map<String, Double>> zScores = new TreeMap<>();

  /**
   * @param characteristics by system code, then characteristic name; every system must have every
   *     characteristic
   */
  NearestNeighbours(Map<String, Map<String, Double>> characteristics) {
    this.characteristics = new TreeMap<>(characteristics);
    List<String> names = names();
    for (String name : names) {
      double mean = 0;
      for (Map<String, Double> c : this.characteristics.values()) {
        Double value = c.get(name);
        if (value == null || !Double.isFinite(value)) {
          throw new IllegalArgumentException("a system lacks the characteristic " + name);
        }
        mean += value;
      }
      mean /= this.characteristics.size();
      double variance = 0;
      for (Map<String, Double> c : this.characteristics.values()) {
        variance += Math.pow(c.get(name) - mean, 2);
      }
      double sd = Math.sqrt(variance / this.characteristics.size());
      for (var entry : this.characteristics.entrySet()) {
        double z = sd == 0 ? 0 : (entry.getValue().get(name) - mean) / sd;
        zScores.computeIfAbsent(entry.getKey(), k -> new TreeMap<>()).put(name, z);
      }
    }
  }

  List<String> names() {
    return characteristics.values().stream()
        .findFirst()
        .map(c -> List.copyOf(new TreeMap<>(c).keySet()))
        .orElse(List.of());
  }

  /** The standardised value of each characteristic, by system. */
  Map<String, Map<String, Double>> zScores() {
    return zScores;
  }

  /** The {@code count} nearest neighbours of every system. */
  List<Neighbour> nearest(int count) {
    List<Neighbour> result = new ArrayList<>();
    for (String code : zScores.keySet()) {
      List<Neighbour> candidates = new ArrayList<>();
      for (String other : zScores.keySet()) {
        if (!other.equals(code)) {
          candidates.add(new Neighbour(code, other, 0, distance(code, other)));
        }
      }
      candidates.sort(
          Comparator.comparingDouble(Neighbour::distance).thenComparing(Neighbour::neighbourCode));
      for (int i = 0; i < Math.min(count, candidates.size()); i++) {
        Neighbour n = candidates.get(i);
        result.add(new Neighbour(code, n.neighbourCode(), i + 1, n.distance()));
      }
    }
    return result;
  }

  double distance(String a, String b) {
    double sum = 0;
    for (var entry : zScores.get(a).entrySet()) {
      double d = entry.getValue() - zScores.get(b).get(entry.getKey());
      sum += d * d;
    }
    return Math.sqrt(sum);
  }
}
