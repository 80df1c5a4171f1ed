package org.fourthpurpose.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.geography.Geography;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A workspace's backup for scripts: download it, or replace the workspace's data with one. */
@RestController
class BackupApiController {

  private final WorkspaceBackups backups;
  private final BackupAccess access;
  private final Geography geography;
  private final Clock clock;

  BackupApiController(
      WorkspaceBackups backups, BackupAccess access, Geography geography, Clock clock) {
    this.backups = backups;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
  }

  @Operation(
      summary = "A backup of the workspace's own data (ICS administrators)",
      description =
          "One JSON document: a header (format, formatVersion, productVersion, icbCode,"
              + " exportedAt, parts with their entry counts per section) and data with one object"
              + " per part (imports and imported values, groups of systems, maturity"
              + " assessments, memberships). Send `Accept: application/gzip` for it"
              + " gzip-compressed.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The backup",
              content = {
                @Content(mediaType = "application/json", schema = @Schema(type = "object")),
                @Content(
                    mediaType = "application/gzip",
                    schema = @Schema(type = "string", format = "binary"))
              }))
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/backup",
      produces = {"application/json", "application/gzip"})
  void download(
      @PathVariable String icbCode, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String code = geography.requireIcb(icbCode).code();
    access.requireAdminister(code);
    boolean gzip =
        request.getHeader("Accept") != null
            && request.getHeader("Accept").contains("application/gzip");
    Path backup = backups.export(code);
    try {
      response.setHeader("Cache-Control", "no-store");
      if (gzip) {
        response.setContentType("application/gzip");
        response.setContentLengthLong(Files.size(backup));
        response.setHeader(
            "Content-Disposition",
            "attachment; filename=\"" + BackupPageController.fileName(code, clock) + "\"");
        try (OutputStream out = response.getOutputStream()) {
          Files.copy(backup, out);
        }
      } else {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(backup), 64 * 1024);
            OutputStream out = response.getOutputStream()) {
          in.transferTo(out);
        }
      }
    } finally {
      WorkspaceBackups.deleteQuietly(backup);
    }
  }

  @Operation(
      summary = "Replaces all of the workspace's data with a backup (ICS administrators)",
      description =
          "The body is a backup as GET returns it, plain JSON or gzip. All of the workspace's"
              + " data is replaced in one transaction, or nothing changes: a problem is answered"
              + " 400 naming the part, section, entry and field (with the JSON path, line and"
              + " column). A backup of another ICS is refused unless confirmOtherIcs=true."
              + " Members whose account does not exist on this installation are left out and"
              + " listed in skipped.",
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(mediaType = "application/json", schema = @Schema(type = "object")),
                @Content(
                    mediaType = "application/gzip",
                    schema = @Schema(type = "string", format = "binary"))
              }))
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/backup",
      consumes = {"application/json", "application/gzip", "application/octet-stream"})
  RestoreResult restore(
      @PathVariable String icbCode,
      @RequestParam(defaultValue = "false") boolean confirmOtherIcs,
      HttpServletRequest request)
      throws IOException {
    String code = geography.requireIcb(icbCode).code();
    access.requireAdminister(code);
    Path upload =
        Spool.toTemporaryFile(request.getInputStream(), backups.limits().maxUploadBytes());
    try {
      return backups.restore(code, upload, "request body", confirmOtherIcs);
    } finally {
      WorkspaceBackups.deleteQuietly(upload);
    }
  }
}
