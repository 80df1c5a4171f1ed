package org.fourthpurpose.anchor.spend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.web.multipart.MultipartFile;

/**
 * Opens an uploaded spend file as rows: CSV straight from the upload, a workbook (.xlsx, by name or
 * by its zip signature) from a temporary copy, which a workbook reader needs and which is deleted
 * once the rows are read.
 */
final class SpendFiles {

  private SpendFiles() {}

  /** Whether the upload is an Excel workbook: named .xlsx, or a zip (which no CSV is). */
  static boolean isWorkbook(String name, byte[] start) {
    boolean zip = start.length >= 2 && start[0] == 'P' && start[1] == 'K';
    return zip || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
  }

  static <T> T read(MultipartFile upload, String name, Function<SpendRows, T> reading)
      throws IOException {
    byte[] start;
    try (InputStream in = upload.getInputStream()) {
      start = in.readNBytes(2);
    }
    if (!isWorkbook(name, start)) {
      try (InputStream in = upload.getInputStream()) {
        return reading.apply(new CsvSpendRows(CsvSpendRows.utf8(in), name));
      }
    }
    Path copy = Files.createTempFile("fp-spend-", ".xlsx");
    try {
      try (InputStream in = upload.getInputStream()) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return reading.apply(new XlsxSpendRows(copy, name));
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
