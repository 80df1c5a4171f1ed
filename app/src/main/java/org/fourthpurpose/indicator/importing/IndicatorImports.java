package org.fourthpurpose.indicator.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.job.JobCancelledException;
import org.fourthpurpose.job.JobContext;
import org.fourthpurpose.job.JobQueueFullException;
import org.fourthpurpose.job.Jobs;
import org.fourthpurpose.job.UnfinishedJobsFailed;
import org.fourthpurpose.web.PublicPagesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an ICS's own indicator values from a file, all or nothing.
 *
 * <p>The file is read once, as a stream, on a thread of its own ({@link CheckedBatches}): every row
 * is checked and every problem recorded, and while no row has had a problem the rows that passed
 * are written in batches inside one transaction. If the whole file passed, the same transaction
 * deletes the workspace's earlier values for the indicators, areas and periods the file has and
 * marks the import accepted; otherwise it is rolled back, so a rejected or failed file changes
 * nothing. Imports into one workspace take turns. A file whose SHA-256 matches an import already
 * accepted in the workspace is not imported again.
 *
 * <p>Values are keyed by import (see {@link #firstValueId}), so storing them appends to a table
 * with no other index; that is what makes a large import fast.
 *
 * <p>Every import runs as a job ({@link Jobs}, kind {@value #JOB_KIND}, subject the import's id),
 * in the background from the page and waited for by the API, so imports share the job runner's
 * bound on concurrent work and a full queue is refused with {@link JobQueueFullException}. An
 * import whose process stopped while it ran ends {@code FAILED} at the next start ({@link
 * #failInterrupted}).
 *
 * <p>SQL goes through {@link JdbcClient}, except the two batched statements (inserting values and
 * deleting replaced ones by id), which use {@link JdbcTemplate#batchUpdate} because {@code
 * JdbcClient} has no batches and one round trip per row would make a million-row import many times
 * slower.
 */
@Service
public class IndicatorImports {

  private static final Logger log = LoggerFactory.getLogger(IndicatorImports.class);
  static final int BATCH = 5_000;

  /** The kind of the jobs that run imports. */
  static final String JOB_KIND = "indicator-import";

  static final String SERVER_STOPPED =
      "The server stopped while this import ran, and nothing was stored; import the file again";

  private static final String INSERT =
      "insert into imported_value (id, workspace_icb_code, indicator_id, area_code, period,"
          + " period_start, observation, numerator, denominator, lower_ci, upper_ci, import_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient sql;
  private final JdbcTemplate batches;
  private final TransactionTemplate transaction;
  private final IndicatorCatalogue catalogue;
  private final Geography geography;
  private final Clock clock;
  private final Jobs jobs;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Map<Long, Progress> running = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> workspaceLocks = new ConcurrentHashMap<>();

  IndicatorImports(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      IndicatorCatalogue catalogue,
      Geography geography,
      Clock clock,
      Jobs jobs,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.sql = JdbcClient.create(jdbc);
    this.batches = jdbc;
    this.transaction = transaction;
    this.catalogue = catalogue;
    this.geography = geography;
    this.clock = clock;
    this.jobs = jobs;
    this.audit = audit;
    this.events = events;
  }

  /** Live counts of an import in progress. */
  static final class Progress {
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rowsStored = new AtomicLong();
    volatile String status = "VALIDATING";
  }

  /**
   * Imports a file now, waiting for the import's job to end. The file is not deleted.
   *
   * @throws JobQueueFullException when the job runner is too busy to take it (nothing is recorded)
   * @param file where the uploaded bytes are
   * @param fileName the name the person gave the file (for the format and the record)
   */
  public ImportOutcome importNow(
      String workspaceIcbCode, Path file, String fileName, String startedBy) {
    return importNow(workspaceIcbCode, file, fileName, startedBy, null);
  }

  /**
   * Imports a file now in the layout the person chose, or the one detected when {@code format} is
   * null.
   */
  public ImportOutcome importNow(
      String workspaceIcbCode, Path file, String fileName, String startedBy, ImportFormat format) {
    Start start = start(workspaceIcbCode, file, fileName, startedBy, format);
    if (start.existing != null) {
      return new ImportOutcome(start.existing, true);
    }
    submit(start, workspaceIcbCode, file, fileName, null).await();
    return new ImportOutcome(find(workspaceIcbCode, start.id).orElseThrow(), false);
  }

  /**
   * Starts importing a file in the background and returns at once; {@link #find} shows progress.
   * The file is deleted when the import ends.
   */
  public ImportOutcome importInBackground(
      String workspaceIcbCode, Path file, String fileName, String startedBy) {
    return importInBackground(workspaceIcbCode, file, fileName, startedBy, null);
  }

  /**
   * Starts importing a file in the background in the layout the person chose, or the one detected
   * when {@code format} is null.
   */
  public ImportOutcome importInBackground(
      String workspaceIcbCode, Path file, String fileName, String startedBy, ImportFormat format) {
    Start start = start(workspaceIcbCode, file, fileName, startedBy, format);
    if (start.existing != null) {
      deleteQuietly(file);
      return new ImportOutcome(start.existing, true);
    }
    running.put(start.id, new Progress());
    try {
      submit(start, workspaceIcbCode, file, fileName, file);
    } catch (JobQueueFullException e) {
      deleteQuietly(file);
      throw e;
    }
    return new ImportOutcome(find(workspaceIcbCode, start.id).orElseThrow(), false);
  }

  /**
   * Hands an import to the job runner; {@code deleteAfter}, if not null, is deleted when it ends. A
   * refused import is forgotten, as if it had not been asked for.
   */
  private Jobs.Submitted submit(
      Start start, String workspace, Path file, String fileName, Path deleteAfter) {
    try {
      return jobs.submit(
          JOB_KIND,
          workspace,
          Long.toString(start.id),
          context -> {
            try {
              run(start.id, workspace, file, fileName, start.format, start.actor, context);
            } finally {
              if (deleteAfter != null) {
                deleteQuietly(deleteAfter);
              }
            }
          });
    } catch (JobQueueFullException e) {
      running.remove(start.id);
      sql.sql("delete from indicator_import where id = ?").param(start.id).update();
      throw e;
    }
  }

  /**
   * Ends, as {@code FAILED}, the imports whose jobs a stopped process left unfinished: their
   * storing transaction died with the process, so nothing of them was stored.
   */
  @EventListener
  void failInterrupted(UnfinishedJobsFailed event) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    for (var job : event.ofKind(JOB_KIND)) {
      int updated =
          sql.sql(
                  "update indicator_import set status = 'FAILED', message = ?, finished_at = ?"
                      + " where id = ? and finished_at is null")
              .params(SERVER_STOPPED, now, Long.parseLong(job.subject()))
              .update();
      if (updated > 0) {
        log.warn("Import {} was running when the server stopped: marked failed", job.subject());
        recordEnd(Long.parseLong(job.subject()), AuditLog.SYSTEM, "import.failed", SERVER_STOPPED);
      }
    }
  }

  /** An import of this workspace, with live counts while it runs. */
  public Optional<ImportRecord> find(String workspaceIcbCode, long id) {
    return sql.sql("select * from indicator_import where id = ? and workspace_icb_code = ?")
        .params(id, workspaceIcbCode)
        .query((rs, n) -> record(rs))
        .optional()
        .map(this::withLiveCounts);
  }

  /** The workspace's imports, newest first. */
  public List<ImportRecord> recent(String workspaceIcbCode, int limit) {
    return sql
        .sql(
            "select * from indicator_import where workspace_icb_code = ? order by id desc"
                + " fetch first "
                + Math.max(1, limit)
                + " rows only")
        .param(workspaceIcbCode)
        .query((rs, n) -> record(rs))
        // list(), not stream(): a stream keeps its connection until closed, and this one never was.
        .list()
        .stream()
        .map(this::withLiveCounts)
        .toList();
  }

  /** The problems recorded for a rejected import, in file order (at most 1,000). */
  public List<ImportProblem> problems(long importId) {
    return sql.sql(
            "select line, column_name, message from indicator_import_error where import_id = ?"
                + " order by position")
        .param(importId)
        .query(
            (rs, n) ->
                new ImportProblem(
                    rs.getLong("line"), rs.getString("column_name"), rs.getString("message")))
        .list();
  }

  /**
   * An import about to run; {@code actor} is who asked, for the audit log, as the job has no
   * request.
   */
  private record Start(long id, ImportFormat format, ImportRecord existing, String actor) {}

  private Start start(
      String workspace, Path file, String fileName, String startedBy, ImportFormat requested) {
    String checksum = sha256(file);
    List<ImportRecord> same =
        sql.sql(
                "select * from indicator_import where workspace_icb_code = ? and checksum = ? and"
                    + " status = 'ACCEPTED' order by id desc")
            .params(workspace, checksum)
            .query((rs, n) -> record(rs))
            .list();
    if (!same.isEmpty()) {
      return new Start(same.get(0).id(), same.get(0).format(), same.get(0), null);
    }
    ImportFormat format =
        requested != null ? requested : ImportFormat.detect(fileName, firstLine(file, fileName));
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(Instant.now(clock));
    sql.sql(
            "insert into indicator_import (workspace_icb_code, file_name, format, checksum,"
                + " status, started_by, started_at) values (?, ?, ?, ?, 'VALIDATING', ?, ?)")
        .params(workspace, truncate(fileName, 300), format.name(), checksum, startedBy, now)
        .update(key, "id");
    return new Start(key.getKey().longValue(), format, null, audit.currentActor());
  }

  private void run(
      long id,
      String workspace,
      Path file,
      String fileName,
      ImportFormat format,
      String actor,
      JobContext context) {
    Progress progress = running.computeIfAbsent(id, k -> new Progress());
    long started = System.nanoTime();
    ReentrantLock lock = workspaceLocks.computeIfAbsent(workspace, k -> new ReentrantLock());
    lock.lock();
    try {
      Map<String, Indicator> indicators = catalogue.indicatorsFor(workspace);
      ImportAreas areas = new ImportAreas(geography);
      claim(workspace);
      RowSource source = open(format, file, fileName, indicators);
      RowChecker checker = new RowChecker(indicators, areas, source);
      try (CheckedBatches batches =
          CheckedBatches.start(
              source, checker, BATCH, progress.rowsRead, "indicator-import-" + id)) {
        try {
          transaction.executeWithoutResult(
              status -> store(id, workspace, batches, progress, started, actor, context));
          context.message("Imported: " + progress.rowsStored.get() + " rows stored");
          if (checker.indicatorsSeen().stream()
              .anyMatch(i -> indicators.containsKey(i) && !indicators.get(i).isPublic())) {
            // The system's profile shows its local indicators: a published one may have changed.
            events.publishEvent(
                new PublicPagesChanged("import " + id + " into " + workspace + " accepted"));
          }
        } catch (Rejected e) {
          CheckedBatches.Result result = batches.finish();
          if (result.rows() == 0 && checker.problemCount() == 0) {
            checker.fileProblem(new ImportProblem(0, null, "the file has no rows of data"));
          }
          if (checker.problemCount() == 0) {
            throw new IllegalStateException("a row was left out without a problem", e);
          }
          reject(id, result.rows(), checker.problems(), checker.problemCount(), actor);
          context.message("Not imported: " + checker.problemCount() + " problems in the file");
        }
      }
    } catch (ImportFileException e) {
      reject(id, progress.rowsRead.get(), List.of(e.problem()), 1, actor);
      context.message("Not imported: " + e.problem().message());
    } catch (JobCancelledException e) {
      fail(id, "The import was cancelled and nothing was stored", actor);
      throw e;
    } catch (RuntimeException | Error e) {
      // Errors too (running out of memory, say): the import must not stay VALIDATING.
      log.warn("Import {} into {} failed", id, workspace, e);
      String message = "The import stopped and nothing was stored: " + e.getMessage();
      fail(id, message, actor);
      if (e instanceof Error error) {
        throw error;
      }
      throw new ImportFailed(message, e);
    } finally {
      lock.unlock();
      running.remove(id);
    }
  }

  private void fail(long id, String message, String actor) {
    sql.sql(
            "update indicator_import set status = 'FAILED', message = ?, finished_at = ? where id = ?")
        .params(storable(truncate(message, 2000)), Timestamp.from(Instant.now(clock)), id)
        .update();
    recordEnd(id, actor, "import.failed", message);
  }

  /** Records in the audit log how an import ended, as the person who started it. */
  private void recordEnd(long id, String actor, String action, String outcome) {
    ImportRecord record =
        sql.sql("select * from indicator_import where id = ?")
            .param(id)
            .query((rs, n) -> record(rs))
            .single();
    audit.recordAs(
        actor == null ? AuditLog.SYSTEM : actor,
        record.workspaceIcbCode(),
        action,
        "import " + id + " of '" + record.fileName() + "' (" + record.format().label() + ")",
        null,
        outcome);
  }

  /** Ends an import's job as failed with the message stored on the import. */
  private static final class ImportFailed extends RuntimeException {
    ImportFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Thrown out of the storing transaction, to roll it back, when a row has a problem. */
  private static final class Rejected extends RuntimeException {
    Rejected() {
      super("the file has problems", null, false, false);
    }
  }

  /**
   * Stores the rows as they pass their checks, then replaces the workspace's earlier values for the
   * same keys and marks the import accepted, all in the caller's transaction; throws {@link
   * Rejected} (rolling it back) as soon as a row has a problem.
   */
  private void store(
      long id,
      String workspace,
      CheckedBatches batches,
      Progress progress,
      long started,
      String actor,
      JobContext context) {
    // Imports into one workspace take turns, so each sees the values of the one before.
    sql.sql(
            "select workspace_icb_code from imported_workspace where workspace_icb_code = ?"
                + " for update")
        .param(workspace)
        .query(String.class)
        .list();
    long stored = 0;
    List<CheckedRow> batch;
    while ((batch = batches.next()) != null) {
      context.stopIfCancelled();
      insert(id, workspace, stored, batch);
      stored += batch.size();
      progress.rowsStored.set(stored);
      context.progress(stored, null);
    }
    if (batches.stoppedEarly()) {
      throw new Rejected();
    }
    CheckedBatches.Result result = batches.finish();
    if (result.rows() == 0 || result.checker().problemCount() > 0) {
      throw new Rejected();
    }
    log.info(
        "Import {} into {}: {} rows checked and stored in {} ms",
        id,
        workspace,
        result.rows(),
        (System.nanoTime() - started) / 1_000_000);
    progress.status = "STORING";
    context.message("Replacing earlier values");
    long replaced = replaceEarlierValues(id, workspace, result.checker());
    sql.sql(
            "update indicator_import set status = 'ACCEPTED', rows_read = ?, rows_stored = ?,"
                + " message = ?, finished_at = ? where id = ?")
        .params(
            result.rows(), stored, result.skippedReason(), Timestamp.from(Instant.now(clock)), id)
        .update();
    recordEnd(
        id,
        actor,
        "import.accepted",
        stored
            + (stored == 1 ? " row" : " rows")
            + " stored, "
            + replaced
            + (replaced == 1 ? " earlier value" : " earlier values")
            + " replaced");
    log.info(
        "Import {} into {}: accepted, replacing {} earlier values, in {} ms",
        id,
        workspace,
        replaced,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The first id of an import's values: the values of an import are a range of the key. */
  static long firstValueId(long importId) {
    return importId << 32;
  }

  /** Adds the workspace's lock row if it has none yet. */
  private void claim(String workspace) {
    try {
      sql.sql(
              "insert into imported_workspace (workspace_icb_code) select ? where not exists"
                  + " (select 1 from imported_workspace where workspace_icb_code = ?)")
          .params(workspace, workspace)
          .update();
    } catch (DuplicateKeyException e) {
      // Another import added it at the same moment.
    }
  }

  private void insert(long id, String workspace, long first, List<CheckedRow> rows) {
    long firstId = firstValueId(id) + first;
    batches.batchUpdate(
        INSERT,
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            CheckedRow r = rows.get(i);
            ps.setLong(1, firstId + i);
            ps.setString(2, workspace);
            ps.setString(3, r.indicatorId());
            ps.setString(4, r.areaCode());
            ps.setString(5, r.period().label());
            ps.setDate(6, Date.valueOf(r.period().start()));
            ps.setDouble(7, r.value());
            setDouble(ps, 8, r.numerator());
            setDouble(ps, 9, r.denominator());
            setDouble(ps, 10, r.lowerCi());
            setDouble(ps, 11, r.upperCi());
            ps.setLong(12, id);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  /**
   * Deletes the values of the workspace's earlier imports whose indicator, area and period the new
   * import has, and returns how many. Each earlier import's values are read a page at a time in key
   * order, so that no database holds a large result; a page whose every value is replaced is
   * deleted as one range.
   */
  private long replaceEarlierValues(long id, String workspace, RowChecker newKeys) {
    List<Long> earlier =
        sql.sql(
                "select id from indicator_import where workspace_icb_code = ? and"
                    + " status = 'ACCEPTED' and id <> ? order by id")
            .params(workspace, id)
            .query(Long.class)
            .list();
    long replaced = 0;
    for (long earlierId : earlier) {
      long after = firstValueId(earlierId) - 1;
      long to = firstValueId(earlierId + 1);
      while (true) {
        long[] ids = new long[BATCH];
        boolean[] doomed = new boolean[BATCH];
        int[] read = {0};
        sql.sql(
                "select id, indicator_id, area_code, period from imported_value where id > ?"
                    + " and id < ? order by id fetch first "
                    + BATCH
                    + " rows only")
            .params(after, to)
            .query(
                (ResultSet rs) -> {
                  ids[read[0]] = rs.getLong(1);
                  doomed[read[0]] =
                      newKeys.sawKey(rs.getString(2), rs.getString(3), rs.getString(4));
                  read[0]++;
                });
        int n = read[0];
        if (n == 0) {
          break;
        }
        LongList page = new LongList();
        for (int i = 0; i < n; i++) {
          if (doomed[i]) {
            page.add(ids[i]);
          }
        }
        if (page.size() == n) {
          sql.sql("delete from imported_value where id >= ? and id <= ?")
              .params(ids[0], ids[n - 1])
              .update();
        } else if (page.size() > 0) {
          batches.batchUpdate(
              "delete from imported_value where id = ?",
              new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                  ps.setLong(1, page.get(i));
                }

                @Override
                public int getBatchSize() {
                  return page.size();
                }
              });
        }
        replaced += page.size();
        after = ids[n - 1];
        if (n < BATCH) {
          break;
        }
      }
    }
    return replaced;
  }

  /** A growing array of longs, for the ids of many values without boxing them. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long get(int index) {
      return values[index];
    }

    int size() {
      return size;
    }
  }

  private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  private void reject(long id, long rows, List<ImportProblem> problems, long count, String actor) {
    List<Object[]> errorRows = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      ImportProblem p = problems.get(i);
      errorRows.add(new Object[] {id, i, p.line(), storable(p.column()), storable(p.message())});
    }
    transaction.executeWithoutResult(
        status -> {
          // At most 1,000 problems: one batch.
          batches.batchUpdate(
              "insert into indicator_import_error (import_id, position, line, column_name, message)"
                  + " values (?, ?, ?, ?, ?)",
              errorRows);
          sql.sql(
                  "update indicator_import set status = 'REJECTED', rows_read = ?,"
                      + " error_count = ?, message = ?, finished_at = ? where id = ?")
              .params(
                  rows,
                  count,
                  count > problems.size()
                      ? "Showing the first " + problems.size() + " of " + count + " problems"
                      : null,
                  Timestamp.from(Instant.now(clock)),
                  id)
              .update();
          ImportProblem first = problems.get(0);
          recordEnd(
              id,
              actor,
              "import.rejected",
              count
                  + (count == 1 ? " problem" : " problems")
                  + "; the first: "
                  + (first.line() > 0 ? "line " + first.line() + ": " : "")
                  + first.message());
        });
  }

  private RowSource open(
      ImportFormat format, Path file, String fileName, Map<String, Indicator> indicators) {
    try {
      InputStream in = format == ImportFormat.XLSX ? null : Files.newInputStream(file);
      return switch (format) {
        case TIDY_CSV -> new CsvRowSource(in, fileName);
        case FINGERTIPS_CSV -> new FingertipsRowSource(in, fileName, fingertipsIds(indicators));
        case XLSX -> new XlsxRowSource(file, fileName);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Integer, String> fingertipsIds(Map<String, Indicator> indicators) {
    Map<Integer, String> ids = new java.util.HashMap<>();
    indicators.values().stream()
        .filter(i -> i.fingertipsId() != null)
        .forEach(i -> ids.putIfAbsent(i.fingertipsId(), i.id()));
    return ids;
  }

  private ImportRecord withLiveCounts(ImportRecord r) {
    Progress p = running.get(r.id());
    if (p == null || r.finished()) {
      return r;
    }
    return new ImportRecord(
        r.id(),
        r.workspaceIcbCode(),
        r.fileName(),
        r.format(),
        r.checksum(),
        p.status,
        Math.max(r.rowsRead(), p.rowsRead.get()),
        p.rowsStored.get(),
        r.errorCount(),
        r.message(),
        r.startedAt(),
        r.finishedAt());
  }

  private static ImportRecord record(java.sql.ResultSet rs) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new ImportRecord(
        rs.getLong("id"),
        rs.getString("workspace_icb_code"),
        rs.getString("file_name"),
        ImportFormat.valueOf(rs.getString("format")),
        rs.getString("checksum"),
        rs.getString("status"),
        rs.getLong("rows_read"),
        rs.getLong("rows_stored"),
        rs.getLong("error_count"),
        rs.getString("message"),
        rs.getTimestamp("started_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
        digesting.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(Path file, String fileName) {
    if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      String text = new String(head, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      int end = text.indexOf('\n');
      return end < 0 ? text : text.substring(0, end);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text with NUL characters shown as U+FFFD: a problem may quote a file's bytes, and
   * PostgreSQL cannot store a NUL, so the rejection itself would fail.
   */
  private static String storable(String text) {
    return text == null ? null : text.replace('\u0000', '\uFFFD');
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the uploaded file {}", file, e);
    }
  }
}
