package org.fourthpurpose.equity.waitinglist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Waiting-list equity analyses through the API (Bearer token): an editor posts a record-level
 * extract as CSV and gets {@code 202} with the analysis's id at once; the analysis runs on the job
 * runner and is followed at its own address until {@code done} (its tables readable by breakdown)
 * or {@code failed} (with every problem's line and column). Only disclosure-controlled tables are
 * stored; the uploaded file is deleted when the analysis ends.
 */
@Tag(name = "Waiting-list equity", description = "Record-level waiting-list inequality analyses")
@NeedsReferenceData({"geography", "deprivation"})
@RestController
class EquityApiController {

  static final String WORKSPACE = "/api/v1/workspaces/{icbCode}/equity";

  private final EquityAnalyses analyses;
  private final ExtractUploads uploads;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final Clock clock;

  EquityApiController(
      EquityAnalyses analyses,
      ExtractUploads uploads,
      WorkspaceAccess access,
      Geography geography,
      Clock clock) {
    this.analyses = analyses;
    this.uploads = uploads;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
  }

  /** The answer to an upload. */
  record EquityAnalysisStarted(long id, String status) {}

  /** A problem of a refused extract. */
  record EquityProblemJson(long line, String column, String message) {}

  /** An analysis and where it is. */
  record EquityAnalysisJson(
      long id,
      String status,
      String message,
      LocalDate censusDate,
      String fileName,
      String format,
      Long rows,
      String engine,
      boolean synthetic,
      boolean published,
      boolean fileDeleted,
      long problemCount,
      List<EquityProblemJson> problems,
      List<String> findings,
      List<String> tables) {}

  /** One group of a one-way table: the API's eight columns, then the ratios. */
  record EquityGroupJson(
      String group,
      Long waiting,
      Double medianDays,
      Double p92Days,
      Long over18Weeks,
      Long over52Weeks,
      Double percentOver18Weeks,
      boolean suppressed,
      Double rateRatio,
      Double rateRatioLower95,
      Double rateRatioUpper95,
      Double standardisedRatio,
      Double standardisedLower95,
      Double standardisedUpper95) {

    static EquityGroupJson of(GroupRow r) {
      return new EquityGroupJson(
          r.group(),
          r.waiting(),
          r.medianDays(),
          r.p92Days(),
          r.over18Weeks(),
          r.over52Weeks(),
          r.percentOver18Weeks(),
          r.suppressed(),
          r.rateRatio(),
          r.rateRatioLower(),
          r.rateRatioUpper(),
          r.standardisedRatio(),
          r.standardisedLower(),
          r.standardisedUpper());
    }
  }

  /** One cell of a two-way table: its row group and column group, then the API's columns. */
  record EquityPairJson(
      String group,
      String secondGroup,
      Long waiting,
      Double medianDays,
      Double p92Days,
      Long over18Weeks,
      Long over52Weeks,
      Double percentOver18Weeks,
      boolean suppressed) {

    static EquityPairJson of(GroupRow r) {
      return new EquityPairJson(
          r.group(),
          r.secondGroup(),
          r.waiting(),
          r.medianDays(),
          r.p92Days(),
          r.over18Weeks(),
          r.over52Weeks(),
          r.percentOver18Weeks(),
          r.suppressed());
    }
  }

  @Operation(
      summary = "Analyses a record-level waiting-list extract (editors); answers 202 at once",
      description =
          "The body is CSV (UTF-8), one row per open pathway at the census date, with the header"
              + " pathway_id,lsoa_code,age,sex,ethnicity,first_language_english,"
              + "learning_disability,mental_health,treatment_function,clock_start and optionally"
              + " provider_code. Answers 202 with the analysis's id and status (queued); follow it"
              + " at /analyses/{id}. A file with any problem ends as failed with every problem's"
              + " line and column, and nothing is stored. The body is limited by"
              + " fp.equity.max-upload (413 beyond it); the file is deleted when the analysis"
              + " ends.")
  @PostMapping(
      value = WORKSPACE + "/waiting-list",
      consumes = {"text/csv", "application/octet-stream", "text/plain"},
      produces = "application/json")
  ResponseEntity<EquityAnalysisStarted> upload(
      @Parameter(description = "The workspace's ICB code (ONS or ODS)", example = "E54000057")
          @PathVariable
          String icbCode,
      @Parameter(description = "The census date of the extract, YYYY-MM-DD", example = "2025-03-31")
          @RequestParam(required = false)
          String censusDate,
      @Parameter(description = "Marks the extract as synthetic (made-up data) on every page")
          @RequestParam(defaultValue = "false")
          boolean synthetic,
      InputStream body)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    LocalDate census = censusDate(censusDate, clock);
    EquityAnalysis analysis = uploads.fromApi(icb.code(), body, census, synthetic);
    return ResponseEntity.accepted()
        .location(
            URI.create("/api/v1/workspaces/" + icb.code() + "/equity/analyses/" + analysis.id()))
        .body(new EquityAnalysisStarted(analysis.id(), analysis.status()));
  }

  /** Parses a census date: ISO, not in the future. */
  static LocalDate censusDate(String text, Clock clock) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.parameter(
          "censusDate", "censusDate: give the census date of the extract as YYYY-MM-DD");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.parameter(
          "censusDate", "censusDate: " + shorten(text) + " is not a date as YYYY-MM-DD");
    }
    LocalDate today = clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDate();
    if (date.isAfter(today) || date.getYear() < 2000) {
      throw InvalidInputException.parameter(
          "censusDate", "censusDate: give a date from 2000 to today, not " + date);
    }
    return date;
  }

  private static String shorten(String text) {
    return text.length() <= 30 ? text : text.substring(0, 29) + "…";
  }

  @Operation(summary = "The workspace's analyses (viewers), newest census date first")
  @GetMapping(value = WORKSPACE + "/analyses", produces = "application/json")
  List<EquityAnalysisJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return analyses.list(icb.code()).stream().map(a -> json(a, false)).toList();
  }

  @Operation(
      summary = "An analysis and where it is (viewers)",
      description =
          "status is queued, running, done or failed. A failed analysis has a message and, when"
              + " the extract was refused, its problems with line and column (at most 100 listed;"
              + " problemCount has them all). A done one lists its findings and tables.")
  @GetMapping(value = WORKSPACE + "/analyses/{id}", produces = "application/json")
  EquityAnalysisJson one(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return json(find(icb.code(), id), true);
  }

  @Operation(
      summary = "One disclosure-controlled table of a done analysis (viewers)",
      description =
          "breakdown: imd-quintile, imd-decile, ics-fifth, ethnicity, language,"
              + " learning-disability, mental-health, age-band, sex, sub-icb, district,"
              + " treatment-function, or the two-way ethnicity-by-ics-fifth and"
              + " learning-disability-by-age-band (each row with a secondGroup). Counts are"
              + " rounded to the nearest 5; a group of 1 to 7 is suppressed (suppressed true, its"
              + " figures null), as are figures that would let one be worked out. 409 while the"
              + " analysis is not done.")
  @GetMapping(
      value = WORKSPACE + "/analyses/{id}/tables/{breakdown}",
      produces = "application/json")
  List<?> table(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable String breakdown) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    EquityAnalysis analysis = find(icb.code(), id);
    EquityTable table =
        EquityTable.of(breakdown)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "breakdown",
                        breakdown,
                        "There is no breakdown "
                            + shorten(breakdown)
                            + ": use "
                            + String.join(
                                ", ",
                                java.util.Arrays.stream(EquityTable.values())
                                    .map(EquityTable::slug)
                                    .toList())));
    if (!analysis.done()) {
      throw new ConflictException(
          "analysis-not-done",
          "Analysis not done",
          "id",
          Long.toString(id),
          "The analysis is " + analysis.status() + ": its tables are ready when it is done");
    }
    List<GroupRow> rows = analyses.table(id, table.slug());
    return table.twoWay()
        ? rows.stream().map(EquityPairJson::of).toList()
        : rows.stream().map(EquityGroupJson::of).toList();
  }

  @Operation(
      summary = "Publishes or withdraws an analysis's tables (editors)",
      description =
          "published=true shows the disclosure-controlled tables on the system's public equity"
              + " page (/ics/{code}/equity); false withdraws them. Only a done analysis can be"
              + " published.")
  @PutMapping(value = WORKSPACE + "/analyses/{id}/published", produces = "application/json")
  EquityAnalysisJson publish(
      @PathVariable String icbCode, @PathVariable long id, @RequestParam boolean published) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.publish(icb.code(), id, published)) {
      throw notFound(id);
    }
    return json(find(icb.code(), id), false);
  }

  @Operation(summary = "Deletes an analysis that has ended, with its tables (editors); 204")
  @DeleteMapping(WORKSPACE + "/analyses/{id}")
  ResponseEntity<Void> delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.delete(icb.code(), id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  private EquityAnalysis find(String icbCode, long id) {
    return analyses.find(icbCode, id).orElseThrow(() -> notFound(id));
  }

  private EquityAnalysisJson json(EquityAnalysis a, boolean details) {
    List<EquityProblemJson> problems =
        details && a.failed()
            ? analyses.problems(a.id()).stream()
                .map(p -> new EquityProblemJson(p.line(), p.column(), p.message()))
                .toList()
            : List.of();
    return new EquityAnalysisJson(
        a.id(),
        a.status(),
        a.message(),
        a.censusDate(),
        a.fileName(),
        a.format().label(),
        a.rowsRead(),
        a.engine(),
        a.synthetic(),
        a.published(),
        a.fileDeletedAt() != null,
        a.problemCount(),
        problems,
        details && a.done() ? analyses.findings(a.id()) : List.of(),
        details && a.done() ? List.copyOf(analyses.tables(a.id()).keySet()) : List.of());
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException(
        "id", Long.toString(id), "This workspace has no waiting-list analysis " + id);
  }
}
