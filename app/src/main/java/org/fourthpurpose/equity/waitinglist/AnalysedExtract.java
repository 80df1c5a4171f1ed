package org.fourthpurpose.equity.waitinglist;

import java.util.List;
import java.util.Map;

/**
 * What the analysis of an extract leaves to store: disclosure-controlled tables by breakdown slug
 * (in reading order), summary measures such as the slope index of inequality, and the findings in
 * plain sentences. Nothing here identifies a pathway.
 *
 * @param rows the pathways read
 * @param engine which engine read them, for the record ("DuckDB 1.x")
 */
record AnalysedExtract(
    long rows,
    String engine,
    Map<String, List<GroupRow>> tables,
    List<Measure> measures,
    List<String> findings) {

  /** A summary measure with its 95% interval (null limits when it has none). */
  record Measure(String name, Double value, Double lower95, Double upper95) {}
}
