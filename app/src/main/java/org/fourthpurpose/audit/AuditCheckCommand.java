package org.fourthpurpose.audit;

import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The check command: {@code java -jar fourth-purpose.jar --audit-check} checks the audit chain of
 * the configured database, prints the result and exits with 0 when the log is intact, 1 when it is
 * broken and 2 when it could not be checked (no database, or no audit log in it yet).
 *
 * <p>It starts only a data source and {@link AuditChain}, with the application's configuration (the
 * same {@code SPRING_DATASOURCE_URL} and {@code FP_DATA_DIR}), and no web server, no migrations and
 * no start-up work, so it changes nothing and serves nothing. The embedded H2 database can be
 * opened by one process at a time: stop the application first, or check from the platform
 * administrators' audit page.
 */
public final class AuditCheckCommand {

  /** The command-line option that runs the check instead of the application. */
  public static final String OPTION = "--audit-check";

  private AuditCheckCommand() {}

  /** Whether the command line asks for the check. */
  public static boolean requested(String[] args) {
    return Arrays.asList(args).contains(OPTION);
  }

  /** Runs the check, printing the result, and returns the exit code. */
  public static int run(String[] args) {
    // Quiet, so the result is what the command prints; a --logging.level.root argument wins.
    return run(args, System.out, System.err, "logging.level.root=WARN");
  }

  /**
   * Runs the check with these default properties, printing the result to {@code out} and why it
   * could not run to {@code err}.
   */
  static int run(String[] args, PrintStream out, PrintStream err, String... defaults) {
    String[] rest = Arrays.stream(args).filter(a -> !OPTION.equals(a)).toArray(String[]::new);
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CheckContext.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .registerShutdownHook(false)
            .properties(defaults)
            .run(rest)) {
      AuditVerification result = context.getBean(AuditChain.class).verify();
      out.println(result.summary());
      return result.intact() ? 0 : 1;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      err.println(
          "The audit log could not be checked: "
              + cause.getMessage()
              + " (is the database reachable, and has the application run on it once?)");
      return 2;
    }
  }

  /** What the check needs: a data source, JDBC and the chain. */
  @ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class
  })
  @Import(AuditChain.class)
  static class CheckContext {}
}
