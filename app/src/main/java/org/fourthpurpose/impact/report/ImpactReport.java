package org.fourthpurpose.impact.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fourthpurpose.impact.measure.MeasureView;

/**
 * A workspace's impact report: the summary table of icons, a chart per measure, and what changed
 * since the report last issued, with why.
 *
 * @param lastIssued the report last issued (what this one is compared with), or null
 * @param changes what changed since it, measure by measure (empty when there is none to compare)
 */
public record ImpactReport(
    String icbCode,
    String systemName,
    LocalDate produced,
    List<MeasureView> measures,
    ReportStore.Issued lastIssued,
    List<Change> changes,
    int issuedCount) {

  /**
   * What changed about one measure since the last report.
   *
   * @param what the changes in sentences
   * @param why the reasons on record: rebase reasons and changes of the linked target's status
   */
  public record Change(long measureId, String measure, List<String> what, List<String> why) {}

  public Instant lastIssuedAt() {
    return lastIssued == null ? null : lastIssued.createdAt();
  }
}
