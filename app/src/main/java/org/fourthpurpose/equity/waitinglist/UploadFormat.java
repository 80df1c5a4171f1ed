package org.fourthpurpose.equity.waitinglist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kinds of file an extract may come in, told apart by their first bytes rather than their
 * names: an Excel workbook is a zip ({@code PK}), a Parquet file starts {@code PAR1}, anything else
 * is read as UTF-8 CSV.
 */
public enum UploadFormat {
  CSV("CSV"),
  PARQUET("Parquet"),
  XLSX("Excel workbook");

  final String label;

  UploadFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static UploadFormat sniff(Path file) throws IOException {
    byte[] start = new byte[4];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, 4);
    }
    if (read >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
      return XLSX;
    }
    if (read >= 4 && start[0] == 'P' && start[1] == 'A' && start[2] == 'R' && start[3] == '1') {
      return PARQUET;
    }
    return CSV;
  }
}
