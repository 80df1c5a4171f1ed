package org.fourthpurpose.indicator.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where uploads wait while they are imported: {@code uploads/} in the data directory. An import
 * deletes its copy when it ends; a process killed meanwhile cannot, so at start the copies older
 * than this process are deleted (their imports are marked failed at the same moment).
 */
@Component
class UploadSpool {

  private static final Logger log = LoggerFactory.getLogger(UploadSpool.class);

  private final Path directory;

  UploadSpool(@Value("${fp.data-dir}") Path dataDirectory) {
    this.directory = dataDirectory.resolve("uploads");
  }

  /** Copies an upload into the spool, refusing it with 413 past the limit (see {@link Uploads}). */
  Path spool(InputStream in, DataSize limit) throws IOException {
    Files.createDirectories(directory);
    return Uploads.spool(in, limit, directory);
  }

  /** Deletes the copies that a stopped process left behind. */
  @EventListener(ApplicationStartedEvent.class)
  void deleteLeftovers() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.upload")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toMillis() < started && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clear the upload spool " + directory, e);
    }
    if (deleted > 0) {
      log.warn("Deleted {} uploads left in {} by a process that stopped", deleted, directory);
    }
  }
}
