package org.fourthpurpose.backup;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.fourthpurpose.web.PublicPagesChanged;
import org.fourthpurpose.web.UserProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Backs up one workspace's data to a file and restores it, through every {@link
 * WorkspaceBackupPart} there is (in the order of their names).
 *
 * <p>A backup is written inside one read-only transaction, each part's data streamed to a file
 * first and the header (with each section's count) put in front of it, gzip-compressed; memory
 * stays bounded however large the workspace. A restore reads the file as a stream in one
 * transaction that first clears every part of the workspace and then restores each part in the
 * backup, so the workspace's data is replaced whole or, on any problem (or a process stopped in the
 * middle), left exactly as it was.
 */
@Service
public class WorkspaceBackups {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceBackups.class);

  private final List<WorkspaceBackupPart> parts;
  private final TransactionTemplate reading;
  private final TransactionTemplate writing;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final BackupLimits limits;
  private final JsonFactory json = JsonFactory.builder().build();
  private final AuditLog audit;

  WorkspaceBackups(
      List<WorkspaceBackupPart> parts,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maximumUpload,
      AuditLog audit) {
    this.audit = audit;
    this.parts = parts.stream().sorted(Comparator.comparing(WorkspaceBackupPart::name)).toList();
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.writing = new TransactionTemplate(transactions);
    this.events = events;
    this.clock = clock;
    this.limits = BackupLimits.withUploadLimit(maximumUpload.toBytes());
  }

  /** The limits on a backup this installation restores. */
  public BackupLimits limits() {
    return limits;
  }

  /** The names of the parts a backup holds, in the order written. */
  public List<String> partNames() {
    return parts.stream().map(WorkspaceBackupPart::name).toList();
  }

  /**
   * Writes a backup of the workspace to a new gzip-compressed temporary file; the caller deletes
   * it.
   */
  public Path export(String icbCode) {
    Objects.requireNonNull(icbCode);
    Path data = temporary(".data.json");
    Path backup = temporary(".json.gz");
    try {
      OffsetDateTime exportedAt = now();
      List<BackupHeader.Part> written = reading.execute(status -> writeData(icbCode, data));
      BackupHeader header =
          new BackupHeader(
              BackupHeader.FORMAT,
              BackupHeader.FORMAT_VERSION,
              productVersion(),
              icbCode,
              exportedAt,
              written);
      try (OutputStream out =
          new GZIPOutputStream(
              new BufferedOutputStream(Files.newOutputStream(backup)), 64 * 1024)) {
        String head = headerJson(header);
        // The header is a whole object; the data goes in as its last field.
        out.write(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
        out.write(",\"data\":".getBytes(StandardCharsets.UTF_8));
        Files.copy(data, out);
        out.write('}');
      }
      log.info(
          "Backed up workspace {}: {} entries",
          icbCode,
          written.stream().mapToLong(BackupHeader.Part::total).sum());
      return backup;
    } catch (IOException e) {
      deleteQuietly(backup);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(backup);
      throw e;
    } finally {
      deleteQuietly(data);
    }
  }

  private List<BackupHeader.Part> writeData(String icbCode, Path data) {
    List<BackupHeader.Part> written = new ArrayList<>();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data), 64 * 1024);
        JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out)) {
      generator.writeStartObject();
      for (WorkspaceBackupPart part : parts) {
        generator.writeName(part.name());
        generator.writeStartObject();
        BackupWriter writer = new BackupWriter(generator);
        part.write(icbCode, writer);
        generator.writeEndObject();
        written.add(
            new BackupHeader.Part(
                part.name(), part.formatVersion(), new LinkedHashMap<>(writer.counts())));
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private String headerJson(BackupHeader header) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), bytes)) {
      g.writeStartObject();
      g.writeStringProperty("format", header.format());
      g.writeNumberProperty("formatVersion", header.formatVersion());
      g.writeStringProperty("productVersion", header.productVersion());
      g.writeStringProperty("icbCode", header.icbCode());
      g.writeStringProperty(
          "exportedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(header.exportedAt()));
      g.writeName("parts");
      g.writeStartArray();
      for (BackupHeader.Part part : header.parts()) {
        g.writeStartObject();
        g.writeStringProperty("name", part.name());
        g.writeNumberProperty("formatVersion", part.formatVersion());
        g.writeName("counts");
        g.writeStartObject();
        for (Map.Entry<String, Long> count : part.counts().entrySet()) {
          g.writeNumberProperty(count.getKey(), count.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Replaces all of the workspace's data with the backup in {@code file}, in one transaction: every
   * part is cleared, then every part in the backup restored. Refuses, changing nothing, a file that
   * is not a complete backup, a backup of a newer format or of an unknown part, one whose counts do
   * not match its data, an entry a part cannot take, and a backup of another ICS unless {@code
   * otherIcsConfirmed}.
   *
   * @param fileName the name to give in problems (the uploaded file's, say)
   */
  public RestoreResult restore(
      String icbCode, Path file, String fileName, boolean otherIcsConfirmed) {
    Objects.requireNonNull(icbCode);
    String name = fileName == null || fileName.isBlank() ? "backup" : fileName;
    try (BackupFile backup = BackupFile.open(file, name, limits)) {
      BackupHeader header = backup.header();
      check(header, icbCode, otherIcsConfirmed, name);
      RestoreResult result =
          writing.execute(
              status -> {
                RestoreResult restored = restoreData(icbCode, header, backup, name);
                // Last in the transaction, as the audit log asks.
                audit.record(
                    icbCode,
                    "backup.restored",
                    "all of the workspace's own data",
                    "replaced",
                    "from "
                        + name
                        + ", a backup of "
                        + header.icbCode()
                        + " made at "
                        + header.exportedAt()
                        + ": "
                        + header.parts().stream()
                            .map(p -> p.name() + " " + p.total())
                            .collect(java.util.stream.Collectors.joining(", ")));
                return restored;
              });
      events.publishEvent(new PublicPagesChanged("workspace " + icbCode + " restored"));
      log.info(
          "Restored workspace {} from a backup of {} made at {}",
          icbCode,
          header.icbCode(),
          header.exportedAt());
      return result;
    } catch (StreamConstraintsException e) {
      if (e.getOriginalMessage().toLowerCase().contains("document length")) {
        throw new PayloadTooLargeException(
            "backup-too-large",
            "Backup too large",
            "The backup is larger than "
                + DataSize.ofBytes(limits.maxDocumentBytes()).toMegabytes()
                + " MB once decompressed");
      }
      throw located(name, e, "the backup goes past a limit: " + e.getOriginalMessage());
    } catch (JacksonIOException e) {
      throw located(
          name,
          e,
          "the file could not be read to its end (a gzip file cut short or damaged?): "
              + e.getOriginalMessage());
    } catch (JacksonException e) {
      throw located(name, e, "the file is not well-formed JSON: " + e.getOriginalMessage());
    } catch (UncheckedIOException e) {
      throw BackupReader.problem(name, 0, 0, "the file could not be read: " + e.getMessage());
    } catch (DataIntegrityViolationException e) {
      // A part checks what it can name; the database's own constraints catch the rest.
      throw BackupReader.problem(
          name,
          0,
          0,
          "The backup has a value this installation cannot store: "
              + e.getMostSpecificCause().getMessage());
    }
  }

  private void check(BackupHeader header, String icbCode, boolean otherIcsConfirmed, String name) {
    if (header.formatVersion() > BackupHeader.FORMAT_VERSION || header.formatVersion() < 1) {
      throw BackupReader.problem(
          name,
          0,
          0,
          "The backup was made by a newer version of Fourth Purpose (format version "
              + header.formatVersion()
              + "); this installation reads versions up to "
              + BackupHeader.FORMAT_VERSION);
    }
    if (!header.icbCode().equals(icbCode) && !otherIcsConfirmed) {
      throw new InvalidInputException(
          "other-ics-backup",
          "Backup of another ICS",
          "confirmOtherIcs",
          header.icbCode(),
          "This is a backup of the workspace of "
              + header.icbCode()
              + ", not "
              + icbCode
              + ": confirm that you mean to restore another system's data here");
    }
    Map<String, WorkspaceBackupPart> known = byName();
    List<String> seen = new ArrayList<>();
    for (BackupHeader.Part part : header.parts()) {
      WorkspaceBackupPart installed = known.get(part.name());
      if (installed == null) {
        throw BackupReader.problem(
            name,
            0,
            0,
            "The backup has a part '"
                + part.name()
                + "' this installation does not know; it knows "
                + String.join(", ", partNames()));
      }
      if (part.formatVersion() > installed.formatVersion() || part.formatVersion() < 1) {
        throw BackupReader.problem(
            name,
            0,
            0,
            "The backup's part '"
                + part.name()
                + "' has format version "
                + part.formatVersion()
                + "; this installation reads versions up to "
                + installed.formatVersion());
      }
      if (seen.contains(part.name())) {
        throw BackupReader.problem(
            name, 0, 0, "The backup's header lists the part '" + part.name() + "' twice");
      }
      seen.add(part.name());
    }
  }

  private RestoreResult restoreData(
      String icbCode, BackupHeader header, BackupFile backup, String name) {
    Map<String, WorkspaceBackupPart> known = byName();
    Map<String, BackupHeader.Part> listed = new LinkedHashMap<>();
    header.parts().forEach(p -> listed.put(p.name(), p));
    for (WorkspaceBackupPart part : parts) {
      part.clear(icbCode);
    }
    RestoreContext context = new RestoreContext();
    List<BackupHeader.Part> restored = new ArrayList<>();
    String partName;
    while ((partName = backup.nextPart()) != null) {
      BackupHeader.Part expected = listed.get(partName);
      if (expected == null) {
        throw BackupReader.problem(
            name,
            0,
            0,
            "Part '"
                + partName
                + "' ($.data."
                + partName
                + "): the part is not listed in the backup's header");
      }
      BackupReader reader = backup.reader(partName);
      known.get(partName).restore(icbCode, reader, expected.formatVersion(), context);
      reader.finish();
      if (!reader.counts().equals(expected.counts())) {
        throw BackupReader.problem(
            name,
            0,
            0,
            "Part '"
                + partName
                + "': the header counts "
                + expected.counts()
                + " entries but the data has "
                + reader.counts()
                + "; the file may have been cut short or edited");
      }
      restored.add(
          new BackupHeader.Part(
              partName, expected.formatVersion(), new LinkedHashMap<>(reader.counts())));
    }
    for (String missing : listed.keySet()) {
      if (restored.stream().noneMatch(p -> p.name().equals(missing))) {
        throw BackupReader.problem(
            name, 0, 0, "The part '" + missing + "' listed in the header has no data");
      }
    }
    for (WorkspaceBackupPart part : parts) {
      if (!listed.containsKey(part.name())) {
        context.note(
            "The backup has no '"
                + part.name()
                + "' part (it was made before that part existed): the workspace now has none of"
                + " its data");
      }
    }
    return new RestoreResult(
        icbCode,
        now(),
        header,
        List.copyOf(restored),
        context.skippedMessages(),
        context.noteMessages());
  }

  private Map<String, WorkspaceBackupPart> byName() {
    Map<String, WorkspaceBackupPart> byName = new LinkedHashMap<>();
    parts.forEach(p -> byName.put(p.name(), p));
    return byName;
  }

  private static UserProblem located(String name, JacksonException e, String message) {
    TokenStreamLocation at = e.getLocation();
    return BackupReader.problem(
        name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), message);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MILLIS);
  }

  private static String productVersion() {
    String version = WorkspaceBackups.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static Path temporary(String suffix) {
    try {
      return Files.createTempFile("workspace-backup", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the temporary file {}", file, e);
    }
  }
}
