package org.fourthpurpose.equity.waitinglist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes an uploaded extract from the API or a page: spools it (bounded), tells its format, reads
 * its header row and decides whether it can be analysed at once (its headers are the analysis's
 * columns, or the workspace's remembered mapping fits them) or must wait for a column mapping.
 */
@Component
class ExtractUploads {

  private final ExtractFiles files;
  private final EquityAnalyses analyses;

  ExtractUploads(ExtractFiles files, EquityAnalyses analyses) {
    this.files = files;
    this.analyses = analyses;
  }

  /** Either an analysis started, or an extract waiting for its column mapping. */
  record Received(EquityAnalysis analysis, EquityAnalyses.Pending pending) {}

  /**
   * Starts analysing an API upload as it is: a file that cannot be read ends as a {@code failed}
   * analysis with its problems, never a refusal of the request (but a body over the limit is
   * refused with 413).
   */
  EquityAnalysis fromApi(String icbCode, InputStream body, LocalDate censusDate, boolean synthetic)
      throws IOException {
    Path file = files.spool(body);
    try {
      UploadFormat format = UploadFormat.sniff(file);
      boolean marked = synthetic || looksSynthetic(file, format, "waiting-list.csv");
      return analyses.start(
          icbCode,
          new EquityAnalyses.Extract(
              file, "waiting-list.csv", format, censusDate, Map.of(), marked));
    } catch (IOException | RuntimeException e) {
      ExtractFiles.delete(file);
      throw e;
    }
  }

  /**
   * Takes a page's upload: starts it when its columns are known, or holds it for mapping.
   *
   * @throws ExtractRefusal when the header cannot be read (the file is deleted)
   */
  Received fromPage(
      String icbCode, InputStream in, String fileName, LocalDate censusDate, boolean synthetic)
      throws IOException {
    Path file = files.spool(in);
    try {
      UploadFormat format = UploadFormat.sniff(file);
      ExtractFiles.Header header = ExtractFiles.header(file, format, fileName);
      boolean marked =
          synthetic
              || ExtractFiles.lowerName(fileName).contains("synthetic")
              || header.firstPathwayId().map(p -> p.contains("SYNTHETIC")).orElse(false);
      Optional<Map<String, String>> mapping =
          format == UploadFormat.PARQUET
              ? Optional.of(Map.of())
              : mappingFor(header.columns(), analyses.rememberedMapping(icbCode));
      if (mapping.isPresent()) {
        return new Received(
            analyses.start(
                icbCode,
                new EquityAnalyses.Extract(
                    file, fileName, format, censusDate, mapping.get(), marked)),
            null);
      }
      EquityAnalyses.Pending pending =
          analyses.hold(icbCode, censusDate, fileName, format, header.columns());
      Files.move(file, pending.file(files.directory()), StandardCopyOption.REPLACE_EXISTING);
      return new Received(null, pending);
    } catch (IOException | RuntimeException e) {
      ExtractFiles.delete(file);
      throw e;
    }
  }

  /** Starts an extract that waited for its mapping, and remembers the mapping. */
  EquityAnalysis mapped(
      EquityAnalyses.Pending pending, Map<String, String> mapping, boolean synthetic)
      throws IOException {
    Path file = pending.file(files.directory());
    analyses.release(pending.id());
    if (!Files.exists(file)) {
      throw new org.fourthpurpose.web.NotFoundException(
          "upload", pending.id(), "The uploaded extract is no longer here: upload it again");
    }
    Map<String, String> remembered = new LinkedHashMap<>();
    mapping.forEach(
        (column, header) -> {
          if (!header.equals(column)) {
            remembered.put(column, header);
          }
        });
    analyses.remember(pending.icbCode(), mapping);
    boolean marked = synthetic || ExtractFiles.lowerName(pending.fileName()).contains("synthetic");
    return analyses.start(
        pending.icbCode(),
        new EquityAnalyses.Extract(
            file, pending.fileName(), pending.format(), pending.censusDate(), remembered, marked));
  }

  /** Deletes an extract that waited for its mapping. */
  void discard(EquityAnalyses.Pending pending) throws IOException {
    analyses.release(pending.id());
    ExtractFiles.delete(pending.file(files.directory()));
  }

  /**
   * The mapping that fits these headers without asking: every required column found by name, or
   * else by the remembered mapping; empty when some required column is still missing.
   */
  static Optional<Map<String, String>> mappingFor(
      List<String> headers, Map<String, String> remembered) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (ExtractColumn column : ExtractColumn.values()) {
      Optional<String> byName =
          headers.stream()
              .filter(h -> ExtractColumn.normalise(h).equals(column.column()))
              .findFirst();
      if (byName.isPresent()) {
        if (!byName.get().equals(column.column())) {
          mapping.put(column.column(), byName.get());
        }
        continue;
      }
      String header = remembered.get(column.column());
      if (header != null && headers.contains(header)) {
        mapping.put(column.column(), header);
      } else if (column.required()) {
        return Optional.empty();
      }
    }
    return Optional.of(mapping);
  }

  private static boolean looksSynthetic(Path file, UploadFormat format, String fileName) {
    if (format == UploadFormat.PARQUET) {
      return false;
    }
    try {
      return ExtractFiles.header(file, format, fileName)
          .firstPathwayId()
          .map(p -> p.contains("SYNTHETIC"))
          .orElse(false);
    } catch (ExtractRefusal e) {
      return false;
    }
  }
}
