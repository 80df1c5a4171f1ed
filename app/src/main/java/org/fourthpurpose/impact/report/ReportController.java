package org.fourthpurpose.impact.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.measure.MeasureView;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The impact report: a printable page, a PDF and JSON; issuing it (editors); and the measures with
 * their SPC results as CSV and Excel. Pages and API share the paths' handlers where the answer is a
 * file.
 */
@Tag(name = "Measuring impact")
@NeedsReferenceData({"anchor-seed", "indicators"})
@RestController
class ReportController {

  static final String API = "/api/v1/workspaces/{icbCode}/measures";
  static final String PAGES = "/workspaces/{icbCode}/impact";

  private final ImpactReports reports;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final AuditLog audit;

  ReportController(
      ImpactReports reports, WorkspaceAccess access, Geography geography, AuditLog audit) {
    this.reports = reports;
    this.access = access;
    this.geography = geography;
    this.audit = audit;
  }

  @Operation(
      summary = "The impact report as PDF",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "application/pdf",
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping({PAGES + "/report.pdf", API + "/report.pdf"})
  ResponseEntity<byte[]> pdf(@PathVariable String icbCode) {
    IntegratedCareBoard icb = view(icbCode);
    return download(
        reports.pdf(icb.code()), "application/pdf", "impact-report-" + icb.code() + ".pdf");
  }

  /** A measure in the report as the API gives it. */
  record ReportMeasure(
      long id,
      String name,
      String unit,
      String latest,
      String target,
      String variationType,
      String variation,
      String assuranceType,
      String assurance,
      String reading,
      String linkKind,
      String linkLabel,
      String linkStatus) {}

  /** The report as the API gives it. */
  record ReportJson(
      String icbCode,
      String produced,
      String lastIssuedAt,
      String lastIssuedBy,
      List<ReportMeasure> measures,
      List<ImpactReport.Change> changes,
      String plan) {}

  @Operation(
      summary =
          "The impact report: each measure's summary, and what changed since the report last"
              + " issued, with the reasons on record")
  @GetMapping(value = API + "/report", produces = "application/json")
  ReportJson json(@PathVariable String icbCode) {
    IntegratedCareBoard icb = view(icbCode);
    ImpactReport r = reports.report(icb.code());
    return new ReportJson(
        r.icbCode(),
        r.produced().toString(),
        r.lastIssued() == null ? null : r.lastIssued().createdAt().toString(),
        r.lastIssued() == null ? null : r.lastIssued().createdBy(),
        r.measures().stream().map(ReportController::measure).toList(),
        r.changes(),
        "/workspaces/" + r.icbCode() + "/plan");
  }

  record Issued(long id) {}

  @Operation(
      summary = "Issues the report (editors): what it says now is kept to compare the next with")
  @PostMapping(value = API + "/report/issues", produces = "application/json")
  ResponseEntity<Issued> issue(@PathVariable String icbCode) {
    IntegratedCareBoard icb = edit(icbCode);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Issued(reports.issue(icb.code(), audit.currentActor())));
  }

  @Operation(
      summary = "Every measure's values with their SPC results, as CSV (formulas defused)",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  @GetMapping({PAGES + "/measures.csv", API + "/spc.csv"})
  ResponseEntity<byte[]> csv(@PathVariable String icbCode) {
    IntegratedCareBoard icb = view(icbCode);
    return download(
        reports.csv(icb.code()),
        "text/csv;charset=UTF-8",
        "impact-measures-" + icb.code() + ".csv");
  }

  @Operation(
      summary = "Every measure's values with their SPC results, as an Excel workbook",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType =
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping({PAGES + "/measures.xlsx", API + "/spc.xlsx"})
  ResponseEntity<byte[]> xlsx(@PathVariable String icbCode) {
    IntegratedCareBoard icb = view(icbCode);
    return download(
        reports.xlsx(icb.code()),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "impact-measures-" + icb.code() + ".xlsx");
  }

  private static ReportMeasure measure(MeasureView v) {
    return new ReportMeasure(
        v.measure().id(),
        v.measure().name(),
        v.measure().unit(),
        v.latest(),
        v.target(),
        v.variation(),
        v.variationWords(),
        v.assurance(),
        v.assuranceWords(),
        v.reading(),
        v.measure().linkKind(),
        v.link() == null ? null : v.link().label(),
        v.link() == null ? null : v.link().status());
  }

  private static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  private IntegratedCareBoard view(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return icb;
  }

  private IntegratedCareBoard edit(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return icb;
  }
}
