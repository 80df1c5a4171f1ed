package org.fourthpurpose.equity.waitinglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fourthpurpose.analytics.EngineAggregates;
import org.fourthpurpose.analytics.EquityAnalyses;
import org.fourthpurpose.analytics.EquityResult;
import org.fourthpurpose.analytics.EquityRow;
import org.fourthpurpose.analytics.ExtractFormat;
import org.fourthpurpose.analytics.ExtractRefused;
import org.fourthpurpose.analytics.ExtractSource;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.fourthpurpose.analytics.NeighbourhoodLookups;
import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.fourthpurpose.statistics.SlopeIndexOfInequality;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The analytics port as this feature uses it: the engine ({@link RecordLevelAnalytics}, DuckDB in
 * the application) aggregates the extract against the neighbourhood lookup built from the shipped
 * reference files ({@link NeighbourhoodLookups#fromShippedFiles}, the same builder the Spark job
 * uses), then {@link EquityAnalyses#finish} applies the analyses and disclosure control. Only its
 * disclosure-controlled tables, gradient and findings come back.
 *
 * <p>Problems about the pathway identifier never quote it: a refused extract's problems are stored,
 * and no identifier from a file may reach the database.
 */
@Component
class PortAnalyser implements ExtractAnalyser {

  private static final Pattern QUOTED = Pattern.compile("'[^']*'");

  private final ObjectProvider<RecordLevelAnalytics> engines;
  private volatile NeighbourhoodLookup lookup;

  PortAnalyser(ObjectProvider<RecordLevelAnalytics> engines) {
    this.engines = engines;
  }

  @Override
  public AnalysedExtract analyse(
      Path file,
      boolean parquet,
      Map<String, String> mapping,
      LocalDate censusDate,
      String icbCode) {
    RecordLevelAnalytics engine = engines.getIfAvailable();
    if (engine == null) {
      throw new IllegalStateException("no record-level analytics engine is configured");
    }
    ExtractSource source =
        new ExtractSource(file, parquet ? ExtractFormat.PARQUET : ExtractFormat.CSV, mapping);
    EngineAggregates aggregates;
    try {
      aggregates = engine.aggregate(source, censusDate, lookup());
    } catch (ExtractRefused refused) {
      String pathwayHeader = source.header(org.fourthpurpose.analytics.ExtractColumn.PATHWAY_ID);
      List<ExtractProblem> problems = new ArrayList<>();
      for (var p : refused.problems()) {
        boolean identifier = p.column().equals(pathwayHeader) || p.column().equals("pathway_id");
        problems.add(
            new ExtractProblem(
                p.line(),
                p.column().isEmpty() ? null : p.column(),
                identifier
                    ? QUOTED.matcher(p.message()).replaceAll("the identifier")
                    : p.message()));
      }
      throw new ExtractRefusal(problems, refused.totalProblems());
    }
    EquityResult result = EquityAnalyses.finish(aggregates);
    Map<String, List<GroupRow>> tables = new LinkedHashMap<>();
    for (org.fourthpurpose.analytics.EquityTable table : result.tables()) {
      List<GroupRow> rows = new ArrayList<>();
      for (EquityRow r : table.rows()) {
        rows.add(
            new GroupRow(
                r.group(),
                r.column(),
                r.waiting(),
                r.medianDays(),
                r.p92Days(),
                r.over18Weeks(),
                r.over52Weeks(),
                r.percentOver18Weeks(),
                r.suppressed(),
                r.rateRatio(),
                r.rateRatioLower(),
                r.rateRatioUpper(),
                r.standardisedRatio(),
                r.standardisedLower(),
                r.standardisedUpper()));
      }
      tables.put(table.breakdown().slug(), rows);
    }
    List<AnalysedExtract.Measure> measures = new ArrayList<>();
    SlopeIndexOfInequality gradient = result.deprivationGradient();
    if (gradient != null) {
      measures.add(new AnalysedExtract.Measure("sii", gradient.sii(), null, null));
      measures.add(new AnalysedExtract.Measure("rii", gradient.rii(), null, null));
      measures.add(new AnalysedExtract.Measure("sii-intercept", gradient.intercept(), null, null));
    }
    return new AnalysedExtract(
        aggregates.total().waiting(), engine.engineName(), tables, measures, result.findings());
  }

  /** England's neighbourhoods, built once from the shipped reference files. */
  NeighbourhoodLookup lookup() {
    NeighbourhoodLookup built = lookup;
    if (built == null) {
      synchronized (this) {
        built = lookup;
        if (built == null) {
          built = build();
          lookup = built;
        }
      }
    }
    return built;
  }

  private static NeighbourhoodLookup build() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("equity-lookup-");
      for (String name :
          List.of(
              NeighbourhoodLookups.IMD,
              NeighbourhoodLookups.ICB,
              NeighbourhoodLookups.LAD,
              NeighbourhoodLookups.POPULATION,
              NeighbourhoodLookups.LSOA11)) {
        try (InputStream in = PortAnalyser.class.getResourceAsStream("/reference/" + name)) {
          if (in == null) {
            throw new IOException("the shipped reference file " + name + " is missing");
          }
          Files.copy(in, dir.resolve(name));
        }
      }
      return NeighbourhoodLookups.fromShippedFiles(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not build the neighbourhood lookup", e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          dir.toFile().deleteOnExit();
        }
      }
    }
  }
}
