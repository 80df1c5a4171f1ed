package org.fourthpurpose.indicator.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fourthpurpose.web.PayloadTooLargeException;
import org.springframework.util.unit.DataSize;

/**
 * Spools an upload to a temporary file with the same size limit whatever the body's type (a
 * multipart form is limited by the servlet container; a raw {@code text/csv} body only here).
 */
final class Uploads {

  private Uploads() {}

  /**
   * Copies the upload to a new temporary file, or deletes what was written and refuses it with 413
   * once it passes the limit. The caller deletes the file when done with it.
   */
  static Path spool(InputStream in, DataSize limit) throws IOException {
    return spool(in, limit, null);
  }

  /** The same, into {@code directory}, or the system's temporary directory when it is null. */
  static Path spool(InputStream in, DataSize limit, Path directory) throws IOException {
    Path copy =
        directory == null
            ? Files.createTempFile("indicator-import", ".upload")
            : Files.createTempFile(directory, "indicator-import", ".upload");
    try (OutputStream out = Files.newOutputStream(copy)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > limit.toBytes()) {
          throw new PayloadTooLargeException(
              "upload-too-large",
              "Upload too large",
              "The file is larger than "
                  + limit.toMegabytes()
                  + " MB: split it into smaller files");
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
