package org.fourthpurpose.indicator.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports a file of indicator values into a workspace from a script: the whole file is checked and
 * stored, or rejected with every problem, before the response.
 */
@NeedsReferenceData("indicators")
@RestController
class IndicatorImportApiController {

  private final IndicatorImports imports;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final DataSize maximumUpload;
  private final UploadSpool spool;

  IndicatorImportApiController(
      IndicatorImports imports,
      WorkspaceAccess access,
      Geography geography,
      UploadSpool spool,
      @Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maximumUpload) {
    this.spool = spool;
    this.imports = imports;
    this.access = access;
    this.geography = geography;
    this.maximumUpload = maximumUpload;
  }

  /** An accepted import. */
  record ImportJson(
      long id,
      String status,
      String format,
      long rowsRead,
      long rowsStored,
      boolean alreadyImported) {

    static ImportJson of(ImportOutcome outcome) {
      ImportRecord r = outcome.record();
      return new ImportJson(
          r.id(),
          r.status(),
          r.format().name(),
          r.rowsRead(),
          r.rowsStored(),
          outcome.alreadyImported());
    }
  }

  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/indicators/imports",
      consumes = "multipart/form-data")
  ResponseEntity<?> uploadFile(
      @PathVariable String icbCode,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String format)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (file == null || file.isEmpty()) {
      throw InvalidInputException.parameter("file", "Send the file to import in the part 'file'");
    }
    try (InputStream in = file.getInputStream()) {
      return importStream(
          icb, in, file.getOriginalFilename(), IndicatorImportPageController.format(format));
    }
  }

  @PostMapping(value = "/api/v1/workspaces/{icbCode}/indicators/imports", consumes = "text/csv")
  ResponseEntity<?> uploadCsv(
      @PathVariable String icbCode, @RequestParam(required = false) String format, InputStream body)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    ImportFormat chosen = IndicatorImportPageController.format(format);
    if (chosen == ImportFormat.XLSX) {
      throw InvalidInputException.parameter("format", "Send a workbook as multipart/form-data");
    }
    return importStream(icb, body, "upload.csv", chosen);
  }

  private ResponseEntity<?> importStream(
      IntegratedCareBoard icb, InputStream in, String fileName, ImportFormat format)
      throws IOException {
    Path copy = spool.spool(in, maximumUpload);
    try {
      String startedBy = access.currentAccount().map(a -> a.email()).orElse("api");
      ImportOutcome outcome =
          imports.importNow(
              icb.code(), copy, fileName == null ? "upload" : fileName, startedBy, format);
      ImportRecord record = outcome.record();
      if (record.accepted()) {
        return ResponseEntity.created(
                URI.create("/workspaces/" + icb.code() + "/indicators/imports/" + record.id()))
            .body(ImportJson.of(outcome));
      }
      List<ImportProblem> problems = imports.problems(record.id());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              record.message() != null
                  ? record.message()
                  : "The file was not imported: " + record.errorCount() + " problems");
      problem.setTitle("The file was not imported");
      problem.setProperty("importId", record.id());
      problem.setProperty("file", record.fileName());
      problem.setProperty(
          "errors",
          problems.stream().map(p -> new ErrorJson(p.line(), p.column(), p.message())).toList());
      return ResponseEntity.badRequest()
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** One problem in the file; line 0 means the file as a whole. */
  record ErrorJson(long line, String column, String message) {}
}
