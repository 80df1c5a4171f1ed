package org.fourthpurpose.maturity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Downloads of a round: the board report as PDF and the raw ratings as CSV or Excel. */
@Tag(name = "Maturity")
@RestController
class BoardReportController {

  private final BoardReportService reports;

  BoardReportController(BoardReportService reports) {
    this.reports = reports;
  }

  @Operation(
      summary = "The round's board report",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "application/pdf",
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping({
    "/workspaces/{icbCode}/maturity/rounds/{roundId}/report.pdf",
    MaturityApiController.WORKSPACE + "/rounds/{roundId}/report.pdf"
  })
  ResponseEntity<byte[]> pdf(@PathVariable String icbCode, @PathVariable long roundId) {
    return download(reports.pdf(icbCode, roundId), "pdf", icbCode, roundId);
  }

  @Operation(
      summary = "Every rating in the round",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "text/csv",
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping({
    "/workspaces/{icbCode}/maturity/rounds/{roundId}/ratings.csv",
    MaturityApiController.WORKSPACE + "/rounds/{roundId}/ratings.csv"
  })
  ResponseEntity<byte[]> csv(@PathVariable String icbCode, @PathVariable long roundId) {
    return download(reports.csv(icbCode, roundId), "csv", icbCode, roundId);
  }

  @Operation(
      summary = "Every rating in the round, as an Excel workbook",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType =
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping({
    "/workspaces/{icbCode}/maturity/rounds/{roundId}/ratings.xlsx",
    MaturityApiController.WORKSPACE + "/rounds/{roundId}/ratings.xlsx"
  })
  ResponseEntity<byte[]> xlsx(@PathVariable String icbCode, @PathVariable long roundId) {
    return download(reports.xlsx(icbCode, roundId), "xlsx", icbCode, roundId);
  }

  private static ResponseEntity<byte[]> download(
      byte[] body, String extension, String icbCode, long roundId) {
    String name =
        (extension.equals("pdf") ? "maturity-report-" : "maturity-ratings-")
            + icbCode
            + "-round-"
            + roundId
            + "."
            + extension;
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(BoardReportService.contentTypes().get(extension)))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
