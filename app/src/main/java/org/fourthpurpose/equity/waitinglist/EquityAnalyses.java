package org.fourthpurpose.equity.waitinglist;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.job.JobContext;
import org.fourthpurpose.job.JobQueueFullException;
import org.fourthpurpose.job.Jobs;
import org.fourthpurpose.job.UnfinishedJobsFailed;
import org.fourthpurpose.web.PublicPagesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analyses of a workspace's waiting-list extracts. {@link #start} stores an analysis as {@code
 * queued} and hands it to the job runner (kind {@value #JOB_KIND}); the job reads the file through
 * the analytics engine ({@link ExtractAnalyser}), stores the disclosure-controlled tables in one
 * transaction and marks it {@code done}, or stores the problems and marks it {@code failed}. The
 * uploaded file (and any CSV converted from a workbook) is deleted when the job ends, whatever the
 * end, and the time is recorded. Raw rows never reach the database.
 */
@Service
public class EquityAnalyses {

  private static final Logger log = LoggerFactory.getLogger(EquityAnalyses.class);

  static final String JOB_KIND = "equity-analysis";

  /** How long an extract may wait for its column mapping before it is deleted. */
  static final Duration PENDING_FOR = Duration.ofHours(1);

  static final String SERVER_STOPPED =
      "The server stopped while this extract was analysed; the file was deleted and nothing was"
          + " stored: upload it again";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Jobs jobs;
  private final ExtractAnalyser analyser;
  private final ExtractFiles files;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  EquityAnalyses(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Jobs jobs,
      ExtractAnalyser analyser,
      ExtractFiles files,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.jobs = jobs;
    this.analyser = analyser;
    this.files = files;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** An extract about to be analysed. */
  record Extract(
      Path file,
      String fileName,
      UploadFormat format,
      LocalDate censusDate,
      Map<String, String> mapping,
      boolean synthetic) {}

  /**
   * Stores an analysis as queued and starts it; the file is deleted when it ends.
   *
   * @throws JobQueueFullException when the job runner is too busy (nothing is stored, and the file
   *     is deleted)
   */
  EquityAnalysis start(String icbCode, Extract extract) {
    String actor = audit.currentActor();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into equity_analysis (icb_code, census_date, file_name, file_format, status,"
                + " synthetic, created_by, created_at) values (?, ?, ?, ?, 'queued', ?, ?, ?)")
        .params(
            icbCode,
            Date.valueOf(extract.censusDate()),
            clip(extract.fileName(), 255),
            extract.format().name(),
            extract.synthetic(),
            actor,
            Timestamp.from(clock.instant()))
        .update(key, "id");
    long id = key.getKey().longValue();
    try {
      Jobs.Submitted submitted =
          jobs.submit(
              JOB_KIND,
              icbCode,
              Long.toString(id),
              context -> run(id, icbCode, extract, actor, context));
      jdbc.sql("update equity_analysis set job_id = ? where id = ? and job_id is null")
          .params(submitted.run().id(), id)
          .update();
    } catch (JobQueueFullException e) {
      ExtractFiles.delete(extract.file());
      jdbc.sql("delete from equity_analysis where id = ?").param(id).update();
      throw e;
    }
    audit.record(
        icbCode,
        "equity.started",
        describe(id, extract.censusDate()),
        null,
        extract.fileName() + " (" + extract.format().label() + ")");
    return find(icbCode, id).orElseThrow();
  }

  private void run(long id, String icbCode, Extract extract, String actor, JobContext context) {
    Path[] converted = {null};
    // The files go before the end is stored, so an analysis is never done with its file still here.
    Runnable deleteFiles =
        () -> {
          ExtractFiles.delete(converted[0]);
          ExtractFiles.delete(extract.file());
        };
    try {
      jdbc.sql("update equity_analysis set status = 'running' where id = ?").param(id).update();
      context.message("Reading the extract");
      Path file = extract.file();
      ExtractFiles.Converted workbook = null;
      if (extract.format() == UploadFormat.XLSX) {
        converted[0] = files.derived(".csv");
        workbook =
            ExtractFiles.toCsv(
                file,
                extract.fileName(),
                converted[0],
                extract.mapping().getOrDefault("clock_start", "clock_start"));
        file = converted[0];
        context.progress(workbook.rows(), workbook.rows());
      }
      if (extract.format() != UploadFormat.PARQUET) {
        ExtractFiles.checkColumns(
            ExtractFiles.header(file, UploadFormat.CSV, extract.fileName()), extract.mapping());
      }
      AnalysedExtract result;
      try {
        result =
            analyser.analyse(
                file,
                extract.format() == UploadFormat.PARQUET,
                extract.mapping(),
                extract.censusDate(),
                icbCode);
      } catch (ExtractRefusal refusal) {
        throw workbook == null ? refusal : inSheetRows(refusal, workbook);
      }
      context.stopIfCancelled();
      deleteFiles.run();
      store(id, icbCode, extract, result, actor);
      context.progress(result.rows(), result.rows());
      context.message("Analysed " + result.rows() + " pathways");
    } catch (ExtractRefusal refusal) {
      deleteFiles.run();
      refuse(id, icbCode, extract, refusal, actor);
      context.message("Not analysed: " + refusal.problemCount() + " problems in the extract");
    } catch (RuntimeException | Error e) {
      log.warn("Equity analysis {} of {} failed", id, icbCode, e);
      String message =
          "The analysis stopped and nothing was stored: "
              + (e instanceof OutOfMemoryError ? "the server ran out of memory" : e.getMessage());
      fail(id, message, icbCode, extract, actor);
      throw e;
    } catch (Exception e) {
      fail(
          id,
          "The analysis stopped and nothing was stored: " + e.getMessage(),
          icbCode,
          extract,
          actor);
      throw new IllegalStateException(e);
    } finally {
      deleteFiles.run();
      jdbc.sql(
              "update equity_analysis set file_deleted_at = ? where id = ? and file_deleted_at is null")
          .params(Timestamp.from(clock.instant()), id)
          .update();
    }
  }

  /** The engine's problems named by the sheet rows Excel shows rather than CSV lines. */
  private static ExtractRefusal inSheetRows(ExtractRefusal refusal, ExtractFiles.Converted sheet) {
    List<ExtractProblem> problems = new ArrayList<>();
    for (ExtractProblem p : refusal.problems()) {
      problems.add(new ExtractProblem(sheet.sheetRow(p.line()), p.column(), p.message()));
    }
    return new ExtractRefusal(problems, refusal.problemCount());
  }

  private void store(
      long id, String icbCode, Extract extract, AnalysedExtract result, String actor) {
    transactions.executeWithoutResult(
        status -> {
          for (Map.Entry<String, List<GroupRow>> table : result.tables().entrySet()) {
            int position = 0;
            for (GroupRow r : table.getValue()) {
              jdbc.sql(
                      "insert into equity_table_row (analysis_id, breakdown, position, group_label,"
                          + " second_group, waiting, median_days, p92_days, over18_weeks,"
                          + " over52_weeks, percent_over18_weeks, suppressed, rate_ratio,"
                          + " rate_ratio_lower, rate_ratio_upper, standardised_ratio,"
                          + " standardised_lower, standardised_upper) values (?, ?, ?, ?, ?, ?, ?,"
                          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .params(
                      id,
                      table.getKey(),
                      position++,
                      clip(r.group(), 100),
                      clip(r.secondGroup(), 100),
                      r.waiting(),
                      finite(r.medianDays()),
                      finite(r.p92Days()),
                      r.over18Weeks(),
                      r.over52Weeks(),
                      finite(r.percentOver18Weeks()),
                      r.suppressed(),
                      finite(r.rateRatio()),
                      finite(r.rateRatioLower()),
                      finite(r.rateRatioUpper()),
                      finite(r.standardisedRatio()),
                      finite(r.standardisedLower()),
                      finite(r.standardisedUpper()))
                  .update();
            }
          }
          for (AnalysedExtract.Measure m : result.measures()) {
            jdbc.sql(
                    "insert into equity_measure (analysis_id, name, measure_value, lower95, upper95)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                    id,
                    clip(m.name(), 60),
                    finite(m.value()),
                    finite(m.lower95()),
                    finite(m.upper95()))
                .update();
          }
          int position = 0;
          for (String sentence : result.findings()) {
            jdbc.sql(
                    "insert into equity_finding (analysis_id, position, sentence) values (?, ?, ?)")
                .params(id, position++, clip(sentence, 1000))
                .update();
          }
          jdbc.sql(
                  "update equity_analysis set status = 'done', engine = ?, rows_read = ?,"
                      + " message = null, finished_at = ?, file_deleted_at = ? where id = ?")
              .params(
                  clip(result.engine(), 60),
                  result.rows(),
                  Timestamp.from(clock.instant()),
                  Timestamp.from(clock.instant()),
                  id)
              .update();
          audit.recordAs(
              actor,
              icbCode,
              "equity.analysed",
              describe(id, extract.censusDate()),
              null,
              result.rows() + " pathways read by " + result.engine() + "; file deleted");
        });
  }

  private void refuse(
      long id, String icbCode, Extract extract, ExtractRefusal refusal, String actor) {
    transactions.executeWithoutResult(
        status -> {
          int position = 0;
          for (ExtractProblem p : refusal.problems()) {
            jdbc.sql(
                    "insert into equity_problem (analysis_id, position, line, column_name,"
                        + " message) values (?, ?, ?, ?, ?)")
                .params(
                    id,
                    position++,
                    p.line(),
                    clip(storable(p.column()), 100),
                    clip(storable(p.message()), 1000))
                .update();
          }
          long count = refusal.problemCount();
          jdbc.sql(
                  "update equity_analysis set status = 'failed', problem_count = ?, message = ?,"
                      + " finished_at = ?, file_deleted_at = ? where id = ?")
              .params(
                  count,
                  "The extract was not analysed: "
                      + count
                      + (count == 1 ? " problem" : " problems")
                      + " in the file"
                      + (count > refusal.problems().size()
                          ? " (the first " + refusal.problems().size() + " listed)"
                          : "")
                      + ". Nothing was stored and the file was deleted.",
                  Timestamp.from(clock.instant()),
                  Timestamp.from(clock.instant()),
                  id)
              .update();
          audit.recordAs(
              actor,
              icbCode,
              "equity.refused",
              describe(id, extract.censusDate()),
              null,
              count + (count == 1 ? " problem" : " problems") + "; file deleted");
        });
  }

  private void fail(long id, String message, String icbCode, Extract extract, String actor) {
    jdbc.sql(
            "update equity_analysis set status = 'failed', message = ?, finished_at = ?,"
                + " file_deleted_at = ? where id = ?")
        .params(
            clip(storable(message), 2000),
            Timestamp.from(clock.instant()),
            Timestamp.from(clock.instant()),
            id)
        .update();
    audit.recordAs(
        actor,
        icbCode,
        "equity.failed",
        describe(id, extract.censusDate()),
        null,
        clip(message, 500));
  }

  /** Ends, as failed, the analyses whose jobs a stopped process left unfinished. */
  @EventListener
  void failInterrupted(UnfinishedJobsFailed event) {
    for (var job : event.ofKind(JOB_KIND)) {
      jdbc.sql(
              "update equity_analysis set status = 'failed', message = ?, finished_at = ? where"
                  + " id = ? and status in ('queued', 'running')")
          .params(SERVER_STOPPED, Timestamp.from(clock.instant()), Long.parseLong(job.subject()))
          .update();
    }
  }

  /** An analysis of this workspace. */
  Optional<EquityAnalysis> find(String icbCode, long id) {
    return jdbc.sql("select * from equity_analysis where icb_code = ? and id = ?")
        .params(icbCode, id)
        .query((rs, n) -> analysis(rs))
        .optional();
  }

  /** The workspace's analyses, newest census date first. */
  List<EquityAnalysis> list(String icbCode) {
    return jdbc.sql(
            "select * from equity_analysis where icb_code = ? order by census_date desc, id desc")
        .param(icbCode)
        .query((rs, n) -> analysis(rs))
        .list();
  }

  /** The workspace's published analyses, newest census date first. */
  List<EquityAnalysis> published(String icbCode) {
    return list(icbCode).stream().filter(a -> a.published() && a.done()).toList();
  }

  /**
   * The analysis to compare with: the workspace's done analysis with the latest census date before
   * this one's (and only a published one when {@code publishedOnly}).
   */
  Optional<EquityAnalysis> previous(EquityAnalysis analysis, boolean publishedOnly) {
    return list(analysis.icbCode()).stream()
        .filter(EquityAnalysis::done)
        .filter(a -> !publishedOnly || a.published())
        .filter(a -> a.censusDate().isBefore(analysis.censusDate()))
        .findFirst();
  }

  List<ExtractProblem> problems(long id) {
    return jdbc.sql(
            "select line, column_name, message from equity_problem where analysis_id = ? order by"
                + " position")
        .param(id)
        .query(
            (rs, n) ->
                new ExtractProblem(
                    rs.getLong("line"), rs.getString("column_name"), rs.getString("message")))
        .list();
  }

  /** A table's rows in order; empty when the analysis has none of that breakdown. */
  List<GroupRow> table(long id, String breakdown) {
    return jdbc.sql(
            "select * from equity_table_row where analysis_id = ? and breakdown = ? order by"
                + " position")
        .params(id, breakdown)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Every table of an analysis by breakdown slug, in stored order. */
  Map<String, List<GroupRow>> tables(long id) {
    Map<String, List<GroupRow>> tables = new LinkedHashMap<>();
    jdbc.sql("select * from equity_table_row where analysis_id = ? order by breakdown, position")
        .param(id)
        .query(
            (ResultSet rs) -> {
              tables
                  .computeIfAbsent(rs.getString("breakdown"), k -> new ArrayList<>())
                  .add(row(rs));
            });
    return tables;
  }

  List<AnalysedExtract.Measure> measures(long id) {
    return jdbc.sql(
            "select name, measure_value, lower95, upper95 from equity_measure where analysis_id = ?"
                + " order by name")
        .param(id)
        .query(
            (rs, n) ->
                new AnalysedExtract.Measure(
                    rs.getString("name"),
                    doubleOrNull(rs, "measure_value"),
                    doubleOrNull(rs, "lower95"),
                    doubleOrNull(rs, "upper95")))
        .list();
  }

  List<String> findings(long id) {
    return jdbc.sql("select sentence from equity_finding where analysis_id = ? order by position")
        .param(id)
        .query(String.class)
        .list();
  }

  /** Publishes or withdraws a done analysis; false if the workspace has no such analysis. */
  boolean publish(String icbCode, long id, boolean published) {
    Optional<EquityAnalysis> analysis = find(icbCode, id);
    if (analysis.isEmpty()) {
      return false;
    }
    if (published && !analysis.get().done()) {
      throw new org.fourthpurpose.web.ConflictException(
          "analysis-not-done",
          "Analysis not done",
          "id",
          Long.toString(id),
          "Only an analysed extract can be published; this one is " + analysis.get().status());
    }
    if (analysis.get().published() == published) {
      return true;
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("update equity_analysis set published = ? where id = ?")
              .params(published, id)
              .update();
          audit.record(
              icbCode,
              published ? "equity.published" : "equity.withdrawn",
              describe(id, analysis.get().censusDate()),
              published ? "workspace only" : "published",
              published ? "published" : "workspace only");
        });
    events.publishEvent(
        new PublicPagesChanged(describe(id, analysis.get().censusDate()) + " of " + icbCode));
    return true;
  }

  /** Deletes a finished analysis and its tables; false if the workspace has no such analysis. */
  boolean delete(String icbCode, long id) {
    Optional<EquityAnalysis> analysis = find(icbCode, id);
    if (analysis.isEmpty()) {
      return false;
    }
    if (!analysis.get().finished()) {
      throw new org.fourthpurpose.web.ConflictException(
          "analysis-running",
          "Analysis running",
          "id",
          Long.toString(id),
          "The analysis is " + analysis.get().status() + ": delete it when it has ended");
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("delete from equity_analysis where id = ?").param(id).update();
          audit.record(
              icbCode,
              "equity.deleted",
              describe(id, analysis.get().censusDate()),
              analysis.get().fileName(),
              null);
        });
    if (analysis.get().published()) {
      events.publishEvent(new PublicPagesChanged(describe(id, analysis.get().censusDate())));
    }
    return true;
  }

  // Column mapping and extracts waiting for it.

  /** The workspace's remembered mapping: the analysis's column name to the file's header. */
  Map<String, String> rememberedMapping(String icbCode) {
    Map<String, String> mapping = new LinkedHashMap<>();
    jdbc.sql("select column_name, file_header from equity_column_mapping where icb_code = ?")
        .param(icbCode)
        .query(
            (ResultSet rs) -> {
              mapping.put(rs.getString(1), rs.getString(2));
            });
    return mapping;
  }

  void remember(String icbCode, Map<String, String> mapping) {
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("delete from equity_column_mapping where icb_code = ?").param(icbCode).update();
          mapping.forEach(
              (column, header) ->
                  jdbc.sql(
                          "insert into equity_column_mapping (icb_code, column_name, file_header)"
                              + " values (?, ?, ?)")
                      .params(icbCode, column, clip(header, 200))
                      .update());
        });
  }

  /** An extract waiting for its column mapping. */
  public record Pending(
      String id,
      String icbCode,
      LocalDate censusDate,
      String fileName,
      UploadFormat format,
      List<String> headers,
      Instant createdAt) {

    Path file(Path directory) {
      return directory.resolve("extract-pending-" + id + ".upload");
    }
  }

  Pending hold(
      String icbCode,
      LocalDate censusDate,
      String fileName,
      UploadFormat format,
      List<String> headers) {
    String id = UUID.randomUUID().toString();
    String joined = String.join("\u001f", headers);
    jdbc.sql(
            "insert into equity_upload (id, icb_code, census_date, file_name, file_format,"
                + " headers, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            icbCode,
            Date.valueOf(censusDate),
            clip(fileName, 255),
            format.name(),
            clip(joined, 8000),
            audit.currentActor(),
            Timestamp.from(clock.instant()))
        .update();
    return pending(icbCode, id).orElseThrow();
  }

  Optional<Pending> pending(String icbCode, String id) {
    return jdbc.sql("select * from equity_upload where icb_code = ? and id = ?")
        .params(icbCode, id)
        .query(
            (rs, n) ->
                new Pending(
                    rs.getString("id"),
                    rs.getString("icb_code"),
                    rs.getDate("census_date").toLocalDate(),
                    rs.getString("file_name"),
                    UploadFormat.valueOf(rs.getString("file_format")),
                    List.of(rs.getString("headers").split("\u001f", -1)),
                    rs.getTimestamp("created_at").toInstant()))
        .optional()
        .filter(p -> p.createdAt().isAfter(clock.instant().minus(PENDING_FOR)));
  }

  /** Forgets an extract waiting for its mapping (its file is the caller's to move or delete). */
  void release(String id) {
    jdbc.sql("delete from equity_upload where id = ?").param(id).update();
  }

  /** Deletes the extracts that waited too long for their mapping, and their files. */
  @EventListener(ApplicationStartedEvent.class)
  void dropStalePending() {
    Instant before = clock.instant().minus(PENDING_FOR);
    List<String> stale =
        jdbc.sql("select id from equity_upload where created_at < ?")
            .param(Timestamp.from(before))
            .query(String.class)
            .list();
    for (String id : stale) {
      try {
        ExtractFiles.delete(files.directory().resolve("extract-pending-" + id + ".upload"));
      } catch (java.io.IOException e) {
        log.warn("Could not reach the extract directory", e);
      }
      release(id);
    }
  }

  private static String describe(long id, LocalDate censusDate) {
    return "waiting-list analysis " + id + " at " + censusDate;
  }

  private static GroupRow row(ResultSet rs) throws SQLException {
    return new GroupRow(
        rs.getString("group_label"),
        rs.getString("second_group"),
        longOrNull(rs, "waiting"),
        doubleOrNull(rs, "median_days"),
        doubleOrNull(rs, "p92_days"),
        longOrNull(rs, "over18_weeks"),
        longOrNull(rs, "over52_weeks"),
        doubleOrNull(rs, "percent_over18_weeks"),
        rs.getBoolean("suppressed"),
        doubleOrNull(rs, "rate_ratio"),
        doubleOrNull(rs, "rate_ratio_lower"),
        doubleOrNull(rs, "rate_ratio_upper"),
        doubleOrNull(rs, "standardised_ratio"),
        doubleOrNull(rs, "standardised_lower"),
        doubleOrNull(rs, "standardised_upper"));
  }

  private static EquityAnalysis analysis(ResultSet rs) throws SQLException {
    return new EquityAnalysis(
        rs.getLong("id"),
        rs.getString("icb_code"),
        rs.getDate("census_date").toLocalDate(),
        rs.getString("file_name"),
        UploadFormat.valueOf(rs.getString("file_format")),
        rs.getString("status"),
        rs.getString("message"),
        rs.getLong("problem_count"),
        longOrNull(rs, "job_id"),
        rs.getString("engine"),
        longOrNull(rs, "rows_read"),
        rs.getBoolean("synthetic"),
        rs.getBoolean("published"),
        instant(rs.getTimestamp("file_deleted_at")),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Double finite(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v;
  }

  private static String storable(String text) {
    return text == null ? null : text.replace('\u0000', '\uFFFD');
  }

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
