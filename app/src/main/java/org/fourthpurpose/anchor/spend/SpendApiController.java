package org.fourthpurpose.anchor.spend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.spend.SpendJson.PublishedSpendAnalysisJson;
import org.fourthpurpose.anchor.spend.SpendJson.SpendAnalysisJson;
import org.fourthpurpose.anchor.spend.SpendJson.SpendFileErrorJson;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spend analyses through the API: editors upload a supplier spend file (CSV) for one organisation
 * of the workspace's anchor register and one year, and get its aggregates at once (201), or every
 * problem in the file (400) with nothing stored; viewers list and read them; editors publish and
 * delete them. Published aggregates (never suppliers or lines) are public.
 */
@Tag(name = "Anchor spend", description = "Local spend of anchor organisations")
@NeedsReferenceData({"geography", "deprivation", "lsoa-boundaries"})
@RestController
class SpendApiController {

  private static final String WORKSPACE = "/api/v1/workspaces/{icbCode}/anchors/spend-analyses";

  private final SpendAnalyses analyses;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final Clock clock;

  SpendApiController(
      SpendAnalyses analyses, WorkspaceAccess access, Geography geography, Clock clock) {
    this.analyses = analyses;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
  }

  @Operation(
      summary = "Analyses a supplier spend file (editors)",
      description =
          "The body is CSV (UTF-8) with the header supplier,amount,lsoa_code,lad_code,latitude,"
              + "longitude: one kind of location per row, the others empty (a row with none is"
              + " unlocated). Optional columns: sme and vcse (yes or no) and postcode (placed only"
              + " where the deployment has an ONS postcode directory). Amounts in pounds, at most"
              + " two decimal places, a minus sign for a credit. Answers 201 with the aggregates;"
              + " an analysis of the same organisation and year is replaced. A file with any"
              + " problem answers 400 with every problem's line and column, and nothing is"
              + " stored. At most 1,000,000 rows.")
  @PostMapping(value = WORKSPACE, consumes = "text/csv", produces = "application/json")
  ResponseEntity<?> analyseCsv(
      @Parameter(description = "The workspace's ICB code (ONS or ODS)", example = "E54000054")
          @PathVariable
          String icbCode,
      @Parameter(description = "The organisation's id in the workspace's anchor register")
          @RequestParam
          long organisation,
      @Parameter(description = "The year the spend is for (financial years by their start)")
          @RequestParam
          int year,
      InputStream body)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    checkYear(year);
    return analyse(icb, organisation, year, "upload.csv", body);
  }

  @Operation(
      summary = "Analyses a supplier spend file, CSV or Excel workbook, in the form part 'file'",
      description =
          "As the text/csv form (editors), for clients that send files as multipart/form-data."
              + " A workbook (.xlsx) is read from its first sheet, the header in its first row;"
              + " problems name the sheet's row and the column's letter.")
  @PostMapping(value = WORKSPACE, consumes = "multipart/form-data", produces = "application/json")
  ResponseEntity<?> analyseFile(
      @PathVariable String icbCode,
      @RequestParam long organisation,
      @RequestParam int year,
      @RequestParam(required = false) MultipartFile file)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    checkYear(year);
    if (file == null || file.isEmpty()) {
      throw InvalidInputException.parameter("file", "Send the spend file in the part 'file'");
    }
    String name =
        file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
            ? "upload"
            : file.getOriginalFilename();
    analyses.organisation(icb.code(), organisation);
    try {
      SpendAnalysis analysis =
          SpendFiles.read(
              file, name, rows -> analyses.analyse(icb.code(), organisation, year, name, rows));
      return ResponseEntity.created(URI.create(one(icb, analysis.id())))
          .body(SpendAnalysisJson.of(analysis));
    } catch (SpendFileRefused refused) {
      return refusal(refused);
    }
  }

  private ResponseEntity<?> analyse(
      IntegratedCareBoard icb, long organisation, int year, String fileName, InputStream in) {
    // The organisation first, so a wrong one is a 404 before the file is read.
    analyses.organisation(icb.code(), organisation);
    try {
      SpendAnalysis analysis =
          analyses.analyse(
              icb.code(),
              organisation,
              year,
              fileName,
              new CsvSpendRows(CsvSpendRows.utf8(in), fileName));
      return ResponseEntity.created(URI.create(one(icb, analysis.id())))
          .body(SpendAnalysisJson.of(analysis));
    } catch (SpendFileRefused refused) {
      return refusal(refused);
    }
  }

  static ResponseEntity<ProblemDetail> refusal(SpendFileRefused refused) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The file was not analysed and nothing was stored: "
                + refused.problemCount()
                + (refused.problemCount() == 1 ? " problem" : " problems")
                + (refused.problemCount() > refused.problems().size()
                    ? " (the first " + refused.problems().size() + " listed)"
                    : "")
                + ". First: "
                + refused.problems().get(0));
    problem.setType(URI.create("https://fourthpurpose.org/problems/spend-file-refused"));
    problem.setTitle("The spend file was not analysed");
    problem.setProperty("file", refused.file());
    problem.setProperty("errorCount", refused.problemCount());
    problem.setProperty(
        "errors",
        refused.problems().stream()
            .map(p -> new SpendFileErrorJson(p.line(), p.column(), p.message()))
            .toList());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private void checkYear(int year) {
    int now = clock.instant().atZone(ZoneId.of("Europe/London")).getYear();
    if (year < 2000 || year > now + 1) {
      throw InvalidInputException.parameter(
          "year", "year: give the year the spend is for, from 2000 to " + (now + 1));
    }
  }

  private static String one(IntegratedCareBoard icb, long id) {
    return "/api/v1/workspaces/" + icb.code() + "/anchors/spend-analyses/" + id;
  }

  @Operation(summary = "The workspace's spend analyses (viewers), by organisation and year")
  @GetMapping(value = WORKSPACE, produces = "application/json")
  List<SpendAnalysisJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return analyses.list(icb.code()).stream().map(SpendAnalysisJson::of).toList();
  }

  @Operation(summary = "One spend analysis with its suppliers and unplaced lines (viewers)")
  @GetMapping(value = WORKSPACE + "/{id}", produces = "application/json")
  SpendAnalysisJson one(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return SpendAnalysisJson.of(analyses.find(icb.code(), id).orElseThrow(() -> notFound(id)));
  }

  @Operation(
      summary = "Publishes or withdraws a spend analysis's aggregates (editors)",
      description =
          "published=true shows the aggregates (never suppliers or lines) on the public page and"
              + " API; false withdraws them.")
  @PutMapping(value = WORKSPACE + "/{id}/published", produces = "application/json")
  SpendAnalysisJson publish(
      @PathVariable String icbCode, @PathVariable long id, @RequestParam boolean published) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.publish(icb.code(), id, published)) {
      throw notFound(id);
    }
    return SpendAnalysisJson.of(analyses.find(icb.code(), id).orElseThrow(() -> notFound(id)));
  }

  @Operation(summary = "Deletes a spend analysis (editors); answers 204")
  @DeleteMapping(WORKSPACE + "/{id}")
  ResponseEntity<Void> delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.delete(icb.code(), id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "A system's published spend analyses (public): aggregates only",
      description =
          "Never suppliers, unplaced lines or files; only analyses a workspace published.")
  @GetMapping(value = "/api/v1/icbs/{code}/anchors/spend-analyses", produces = "application/json")
  List<PublishedSpendAnalysisJson> published(@PathVariable String code) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    return analyses.published(icb.code()).stream()
        .map(a -> analyses.find(icb.code(), a.id()).orElseThrow())
        .map(PublishedSpendAnalysisJson::of)
        .toList();
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException(
        "id", Long.toString(id), "This workspace has no spend analysis " + id);
  }
}
