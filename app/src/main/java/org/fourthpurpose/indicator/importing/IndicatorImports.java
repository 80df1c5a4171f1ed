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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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
 */
@Service
public class IndicatorImports {

  private static final Logger log = LoggerFactory.getLogger(IndicatorImports.class);
  static final int BATCH = 5_000;

  private static final String INSERT =
      "insert into imported_value (id, workspace_icb_code, indicator_id, area_code, period,"
          + " period_start, observation, numerator, denominator, lower_ci, upper_ci, import_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final IndicatorCatalogue catalogue;
  private final Geography geography;
  private final Clock clock;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "indicator-import");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<Long, Progress> running = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> workspaceLocks = new ConcurrentHashMap<>();

  IndicatorImports(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      IndicatorCatalogue catalogue,
      Geography geography,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.catalogue = catalogue;
    this.geography = geography;
    this.clock = clock;
  }

  /** Live counts of an import in progress. */
  static final class Progress {
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rowsStored = new AtomicLong();
    volatile String status = "VALIDATING";
  }

  /**
   * Imports a file now, on the calling thread. The file is not deleted.
   *
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
    run(start.id, workspaceIcbCode, file, fileName, start.format);
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
    background.submit(
        () -> {
          try {
            run(start.id, workspaceIcbCode, file, fileName, start.format);
          } finally {
            deleteQuietly(file);
          }
        });
    return new ImportOutcome(find(workspaceIcbCode, start.id).orElseThrow(), false);
  }

  /** An import of this workspace, with live counts while it runs. */
  public Optional<ImportRecord> find(String workspaceIcbCode, long id) {
    List<ImportRecord> found =
        jdbc.query(
            "select * from indicator_import where id = ? and workspace_icb_code = ?",
            (rs, n) -> record(rs),
            id,
            workspaceIcbCode);
    return found.stream().findFirst().map(this::withLiveCounts);
  }

  /** The workspace's imports, newest first. */
  public List<ImportRecord> recent(String workspaceIcbCode, int limit) {
    return jdbc
        .query(
            "select * from indicator_import where workspace_icb_code = ? order by id desc"
                + " fetch first "
                + Math.max(1, limit)
                + " rows only",
            (rs, n) -> record(rs),
            workspaceIcbCode)
        .stream()
        .map(this::withLiveCounts)
        .toList();
  }

  /** The problems recorded for a rejected import, in file order (at most 1,000). */
  public List<ImportProblem> problems(long importId) {
    return jdbc.query(
        "select line, column_name, message from indicator_import_error where import_id = ?"
            + " order by position",
        (rs, n) ->
            new ImportProblem(
                rs.getLong("line"), rs.getString("column_name"), rs.getString("message")),
        importId);
  }

  private record Start(long id, ImportFormat format, ImportRecord existing) {}

  private Start start(
      String workspace, Path file, String fileName, String startedBy, ImportFormat requested) {
    String checksum = sha256(file);
    List<ImportRecord> same =
        jdbc.query(
            "select * from indicator_import where workspace_icb_code = ? and checksum = ? and"
                + " status = 'ACCEPTED' order by id desc",
            (rs, n) -> record(rs),
            workspace,
            checksum);
    if (!same.isEmpty()) {
      return new Start(same.get(0).id(), same.get(0).format(), same.get(0));
    }
    ImportFormat format =
        requested != null ? requested : ImportFormat.detect(fileName, firstLine(file, fileName));
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.update(
        connection -> {
          PreparedStatement ps =
              connection.prepareStatement(
                  "insert into indicator_import (workspace_icb_code, file_name, format, checksum,"
                      + " status, started_by, started_at) values (?, ?, ?, ?, 'VALIDATING', ?, ?)",
                  new String[] {"id"});
          ps.setString(1, workspace);
          ps.setString(2, truncate(fileName, 300));
          ps.setString(3, format.name());
          ps.setString(4, checksum);
          ps.setString(5, startedBy);
          ps.setTimestamp(6, now);
          return ps;
        },
        key);
    return new Start(key.getKey().longValue(), format, null);
  }

  private void run(long id, String workspace, Path file, String fileName, ImportFormat format) {
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
              status -> store(id, workspace, batches, progress, started));
        } catch (Rejected e) {
          CheckedBatches.Result result = batches.finish();
          if (result.rows() == 0 && checker.problemCount() == 0) {
            checker.fileProblem(new ImportProblem(0, null, "the file has no rows of data"));
          }
          if (checker.problemCount() == 0) {
            throw new IllegalStateException("a row was left out without a problem", e);
          }
          reject(id, result.rows(), checker.problems(), checker.problemCount());
        }
      }
    } catch (ImportFileException e) {
      reject(id, progress.rowsRead.get(), List.of(e.problem()), 1);
    } catch (RuntimeException e) {
      log.warn("Import {} into {} failed", id, workspace, e);
      jdbc.update(
          "update indicator_import set status = 'FAILED', message = ?, finished_at = ? where id = ?",
          truncate("The import stopped and nothing was stored: " + e.getMessage(), 2000),
          Timestamp.from(Instant.now(clock)),
          id);
    } finally {
      lock.unlock();
      running.remove(id);
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
      long id, String workspace, CheckedBatches batches, Progress progress, long started) {
    // Imports into one workspace take turns, so each sees the values of the one before.
    jdbc.queryForList(
        "select workspace_icb_code from imported_workspace where workspace_icb_code = ? for update",
        String.class,
        workspace);
    long stored = 0;
    List<CheckedRow> batch;
    while ((batch = batches.next()) != null) {
      insert(id, workspace, stored, batch);
      stored += batch.size();
      progress.rowsStored.set(stored);
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
    long replaced = replaceEarlierValues(id, workspace, result.checker());
    jdbc.update(
        "update indicator_import set status = 'ACCEPTED', rows_read = ?, rows_stored = ?,"
            + " message = ?, finished_at = ? where id = ?",
        result.rows(),
        stored,
        result.skippedReason(),
        Timestamp.from(Instant.now(clock)),
        id);
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
      jdbc.update(
          "insert into imported_workspace (workspace_icb_code) select ? where not exists"
              + " (select 1 from imported_workspace where workspace_icb_code = ?)",
          workspace,
          workspace);
    } catch (DuplicateKeyException e) {
      // Another import added it at the same moment.
    }
  }

  private void insert(long id, String workspace, long first, List<CheckedRow> rows) {
    long firstId = firstValueId(id) + first;
    jdbc.batchUpdate(
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
        jdbc.queryForList(
            "select id from indicator_import where workspace_icb_code = ? and status = 'ACCEPTED'"
                + " and id <> ? order by id",
            Long.class,
            workspace,
            id);
    long replaced = 0;
    for (long earlierId : earlier) {
      long after = firstValueId(earlierId) - 1;
      long to = firstValueId(earlierId + 1);
      while (true) {
        long[] ids = new long[BATCH];
        boolean[] doomed = new boolean[BATCH];
        int[] read = {0};
        jdbc.query(
            "select id, indicator_id, area_code, period from imported_value where id > ? and id < ?"
                + " order by id fetch first "
                + BATCH
                + " rows only",
            rs -> {
              ids[read[0]] = rs.getLong(1);
              doomed[read[0]] = newKeys.sawKey(rs.getString(2), rs.getString(3), rs.getString(4));
              read[0]++;
            },
            after,
            to);
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
          jdbc.update("delete from imported_value where id >= ? and id <= ?", ids[0], ids[n - 1]);
        } else if (page.size() > 0) {
          jdbc.batchUpdate(
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

  private void reject(long id, long rows, List<ImportProblem> problems, long count) {
    List<Object[]> errorRows = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      ImportProblem p = problems.get(i);
      errorRows.add(new Object[] {id, i, p.line(), p.column(), p.message()});
    }
    transaction.executeWithoutResult(
        status -> {
          jdbc.batchUpdate(
              "insert into indicator_import_error (import_id, position, line, column_name, message)"
                  + " values (?, ?, ?, ?, ?)",
              errorRows);
          jdbc.update(
              "update indicator_import set status = 'REJECTED', rows_read = ?, error_count = ?,"
                  + " message = ?, finished_at = ? where id = ?",
              rows,
              count,
              count > problems.size()
                  ? "Showing the first " + problems.size() + " of " + count + " problems"
                  : null,
              Timestamp.from(Instant.now(clock)),
              id);
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

  @jakarta.annotation.PreDestroy
  void stop() {
    background.shutdownNow();
  }
}
