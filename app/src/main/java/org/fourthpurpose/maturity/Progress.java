package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Optional;

/** The agreed levels of every round of one ICS side by side, and what moved between rounds. */
public record Progress(List<AssessmentRound> rounds, List<Row> rows, List<Movement> movements) {

  /** One area across rounds; an empty cell means the area was not agreed (or not in) that round. */
  public record Row(
      String domainId,
      String domainTitle,
      String areaId,
      String areaTitle,
      List<Optional<Agreement>> agreed) {}

  /** An area whose agreed level changed from one round to the next. */
  public record Movement(
      String areaTitle,
      AssessmentRound from,
      AssessmentRound to,
      Agreement before,
      Agreement after) {

    public boolean up() {
      return after.score() > before.score();
    }
  }

  public List<String> domainTitles() {
    return rows.stream().map(Row::domainTitle).distinct().toList();
  }

  public List<Row> rowsIn(String domainTitle) {
    return rows.stream().filter(r -> r.domainTitle().equals(domainTitle)).toList();
  }
}
