package org.fourthpurpose.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runner of long work: a fixed pool of a few threads with a bounded queue, and a stored status
 * per run in {@code job_run}.
 *
 * <p>{@link #submit} stores the run as {@code QUEUED} and hands it to the pool, or refuses it with
 * {@link JobQueueFullException} when the queue is full. A worker marks it {@code RUNNING}, runs it,
 * and stores how it ended: {@code SUCCEEDED}, {@code CANCELLED} (it stopped at {@link
 * JobContext#stopIfCancelled()}) or {@code FAILED} with the message of whatever it threw, {@link
 * Error}s included, so a run never stays {@code RUNNING} while the process lives. At start-up the
 * runs a stopped process left behind are marked {@code FAILED} ({@link #failUnfinished}).
 *
 * <p>Status is written in transactions of its own, so a job storing its data in one long
 * transaction still shows progress, and a failure that rolls its data back keeps the status.
 *
 * <pre>{@code
 * JobRun run = jobs.submit("indicator-import", "E54000051", "42", context -> { ... }).run();
 * }</pre>
 */
@Service
public class Jobs {

  /** The message stored with the runs a stopped process left queued or running. */
  public static final String SERVER_STOPPED = "The server stopped while this ran";

  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  private final JdbcClient sql;
  private final TransactionTemplate ownTransaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final int queueCapacity;
  private final Map<Long, Live> live = new ConcurrentHashMap<>();

  Jobs(
      JdbcClient sql,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${fp.jobs.threads:2}") int threads,
      @Value("${fp.jobs.queue:16}") int queueCapacity) {
    if (threads < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException(
          "fp.jobs.threads must be at least 1 and fp.jobs.queue at least 0");
    }
    this.sql = sql;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.events = events;
    this.clock = clock;
    this.queueCapacity = queueCapacity;
    AtomicInteger number = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            queueCapacity == 0
                ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread thread = new Thread(r, "job-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** A run handed to the pool: the run as queued, and its end. */
  public record Submitted(JobRun run, CompletableFuture<JobRun> finished) {

    /** Waits for the run to end and returns how it ended. */
    public JobRun await() {
      try {
        return finished.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for job " + run.id(), e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("job " + run.id() + " could not record its end", e);
      }
    }
  }

  /** A run this process has queued or is running, with its live progress. */
  private static final class Live {
    final JobContext context;
    final Job work;
    final CompletableFuture<JobRun> finished = new CompletableFuture<>();
    volatile long lastStored = System.nanoTime();

    Live(JobContext context, Job work) {
      this.context = context;
      this.work = work;
    }
  }

  /**
   * Stores a run as queued and hands it to the pool.
   *
   * @param kind what sort of work it is ({@code indicator-import})
   * @param owner the ICS workspace the work belongs to, or null for the platform's own work
   * @param subject what the work is about in the owning module's terms, or null
   * @throws JobQueueFullException when every worker is busy and the queue is full (nothing is
   *     stored)
   */
  public Submitted submit(String kind, String owner, String subject, Job work) {
    Live run;
    long id;
    synchronized (live) {
      id = insert(kind, owner, subject);
      run = new Live(new JobContext(id, this), work);
      live.put(id, run);
    }
    JobRun queued = find(id).orElseThrow();
    try {
      pool.execute(() -> execute(run));
    } catch (RejectedExecutionException e) {
      live.remove(id);
      ownTransaction.executeWithoutResult(
          s -> sql.sql("delete from job_run where id = ?").param(id).update());
      throw new JobQueueFullException(kind, queueCapacity + pool.getMaximumPoolSize());
    }
    return new Submitted(queued, run.finished);
  }

  /** A run, with live progress while this process runs it. */
  public Optional<JobRun> find(long id) {
    return sql.sql("select * from job_run where id = ?")
        .param(id)
        .query(Jobs::jobRun)
        .optional()
        .map(this::withLiveProgress);
  }

  /**
   * Asks a run to stop: one still queued never starts; one running stops when it next checks {@link
   * JobContext#stopIfCancelled()}. A run that has ended is left as it was.
   *
   * @return the run as it is now
   */
  public Optional<JobRun> cancel(long id) {
    Live run = live.get(id);
    if (run != null) {
      run.context.cancelled = true;
    }
    return find(id);
  }

  /**
   * Marks {@code FAILED} every run left {@code QUEUED} or {@code RUNNING} that this process is not
   * running, that is every run of a process that stopped, and publishes {@link
   * UnfinishedJobsFailed} with them. Runs at start-up.
   *
   * @return the runs marked failed
   */
  public List<JobRun> failUnfinished() {
    List<JobRun> failed;
    synchronized (live) {
      List<JobRun> unfinished =
          sql
              .sql("select * from job_run where state in ('QUEUED', 'RUNNING') order by id")
              .query(Jobs::jobRun)
              .list()
              .stream()
              .filter(r -> !live.containsKey(r.id()))
              .toList();
      Instant now = Instant.now(clock);
      failed =
          unfinished.stream()
              .map(
                  r -> {
                    end(r.id(), JobState.FAILED, r.done(), r.total(), SERVER_STOPPED, now);
                    return find(r.id()).orElseThrow();
                  })
              .toList();
    }
    if (!failed.isEmpty()) {
      log.warn("{} jobs were left unfinished by a process that stopped: marked failed", failed);
    }
    events.publishEvent(new UnfinishedJobsFailed(failed));
    return failed;
  }

  @EventListener(ApplicationStartedEvent.class)
  void recoverAtStartUp() {
    failUnfinished();
  }

  void progressed(JobContext context) {
    Live run = live.get(context.id());
    long now = System.nanoTime();
    if (run == null || now - run.lastStored < PROGRESS_EVERY_NANOS) {
      return;
    }
    run.lastStored = now;
    try {
      ownTransaction.executeWithoutResult(
          s ->
              sql.sql("update job_run set done = ?, total = ?, message = ? where id = ?")
                  .params(context.done.get(), context.total, context.message, context.id())
                  .update());
    } catch (RuntimeException e) {
      // Progress is a courtesy; the run goes on and its end is stored.
      log.warn("Could not store the progress of job {}", context.id(), e);
    }
  }

  private void execute(Live run) {
    JobContext context = run.context;
    long id = context.id();
    JobState state;
    try {
      if (context.cancelled) {
        state = JobState.CANCELLED;
      } else {
        markRunning(id);
        try {
          run.work.run(context);
          state = JobState.SUCCEEDED;
        } catch (JobCancelledException e) {
          state = JobState.CANCELLED;
        } catch (Throwable e) {
          // Errors too (an OutOfMemoryError, say): the run must end, and the worker live on.
          log.error("Job {} failed", id, e);
          state = JobState.FAILED;
          context.message = failureMessage(e);
        }
      }
      if (state == JobState.CANCELLED && context.message == null) {
        context.message = "Cancelled";
      }
      end(id, state, context.done.get(), context.total, context.message, Instant.now(clock));
    } catch (Throwable e) {
      log.error("Job {} ended but its end could not be stored", id, e);
    } finally {
      live.remove(id);
      try {
        run.finished.complete(find(id).orElse(null));
      } catch (Throwable e) {
        run.finished.completeExceptionally(e);
      }
    }
  }

  private static String failureMessage(Throwable e) {
    String text =
        e instanceof OutOfMemoryError
            ? "The server ran out of memory"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    text = text.replace('\u0000', '\uFFFD');
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private long insert(String kind, String owner, String subject) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    ownTransaction.executeWithoutResult(
        s ->
            sql.sql(
                    "insert into job_run (kind, owner, subject, state, created_at)"
                        + " values (?, ?, ?, 'QUEUED', ?)")
                .params(kind, owner, subject, Timestamp.from(Instant.now(clock)))
                .update(key, "id"));
    return key.getKey().longValue();
  }

  private void markRunning(long id) {
    ownTransaction.executeWithoutResult(
        s ->
            sql.sql("update job_run set state = 'RUNNING', started_at = ? where id = ?")
                .params(Timestamp.from(Instant.now(clock)), id)
                .update());
  }

  private void end(long id, JobState state, long done, Long total, String message, Instant at) {
    ownTransaction.executeWithoutResult(
        s ->
            sql.sql(
                    "update job_run set state = ?, done = ?, total = ?, message = ?,"
                        + " finished_at = ? where id = ?")
                .params(state.name(), done, total, message, Timestamp.from(at), id)
                .update());
  }

  private JobRun withLiveProgress(JobRun stored) {
    Live run = live.get(stored.id());
    if (run == null || stored.finished()) {
      return stored;
    }
    JobContext context = run.context;
    return stored.withProgress(
        stored.state(),
        Math.max(stored.done(), context.done.get()),
        context.total != null ? context.total : stored.total(),
        context.message != null ? context.message : stored.message());
  }

  private static JobRun jobRun(ResultSet rs, int row) throws SQLException {
    long total = rs.getLong("total");
    boolean noTotal = rs.wasNull();
    return new JobRun(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("owner"),
        rs.getString("subject"),
        JobState.valueOf(rs.getString("state")),
        rs.getLong("done"),
        noTotal ? null : total,
        rs.getString("message"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
