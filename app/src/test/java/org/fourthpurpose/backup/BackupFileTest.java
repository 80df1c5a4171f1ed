package org.fourthpurpose.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.exc.StreamConstraintsException;

/** The backup reader refuses anything past its limits, naming the place, before using it. */
class BackupFileTest {

  static final BackupLimits SMALL = new BackupLimits(10_000, 2_000, 40, 3, 2);

  @TempDir Path dir;

  static String backup(String data) {
    return "{\"format\":\"fourth-purpose-workspace-backup\",\"formatVersion\":1,"
        + "\"icbCode\":\"E54000008\",\"exportedAt\":\"2026-01-01T00:00:00Z\","
        + "\"parts\":[{\"name\":\"p\",\"formatVersion\":1,\"counts\":{\"s\":1}}],"
        + "\"data\":{\"p\":{\"s\":["
        + data
        + "]}}}";
  }

  /** Reads the one section of part p, reading the fields named. */
  List<Object> read(String json, String... fields) throws Exception {
    Path file = dir.resolve("b.json");
    Files.writeString(file, json);
    List<Object> values = new ArrayList<>();
    try (BackupFile backup = BackupFile.open(file, "b.json", SMALL)) {
      backup.header();
      String part = backup.nextPart();
      BackupReader reader = backup.reader(part);
      reader.section(
          "s",
          entry -> {
            for (String field : fields) {
              values.add(field.equals("d") ? entry.decimal(field) : entry.optionalText(field));
            }
          });
      reader.finish();
      assertThat(backup.nextPart()).isNull();
    }
    return values;
  }

  @Test
  void readsAnEntryWithExactDecimalsAndNulls() throws Exception {
    assertThat(read(backup("{\"a\":\"x\",\"d\":0.1,\"n\":null}"), "a", "d", "n"))
        .containsExactly("x", 0.1, null);
  }

  @Test
  void refusesADocumentThatIsNotABackup() {
    assertThatThrownBy(() -> read("{\"hello\":1}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a Fourth Purpose workspace backup");
  }

  @Test
  void refusesATextLongerThanTheLimit() {
    assertThatThrownBy(() -> read(backup("{\"a\":\"" + "x".repeat(41) + "\"}"), "a"))
        .isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void refusesADocumentLongerThanTheLimit() {
    assertThatThrownBy(() -> read(backup("{\"a\":\"x\"}" + " ".repeat(2_000)), "a"))
        .isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void refusesNestingDeeperThanTheFormatHas() {
    assertThatThrownBy(() -> read(backup("{\"a\":[[[[\"x\"]]]]}"), "a"))
        .isInstanceOfAny(StreamConstraintsException.class, InvalidInputException.class);
    assertThatThrownBy(() -> read(backup("{\"a\":{\"b\":1}}"), "a"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot be an object");
  }

  @Test
  void refusesAnEntryWithMoreFieldsOrListItemsThanTheLimits() {
    assertThatThrownBy(() -> read(backup("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}"), "a"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 3 fields")
        .hasMessageContaining("$.data.p.s[0]");
    assertThatThrownBy(() -> read(backup("{\"a\":[\"x\",\"y\",\"z\"]}"), "a"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 2 texts");
  }

  @Test
  void refusesAFieldThePartDoesNotRead() {
    assertThatThrownBy(() -> read(backup("{\"a\":\"x\",\"extra\":\"y\"}"), "a"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Part 'p', s entry 1, field 'extra' ($.data.p.s[0].extra)")
        .hasMessageContaining("not part of the backup format");
  }

  @Test
  void refusesMoreAfterTheEndOfTheBackup() {
    assertThatThrownBy(() -> read(backup("{\"a\":\"x\"}") + "{}", "a"))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void refusesAnUploadOverTheLimitAndKeepsNoFile() throws Exception {
    long before;
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      before = files.filter(f -> f.getFileName().toString().endsWith(".upload")).count();
    }
    byte[] big = "x".repeat(101).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Spool.toTemporaryFile(new ByteArrayInputStream(big), 100))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("larger than");
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".upload")).count())
          .isEqualTo(before);
    }
    Path ok = Spool.toTemporaryFile(new ByteArrayInputStream(big), 101);
    assertThat(Files.size(ok)).isEqualTo(101);
    Files.delete(ok);
  }
}
