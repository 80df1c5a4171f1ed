package org.fourthpurpose.equity.waitinglist;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Reads a record-level extract through the analytics port and returns only disclosure-controlled
 * aggregates; the only place this feature meets the engine's types.
 */
interface ExtractAnalyser {

  /**
   * @param file a CSV or Parquet file (an Excel workbook is converted to CSV first)
   * @param mapping the analysis's column name to the file's header, empty when they match
   * @param icbCode the system whose deprivation fifths the analysis uses
   * @throws ExtractRefusal with every problem's line and column; nothing is stored
   */
  AnalysedExtract analyse(
      Path file,
      boolean parquet,
      Map<String, String> mapping,
      LocalDate censusDate,
      String icbCode);
}
