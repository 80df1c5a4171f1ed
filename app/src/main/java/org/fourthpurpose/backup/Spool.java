package org.fourthpurpose.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.springframework.util.unit.DataSize;

/**
 * Copies an uploaded backup to a temporary file, refusing it with 413 (and deleting what was
 * written) once it passes the limit, whether it came as a form's file or a request body.
 */
final class Spool {

  private Spool() {}

  /** The new file; the caller deletes it when done. */
  static Path toTemporaryFile(InputStream in, long limit) throws IOException {
    Path copy = Files.createTempFile("workspace-backup", ".upload");
    try (OutputStream out = Files.newOutputStream(copy)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > limit) {
          throw new PayloadTooLargeException(
              "backup-too-large",
              "Backup too large",
              "The backup is larger than "
                  + DataSize.ofBytes(limit).toMegabytes()
                  + " MB, the most this installation restores");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return copy;
  }
}
