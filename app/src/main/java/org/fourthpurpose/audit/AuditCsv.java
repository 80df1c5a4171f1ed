package org.fourthpurpose.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /** One row of the export; its components are the columns. */
  record Row(
      long sequence,
      String occurredAt,
      String actor,
      String icbCode,
      String action,
      String subject,
      String before,
      String after,
      String previousHash,
      String entryHash) {

    static Row of(AuditEntry e) {
      return new Row(
          e.sequence(),
          AuditHash.time(e.occurredAt()),
          e.actor(),
          e.icbCode(),
          e.action(),
          e.subject(),
          e.before(),
          e.after(),
          e.previousHash(),
          e.entryHash());
    }
  }

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
    csv.writeRecord(CsvText.columns(Row.class));
    try {
      entries.each(
          filter,
          entry -> {
            try {
              csv.writeRecord(fields(Row.of(entry)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  /** A row's fields as every download writes them: numbers plainly, text defused. */
  static List<String> fields(Row row) {
    List<String> fields = new ArrayList<>();
    for (Object value : CsvText.values(row)) {
      fields.add(
          value == null
              ? null
              : value instanceof Number ? value.toString() : CsvText.defuse(value.toString()));
    }
    return fields;
  }
}
