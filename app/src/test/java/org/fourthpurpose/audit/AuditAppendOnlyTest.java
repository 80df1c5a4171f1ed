package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application only ever appends to the audit log: no statement in its code or migrations
 * changes or deletes an entry (the chain's head row is moved on each append, which is the point).
 */
class AuditAppendOnlyTest {

  /** SQL that would change or remove entries, however it is spaced or cased. */
  static final Pattern CHANGES_ENTRIES =
      Pattern.compile(
          "(?i)\\b(update\\s+audit_entry\\b|delete\\s+from\\s+audit_entry\\b"
              + "|truncate\\s+(table\\s+)?audit_entry\\b|merge\\s+into\\s+audit_entry\\b"
              + "|alter\\s+table\\s+audit_entry\\b|drop\\s+table\\s+(if\\s+exists\\s+)?audit_entry\\b)");

  @Test
  void noCodeOrMigrationChangesOrDeletesAnEntry() throws IOException {
    List<String> offenders;
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
      offenders =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
              .filter(p -> CHANGES_ENTRIES.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void thePatternFindsEveryFormOfChange() {
    assertThat(
            Stream.of(
                "update audit_entry set x = 1",
                "UPDATE\n  Audit_Entry SET",
                "delete from audit_entry where",
                "DELETE   FROM audit_entry",
                "truncate table audit_entry",
                "merge into audit_entry",
                "drop table if exists audit_entry"))
        .allMatch(sql -> CHANGES_ENTRIES.matcher(sql).find());
    assertThat(
            Stream.of(
                "update audit_chain_head set last_sequence = ?",
                "insert into audit_entry (sequence_number) values (?)",
                "select * from audit_entry"))
        .noneMatch(sql -> CHANGES_ENTRIES.matcher(sql).find());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
