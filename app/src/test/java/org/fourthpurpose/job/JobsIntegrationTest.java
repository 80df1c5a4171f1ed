package org.fourthpurpose.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job runner on the build's database: how runs end, what a full queue does, what a restart
 * leaves, and who may follow a run.
 */
@ApplicationTest
class JobsIntegrationTest {

  static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  static final String WORKSPACE = "E54000051";

  @Autowired JdbcClient sql;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ApplicationEventPublisher events;
  @Autowired Jobs jobs;
  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;

  /** A runner of its own: one worker, one place in the queue, and a fixed clock. */
  private Jobs small;

  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void aSmallRunner() {
    sql.sql("delete from job_run where kind like 'test-%'").update();
    small = new Jobs(sql, transactions, events, Clock.fixed(NOW, ZoneOffset.UTC), 1, 1);
  }

  @AfterEach
  void stopTheSmallRunner() {
    release.countDown();
    small.stop();
  }

  @Test
  void storesARunThatSucceedsWithItsProgressMessageAndTimes() {
    Jobs.Submitted submitted =
        small.submit(
            "test-success",
            WORKSPACE,
            "7",
            context -> {
              context.progress(2, 3L);
              context.progress(3, 3L);
              context.message("Loaded 3 files");
            });

    assertThat(submitted.run().state()).isEqualTo(JobState.QUEUED);
    JobRun run = submitted.await();

    assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(run.kind()).isEqualTo("test-success");
    assertThat(run.owner()).isEqualTo(WORKSPACE);
    assertThat(run.subject()).isEqualTo("7");
    assertThat(run.done()).isEqualTo(3);
    assertThat(run.total()).isEqualTo(3L);
    assertThat(run.message()).isEqualTo("Loaded 3 files");
    assertThat(run.createdAt()).isEqualTo(NOW);
    assertThat(run.startedAt()).isEqualTo(NOW);
    assertThat(run.finishedAt()).isEqualTo(NOW);
    assertThat(small.find(run.id())).contains(run);
  }

  @Test
  void storesARunThatThrowsAsFailedWithWhatItThrew() {
    JobRun run =
        small
            .submit(
                "test-failure",
                WORKSPACE,
                null,
                context -> {
                  context.progress(5, null);
                  throw new IllegalStateException("the file has gone");
                })
            .await();

    assertThat(run.state()).isEqualTo(JobState.FAILED);
    assertThat(run.message()).isEqualTo("the file has gone");
    assertThat(run.done()).isEqualTo(5);
    assertThat(run.total()).isNull();
    assertThat(run.finishedAt()).isEqualTo(NOW);
  }

  @Test
  void storesARunThatRunsOutOfMemoryAsFailedAndTheWorkerGoesOn() {
    JobRun run =
        small
            .submit(
                "test-error",
                null,
                null,
                context -> {
                  throw new OutOfMemoryError("Java heap space");
                })
            .await();

    assertThat(run.state()).isEqualTo(JobState.FAILED);
    assertThat(run.message()).isEqualTo("The server ran out of memory");
    assertThat(small.submit("test-after-error", null, null, context -> {}).await().state())
        .isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void stopsARunningRunWhenCancelledAndNeverStartsACancelledQueuedOne() throws Exception {
    Jobs.Submitted running =
        small.submit(
            "test-cancel",
            WORKSPACE,
            null,
            context -> {
              started.countDown();
              release.await();
              context.stopIfCancelled();
              throw new AssertionError("went on after being cancelled");
            });
    CountDownLatch ranQueued = new CountDownLatch(1);
    Jobs.Submitted queued =
        small.submit("test-cancel-queued", WORKSPACE, null, context -> ranQueued.countDown());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(small.find(running.run().id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    assertThat(small.find(queued.run().id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

    small.cancel(queued.run().id());
    small.cancel(running.run().id());
    release.countDown();

    JobRun cancelled = running.await();
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.message()).isEqualTo("Cancelled");
    assertThat(queued.await().state()).isEqualTo(JobState.CANCELLED);
    assertThat(queued.await().startedAt()).isNull();
    assertThat(ranQueued.getCount()).isEqualTo(1);
  }

  @Test
  void refusesWorkWhenTheQueueIsFullAndStoresNothingOfIt() throws Exception {
    Jobs.Submitted first =
        small.submit(
            "test-busy",
            WORKSPACE,
            null,
            context -> {
              started.countDown();
              release.await();
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Jobs.Submitted second = small.submit("test-busy", WORKSPACE, null, context -> {});

    assertThatThrownBy(() -> small.submit("test-refused", WORKSPACE, null, context -> {}))
        .isInstanceOfSatisfying(
            JobQueueFullException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(503);
              assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("30");
              assertThat(e.getMessage()).contains("test-refused was not started");
            });
    assertThat(
            sql.sql("select count(*) from job_run where kind = 'test-refused'")
                .query(Long.class)
                .single())
        .isZero();

    release.countDown();
    assertThat(first.await().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(second.await().state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void marksRunsAStoppedProcessLeftQueuedOrRunningAsFailedButNotThisProcesssOwn() throws Exception {
    long running = storedRun("test-left-running", "RUNNING");
    long queued = storedRun("test-left-queued", "QUEUED");
    long done = storedRun("test-done", "SUCCEEDED");
    Jobs.Submitted live =
        small.submit(
            "test-live",
            WORKSPACE,
            null,
            context -> {
              started.countDown();
              release.await();
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(small.failUnfinished())
        .extracting(JobRun::id)
        .contains(running, queued)
        .doesNotContain(done, live.run().id());

    for (long id : new long[] {running, queued}) {
      JobRun run = small.find(id).orElseThrow();
      assertThat(run.state()).isEqualTo(JobState.FAILED);
      assertThat(run.message()).isEqualTo("The server stopped while this ran");
      assertThat(run.finishedAt()).isEqualTo(NOW);
    }
    assertThat(small.find(done).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    release.countDown();
    assertThat(live.await().state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void showsARunToPeopleWhoMayViewItsWorkspaceOnly() throws Exception {
    JobRun run =
        jobs.submit("test-api", WORKSPACE, null, context -> context.progress(4, 10L)).await();
    Account viewer = member(WORKSPACE);
    Account other = member("E54000008");

    mvc.perform(get("/api/v1/jobs/{id}", run.id()).header("Authorization", bearer(viewer.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(run.id()))
        .andExpect(jsonPath("$.kind").value("test-api"))
        .andExpect(jsonPath("$.state").value("SUCCEEDED"))
        .andExpect(jsonPath("$.done").value(4))
        .andExpect(jsonPath("$.total").value(10))
        .andExpect(jsonPath("$.finishedAt").isNotEmpty());
    mvc.perform(get("/api/v1/jobs/{id}", run.id()).header("Authorization", bearer(other.id())))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/jobs/{id}", run.id())).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/jobs/{id}", 999_999_999L).header("Authorization", bearer(viewer.id())))
        .andExpect(status().isNotFound());
    String page =
        mvc.perform(get("/jobs/{id}", run.id()).with(user(accounts.userDetails(viewer.id()))))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Refresh"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("<h1>Job " + run.id() + "</h1>").contains("Succeeded");
  }

  private long storedRun(String kind, String state) {
    org.springframework.jdbc.support.GeneratedKeyHolder key =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    sql.sql("insert into job_run (kind, owner, state, created_at) values (?, ?, ?, ?)")
        .params(kind, WORKSPACE, state, Timestamp.from(NOW.minusSeconds(3600)))
        .update(key, "id");
    return key.getKey().longValue();
  }

  private Account member(String workspace) {
    Account account =
        accounts.createAccount(
            "job-" + UUID.randomUUID() + "@example.org", "Ada", "long enough password", false);
    accounts.grant(account.id(), workspace, WorkspaceRole.VIEWER);
    return account;
  }

  private String bearer(long accountId) {
    return "Bearer " + accounts.createToken(accountId, "script").token();
  }
}
