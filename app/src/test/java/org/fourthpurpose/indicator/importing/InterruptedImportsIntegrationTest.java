package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.job.JobRun;
import org.fourthpurpose.job.JobState;
import org.fourthpurpose.job.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Imports and the job runner: an import is a job, and one the server stopped ends failed. */
@ApplicationTest
class InterruptedImportsIntegrationTest {

  static final String WORKSPACE = "E54000051";

  @Autowired IndicatorImports imports;
  @Autowired Jobs jobs;
  @Autowired JdbcClient sql;
  @TempDir Path dir;

  @BeforeEach
  void emptyTheWorkspace() {
    sql.sql("delete from imported_value where workspace_icb_code = ?").param(WORKSPACE).update();
    sql.sql(
            "delete from indicator_import_error where import_id in (select id from"
                + " indicator_import where workspace_icb_code = ?)")
        .param(WORKSPACE)
        .update();
    sql.sql("delete from indicator_import where workspace_icb_code = ?").param(WORKSPACE).update();
  }

  @Test
  void anImportLeftValidatingByAStoppedServerEndsFailedAtTheNextStart() {
    Instant then = Instant.parse("2026-01-05T10:00:00Z");
    long importId =
        insert(
            "insert into indicator_import (workspace_icb_code, file_name, format, checksum,"
                + " status, rows_read, started_by, started_at)"
                + " values (?, 'big.csv', 'TIDY_CSV', 'abc', 'VALIDATING', 50000, 'tester', ?)",
            WORKSPACE,
            Timestamp.from(then));
    long jobId =
        insert(
            "insert into job_run (kind, owner, subject, state, done, created_at, started_at)"
                + " values ('indicator-import', ?, ?, 'RUNNING', 40000, ?, ?)",
            WORKSPACE,
            Long.toString(importId),
            Timestamp.from(then),
            Timestamp.from(then));

    jobs.failUnfinished();

    JobRun job = jobs.find(jobId).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.message()).isEqualTo("The server stopped while this ran");
    assertThat(job.done()).isEqualTo(40_000);
    ImportRecord record = imports.find(WORKSPACE, importId).orElseThrow();
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(record.message())
        .isEqualTo(
            "The server stopped while this import ran, and nothing was stored; import the file"
                + " again");
    assertThat(record.finished()).isTrue();
    assertThat(record.rowsRead()).isEqualTo(50_000);
  }

  @Test
  void anImportRunsAsAJobOfItsWorkspaceThatEndsWithIt() throws IOException {
    Path file = dir.resolve("values.csv");
    Files.writeString(
        file,
        IndicatorImportsIntegrationTest.HEADER + "employment-rate,E54000051,2024,75.5,,,,\n",
        StandardCharsets.UTF_8);

    ImportOutcome outcome = imports.importNow(WORKSPACE, file, "values.csv", "tester");

    assertThat(outcome.record().status()).isEqualTo("ACCEPTED");
    JobRun job =
        sql.sql("select id from job_run where kind = 'indicator-import' and subject = ?")
            .param(Long.toString(outcome.record().id()))
            .query(Long.class)
            .optional()
            .flatMap(jobs::find)
            .orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.owner()).isEqualTo(WORKSPACE);
    assertThat(job.done()).isEqualTo(1);
    assertThat(job.message()).isEqualTo("Imported: 1 rows stored");
  }

  private long insert(String statement, Object... params) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    sql.sql(statement).params(params).update(key, "id");
    return key.getKey().longValue();
  }
}
