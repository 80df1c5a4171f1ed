package org.fourthpurpose.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.csv.CsvWriter;
import org.fourthpurpose.web.Downloads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The audit log as CSV, streamed a page at a time: one row per entry, newest first, with both
 * hashes, so that anyone can recompute each entry's hash from its row ({@link AuditHash}) and, in
 * an export of every entry, follow the chain. Text is defused as in every download; entries were
 * defused when recorded, so the fields are exactly the ones hashed.
 */
final class AuditCsv {

  private AuditCsv() {}

  static void write(
      AuditEntries entries, AuditFilter filter, String filename, HttpServletResponse response)
      throws IOException {
    response.setContentType(Downloads.TEXT_CSV.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(filename).build().toString());
    CsvWriter csv = new CsvWriter(response.getWriter());
    csv.writeRecord(CsvText.columns(PublishedEntry.class));
    try {
      entries.each(
          filter,
          entry -> {
            try {
              csv.writeRecord(CsvText.fields(PublishedEntry.of(entry)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }
}
