package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.maturity.BenchmarkService.Contribution;
import org.junit.jupiter.api.Test;

/**
 * The benchmark shows, per area, how many sharing systems agreed each level, and names the systems
 * that chose to be named with their levels. Someone who subtracts the named levels from the counts
 * must learn nothing about any system that shares without its name: checked here over every
 * combination of up to eight systems, named or not, at any of the four levels.
 */
class BenchmarkPrivacyTest {

  private static final MaturityLevel[] LEVELS = MaturityLevel.values();

  @Test
  void subtractingTheNamedSystemsNeverRevealsAnAnonymousSystemsLevel() {
    int combinations = 0;
    for (int size = 0; size <= 8; size++) {
      for (int named = 0; named <= size; named++) {
        for (int[] namedLevels : multisets(named)) {
          for (int[] anonymousLevels : multisets(size - named)) {
            List<Contribution> contributions = new ArrayList<>();
            for (int i = 0; i < LEVELS.length; i++) {
              for (int n = 0; n < namedLevels[i]; n++) {
                contributions.add(new Contribution(true, LEVELS[i]));
              }
              for (int n = 0; n < anonymousLevels[i]; n++) {
                contributions.add(new Contribution(false, LEVELS[i]));
              }
            }
            Map<MaturityLevel, Integer> shown = BenchmarkService.countsShown(contributions);
            assertNothingAnonymousCanBeDerived(shown, namedLevels, size - named);
            combinations++;
          }
        }
      }
    }
    assertThat(combinations).isGreaterThan(10_000);
  }

  /**
   * What an observer can do: take the shown counts, subtract the published named levels and look at
   * what is left. It must be nothing, or at least five systems spread over two or more levels, so
   * no anonymous system's level follows.
   */
  private static void assertNothingAnonymousCanBeDerived(
      Map<MaturityLevel, Integer> shown, int[] namedLevels, int anonymousSystems) {
    int left = 0;
    int levelsLeft = 0;
    for (int i = 0; i < LEVELS.length; i++) {
      int residual = shown.getOrDefault(LEVELS[i], 0) - namedLevels[i];
      assertThat(residual).isBetween(0, anonymousSystems);
      left += residual;
      if (residual > 0) {
        levelsLeft++;
      }
    }
    if (left > 0) {
      assertThat(left).isGreaterThanOrEqualTo(Benchmark.MINIMUM_SYSTEMS);
      assertThat(levelsLeft).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void oneAnonymousSystemBesideFourNamedOnesIsLeftOutOfTheCounts() {
    List<Contribution> contributions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      contributions.add(new Contribution(true, MaturityLevel.EMERGING));
    }
    contributions.add(new Contribution(false, MaturityLevel.EXPANDING));

    assertThat(BenchmarkService.countsShown(contributions))
        .containsExactlyEntriesOf(Map.of(MaturityLevel.EMERGING, 4));
  }

  @Test
  void fiveAnonymousSystemsAtDifferentLevelsAreCountedWithTheNamedOnes() {
    List<Contribution> contributions =
        new ArrayList<>(
            List.of(
                new Contribution(false, MaturityLevel.EMERGING),
                new Contribution(false, MaturityLevel.EMERGING),
                new Contribution(false, MaturityLevel.ESTABLISHED),
                new Contribution(false, MaturityLevel.ESTABLISHED),
                new Contribution(false, MaturityLevel.EXPANDING),
                new Contribution(true, MaturityLevel.EXPANDING)));

    Map<MaturityLevel, Integer> expected = new EnumMap<>(MaturityLevel.class);
    expected.put(MaturityLevel.EMERGING, 2);
    expected.put(MaturityLevel.ESTABLISHED, 2);
    expected.put(MaturityLevel.EXPANDING, 2);
    assertThat(BenchmarkService.countsShown(contributions)).isEqualTo(expected);
  }

  @Test
  void fiveAnonymousSystemsAllAtOneLevelAreLeftOut() {
    List<Contribution> contributions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      contributions.add(new Contribution(false, MaturityLevel.ESTABLISHED));
    }
    contributions.add(new Contribution(true, MaturityLevel.EMERGING));

    assertThat(BenchmarkService.countsShown(contributions))
        .containsExactlyEntriesOf(Map.of(MaturityLevel.EMERGING, 1));
  }

  /** Every way of giving {@code size} systems one of the four levels, as counts per level. */
  private static List<int[]> multisets(int size) {
    List<int[]> result = new ArrayList<>();
    for (int a = 0; a <= size; a++) {
      for (int b = 0; a + b <= size; b++) {
        for (int c = 0; a + b + c <= size; c++) {
          result.add(new int[] {a, b, c, size - a - b - c});
        }
      }
    }
    return result;
  }
}
