package org.fourthpurpose.indicator.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.FourthPurposeApplication;
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The application killed ({@code kill -9}) at a random moment of an import, then started again on
 * the same database: the import ends failed with a message that says so, its job is not left
 * running, none of its values is stored, its uploaded copy is gone and its page stops refreshing
 * itself. The background reference data load, which may be running at the same moment, is finished
 * at the next start.
 *
 * <p>The application runs as a separate process from this test's class path, on an H2 file database
 * of its own, or on a PostgreSQL database of its own beside the test database.
 */
@ApplicationTest
class KilledProcessIntegrationTest {

  static final String ADMIN_EMAIL = "kill.test@example.org";
  static final String ADMIN_PASSWORD = "a kill test pass phrase";
  static final Pattern PROGRESS = Pattern.compile("(Checking|Storing) rows: [1-9]");
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  @Autowired Geography geography;
  @Autowired Environment environment;
  @TempDir Path work;

  private Process child;
  private String childDatabase;

  @AfterEach
  void stopTheChild() throws Exception {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (childDatabase != null) {
      try (Connection admin = postgresAdmin();
          Statement s = admin.createStatement()) {
        s.execute("drop database if exists " + childDatabase + " with (force)");
      }
    }
  }

  @Test
  void killedDuringTheReferenceLoadAndThenDuringAnImportItRecoversWithNothingHalfDoneOrRunning()
      throws Exception {
    String icb = geography.icbs().get(7).code();
    List<String> areas =
        Stream.concat(
                geography.icbs().stream().map(i -> i.code()),
                geography.lads().stream().map(l -> l.code()))
            .toList();
    Path csv = work.resolve("large.csv");
    ImportBenchmark.generate(csv, 1_000_000, areas, 0);
    Path data = Files.createDirectories(work.resolve("data"));
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    List<String> database = database();

    // 1. Killed while the indicator values load in the background, if it is still at it.
    int port = freePort();
    child = start(port, data, tmp, database, "first");
    HttpClient anonymous = HttpClient.newHttpClient();
    // While the values load, the profile API says so (503, Retry-After) rather than answer empty.
    HttpResponse<String> profile = get(anonymous, port, "/api/v1/icbs/" + icb + "/profile");
    assertThat(profile.statusCode()).as(profile.body()).isIn(200, 503);
    if (profile.statusCode() == 503) {
      assertThat(profile.headers().firstValue("Retry-After")).contains("10");
      assertThat(profile.body()).contains("still-loading");
    }
    boolean loading = get(anonymous, port, "/about/data").body().contains("still loading");
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    // 2. The next start finishes that load; then killed at a random moment of a large import.
    port = freePort();
    child = start(port, data, tmp, database, "second");
    HttpClient http = signedIn(port);
    waitForBackgroundLoad(http, port);
    String importsPage = "/workspaces/" + icb + "/indicators/imports";
    String csrf = csrf(get(http, port, importsPage).body());
    HttpResponse<String> uploaded = upload(http, port, importsPage, csrf, csv);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    String importPage =
        URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
    long importId = Long.parseLong(importPage.substring(importPage.lastIndexOf('/') + 1));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String page = "";
    while (System.nanoTime() < deadline
        && !PROGRESS.matcher(page = get(http, port, importPage).body()).find()) {
      Thread.onSpinWait();
    }
    assertThat(page).as("the import's page while it runs").containsPattern(PROGRESS);
    assertThat(page).contains("http-equiv=\"refresh\"");
    // A random moment of the import, not always the same statement.
    TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(0, 1_500));
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(spooled(data)).as("the upload's copy, before the restart").isNotEmpty();

    // 3. After the restart.
    port = freePort();
    child = start(port, data, tmp, database, "third");
    http = signedIn(port);
    String after = get(http, port, importPage).body();
    assertThat(after)
        .contains("Failed")
        .contains("The server stopped while this import ran, and nothing was stored")
        .doesNotContain("http-equiv=\"refresh\"");
    assertThat(spooled(data)).as("the upload's copy, after the restart").isEmpty();
    waitForBackgroundLoad(http, port);

    // 4. Killed while maturity rounds are opened, assessors invited and ratings saved, one after
    // another: each of those writes is all or nothing.
    AtomicInteger rated = new AtomicInteger();
    HttpClient assessor = http;
    int thirdPort = port;
    Thread rounds =
        new Thread(() -> writeRounds(assessor, thirdPort, icb, rated), "rounds-until-killed");
    rounds.start();
    long roundsDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (rated.get() < 2 && System.nanoTime() < roundsDeadline && rounds.isAlive()) {
      Thread.onSpinWait();
    }
    assertThat(rated.get()).as("rounds rated before the kill").isGreaterThanOrEqualTo(2);
    TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(0, 400));
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    rounds.join(30_000);

    // 5. It starts again on what the kill left, and the rounds page opens.
    port = freePort();
    child = start(port, data, tmp, database, "fifth");
    http = signedIn(port);
    assertThat(get(http, port, "/workspaces/" + icb + "/maturity").statusCode()).isEqualTo(200);
    child.destroy();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    try (Connection db = connect();
        Statement s = db.createStatement()) {
      assertThat(single(s, "select status from indicator_import where id = " + importId))
          .isEqualTo("FAILED");
      assertThat(single(s, "select count(*) from imported_value")).isEqualTo("0");
      assertThat(
              single(
                  s,
                  "select state from job_run where kind = 'indicator-import' and subject = '"
                      + importId
                      + "'"))
          .isEqualTo("FAILED");
      assertThat(single(s, "select count(*) from job_run where state in ('QUEUED', 'RUNNING')"))
          .isEqualTo("0");
      if (loading) {
        assertThat(
                single(
                    s,
                    "select count(*) from job_run where kind = 'reference-load' and state ="
                        + " 'FAILED' and message = '"
                        + org.fourthpurpose.job.Jobs.SERVER_STOPPED
                        + "'"))
            .as(
                "the reference load the first kill cut short: failed, or never recorded when the"
                    + " kill came before its run was stored")
            .isIn("0", "1");
      }
      assertThat(
              single(
                  s,
                  "select state from job_run where kind = 'reference-load' order by id desc"
                      + " fetch first 1 rows only"))
          .as("the background reference load after the restarts")
          .isEqualTo("SUCCEEDED");
      // Rounds: every round has its whole scope, and every assessor all of their ratings or none.
      String scope =
          single(
              s,
              "select count(*) from maturity_round_area where round_id ="
                  + " (select min(id) from maturity_round)");
      assertThat(Integer.parseInt(scope)).isGreaterThan(1);
      assertThat(
              single(
                  s,
                  "select count(*) from maturity_round r where (select count(*) from"
                      + " maturity_round_area a where a.round_id = r.id) <> "
                      + scope))
          .as("rounds with part of their scope")
          .isEqualTo("0");
      assertThat(
              single(
                  s,
                  "select count(*) from (select assessor_id from maturity_rating group by"
                      + " assessor_id having count(*) <> "
                      + scope
                      + ") partly"))
          .as("assessors with part of their ratings")
          .isEqualTo("0");
      // PostgreSQL keeps every write it acknowledged (all but the one the kill may have cut);
      // the embedded H2 file writes its log to disk up to half a second after a commit, so a
      // hard kill may lose the last acknowledged writes there, but never part of one.
      assertThat(
              Long.parseLong(single(s, "select count(distinct assessor_id) from maturity_rating")))
          .as("assessors whose ratings were saved")
          .isGreaterThanOrEqualTo(childDatabase != null ? rated.get() - 1L : 0L);
      // Every dataset is loaded whole: one row per dataset, and the indicator values there.
      assertThat(Long.parseLong(single(s, "select count(*) from indicator_value")))
          .isGreaterThan(10_000);
    }
  }

  // The child process

  private Process start(int port, Path data, Path tmp, List<String> database, String name)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FourthPurposeApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--fp.data-dir=" + data);
    command.add("--fp.reference.background-loading=true");
    command.addAll(database);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(name + ".log").toFile());
    builder.environment().put("FP_ADMIN_EMAIL", ADMIN_EMAIL);
    builder.environment().put("FP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Process process = builder.start();
    HttpClient probe = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the application started: %s", log(name)).isTrue();
      try {
        int status =
            probe
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("The application did not start in time: " + log(name));
  }

  private String log(String name) {
    try {
      String text = Files.readString(work.resolve(name + ".log"));
      return text.length() > 4_000 ? text.substring(text.length() - 4_000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Command-line settings for the child's own database, made here for PostgreSQL. */
  private List<String> database() throws Exception {
    if (!"postgresql".equals(System.getProperty("fp.test.database"))) {
      // Said outright: the test class path holds the tests' own settings (an in-memory database).
      return List.of("--spring.datasource.url=" + h2Url());
    }
    childDatabase = "fp_kill_" + ProcessHandle.current().pid();
    try (Connection admin = postgresAdmin();
        Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + childDatabase + " with (force)");
      s.execute("create database " + childDatabase);
    }
    return List.of(
        "--spring.datasource.url=" + childUrl(),
        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
        "--spring.datasource.password="
            + environment.getProperty("spring.datasource.password", ""));
  }

  private String childUrl() {
    return environment
        .getRequiredProperty("spring.datasource.url")
        .replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + childDatabase);
  }

  private Connection postgresAdmin() throws Exception {
    return DriverManager.getConnection(
        environment
            .getRequiredProperty("spring.datasource.url")
            .replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres"),
        environment.getProperty("spring.datasource.username"),
        environment.getProperty("spring.datasource.password"));
  }

  private Connection connect() throws Exception {
    if (childDatabase != null) {
      return DriverManager.getConnection(
          childUrl(),
          environment.getProperty("spring.datasource.username"),
          environment.getProperty("spring.datasource.password"));
    }
    return DriverManager.getConnection(h2Url(), "sa", "");
  }

  private String h2Url() {
    return "jdbc:h2:file:"
        + work.resolve("data").resolve("fourthpurpose")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  private static String single(Statement s, String query) throws Exception {
    try (ResultSet rs = s.executeQuery(query)) {
      assertThat(rs.next()).as(query).isTrue();
      return rs.getString(1);
    }
  }

  private static List<Path> spooled(Path data) throws IOException {
    Path uploads = data.resolve("uploads");
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(uploads)) {
      return files.toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Opens a round, invites the administrator as its assessor and saves a rating of every area,
   * again and again, until the process is killed under it.
   */
  private static void writeRounds(HttpClient http, int port, String icb, AtomicInteger rated) {
    String base = "/workspaces/" + icb + "/maturity";
    try {
      for (int i = 1; ; i++) {
        String csrf = csrf(get(http, port, base).body());
        HttpResponse<String> opened =
            post(http, port, base + "/rounds", "name=Killed+" + i + "&_csrf=" + enc(csrf));
        if (opened.statusCode() != 302) {
          return;
        }
        String round = URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath();
        csrf = csrf(get(http, port, round).body());
        post(
            http,
            port,
            round + "/assessors",
            "name=Kill+Test&organisation=ICB&email=" + enc(ADMIN_EMAIL) + "&_csrf=" + enc(csrf));
        String page = get(http, port, round + "/my-ratings").body();
        StringBuilder form = new StringBuilder("action=save&_csrf=" + enc(csrf(page)));
        Matcher area = Pattern.compile("name=\"level-([a-z0-9-]+)\"").matcher(page);
        java.util.Set<String> areas = new java.util.LinkedHashSet<>();
        while (area.find()) {
          areas.add(area.group(1));
        }
        for (String id : areas) {
          form.append("&level-" + id + "=established&fulfilment-" + id + "=partly")
              .append("&confidence-" + id + "=medium&evidence-" + id + "=Evidence+" + i)
              .append("&links-" + id + "=&version-" + id + "=");
        }
        HttpResponse<String> saved = post(http, port, round + "/my-ratings", form.toString());
        if (saved.statusCode() == 302 && !areas.isEmpty()) {
          rated.incrementAndGet();
        }
      }
    } catch (Exception killed) {
      // The process went away under the request: what the test is for.
    }
  }

  private static HttpResponse<String> post(HttpClient http, int port, String path, String form)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // HTTP as a person would

  private HttpClient signedIn(int port) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String csrf = csrf(get(http, port, "/sign-in").body());
    String form =
        "email=" + enc(ADMIN_EMAIL) + "&password=" + enc(ADMIN_PASSWORD) + "&_csrf=" + enc(csrf);
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return http;
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> upload(
      HttpClient http, int port, String path, String csrf, Path file) throws Exception {
    String boundary = "----kill" + System.nanoTime();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\ntidy\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.csv\""
            + "\r\nContent-Type: text/csv\r\n\r\n";
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void waitForBackgroundLoad(HttpClient http, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    String about = "";
    while (System.nanoTime() < deadline
        && (about = get(http, port, "/about/data").body()).contains("still loading")) {
      TimeUnit.MILLISECONDS.sleep(250);
    }
    assertThat(about).doesNotContain("still loading").doesNotContain("could not be loaded");
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
