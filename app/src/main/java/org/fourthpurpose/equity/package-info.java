/**
 * Health-inequality insight from record-level waiting-list data: an ICB analyst uploads an extract
 * of open pathways at a census date (CSV, Parquet or Excel), maps its columns if they are named
 * differently, and the analytics engine ({@code org.fourthpurpose.analytics}) reads the file,
 * aggregates it by deprivation, ethnic group, first language, learning disability, mental health,
 * age, sex, place and specialty, and applies disclosure control; only those controlled tables are
 * stored, and the file is deleted. Results are read as findings, charts and tables, compared with
 * the previous census date, downloaded, and published on the system's public equity page. {@code
 * across} sets any catalogue indicator against deprivation (or another indicator) across the 42
 * systems.
 *
 * <p>It answers recommendations 21–23 and 31 of Public Policy Projects' <i>ICS Futures</i> (2022):
 * actionable insight from robust data, on a trusted platform where communities can interrogate it,
 * with waiting lists split by demographic and protected characteristics; and recommendation 2, to
 * tell people what their data is used for.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "analytics",
      "audit",
      "chart",
      "csv",
      "deprivation",
      "geography",
      "indicator",
      "indicator :: workbook",
      "job",
      "maturity",
      "reference",
      "statistics",
      "web"
    })
package org.fourthpurpose.equity;

import org.springframework.modulith.ApplicationModule;
