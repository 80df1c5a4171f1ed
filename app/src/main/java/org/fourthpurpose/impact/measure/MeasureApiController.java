package org.fourthpurpose.impact.measure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.MeasureSummary;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's measures through the API (Bearer tokens or a signed-in session): viewers read the
 * measures, their values and SPC results; editors add, change and remove measures, values and
 * rebases, and import values. A measure of another workspace is not found (404); a workspace the
 * person has no role in is refused (403).
 */
@Tag(name = "Measuring impact")
@NeedsReferenceData({"anchor-seed", "indicators"})
@RestController
class MeasureApiController {

  static final String BASE = "/api/v1/workspaces/{icbCode}/measures";

  private final Measures measures;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final AuditLog audit;

  MeasureApiController(
      Measures measures, WorkspaceAccess access, Geography geography, AuditLog audit) {
    this.measures = measures;
    this.access = access;
    this.geography = geography;
    this.audit = audit;
  }

  /**
   * A measure as the API takes it. Dates are ISO ({@code 2027-03-31}); {@code linkKind} and {@code
   * linkKey} name a link target ({@code anchor-commitment} and its id, {@code indicator} and its
   * id, …) or are both null.
   */
  record MeasureBody(
      String name,
      String definition,
      String unit,
      String improvement,
      Double target,
      String targetDate,
      String baselineStart,
      String baselineEnd,
      String linkKind,
      String linkKey,
      String valuesFrom) {

    MeasureDraft draft() {
      String link =
          linkKind == null || linkKind.isBlank()
              ? ""
              : linkKind.strip() + ":" + (linkKey == null ? "" : linkKey.strip());
      return new MeasureDraft(
          name,
          definition,
          unit,
          improvement,
          target == null ? "" : Numbers.exact(target),
          targetDate,
          baselineStart,
          baselineEnd,
          link,
          valuesFrom);
    }
  }

  /** A measure as the API gives it: its fields and where its chart stands now. */
  record MeasureJson(
      long id,
      String name,
      String definition,
      String unit,
      String improvement,
      Double target,
      LocalDate targetDate,
      LocalDate baselineStart,
      LocalDate baselineEnd,
      String linkKind,
      String linkKey,
      String linkLabel,
      String linkStatus,
      String valuesFrom,
      int values,
      Double latestValue,
      LocalDate latestPeriod,
      String latestVariation,
      String latestAssurance,
      String reading) {

    static MeasureJson of(Measures.Analysed a) {
      Measure m = a.measure();
      MeasureSummary s = Measures.summary(a);
      return new MeasureJson(
          m.id(),
          m.name(),
          m.definition(),
          m.unit(),
          m.improvement(),
          m.target(),
          m.targetDate(),
          m.baselineStart(),
          m.baselineEnd(),
          m.linkKind(),
          m.linkKey(),
          a.link() == null ? null : a.link().label(),
          a.link() == null ? null : a.link().status(),
          m.valuesFrom(),
          a.values().size(),
          s.latestValue(),
          s.latestPeriod(),
          s.latestVariation(),
          s.latestAssurance(),
          s.reading());
    }
  }

  /** A value: its period's date, the period as written, and the number. */
  record MeasureValueJson(LocalDate period, String label, double value) {}

  /** A value to set: the period (a day or a period such as 2025-03) and the number. */
  record ValueBody(String period, String value) {}

  record RebaseBody(String date, String reason) {}

  record RebaseJson(long id, LocalDate date, String reason, String createdBy, String createdAt) {}

  record Imported(int imported) {}

  /** A measure with its values and rebases. */
  record MeasureDetail(
      MeasureJson measure, List<MeasureValueJson> values, List<RebaseJson> rebases) {}

  @Operation(
      summary = "The workspace's measures, each with its latest variation, assurance and reading")
  @GetMapping(value = BASE, produces = "application/json")
  List<MeasureJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = view(icbCode);
    return measures.analysed(icb.code()).stream().map(MeasureJson::of).toList();
  }

  @Operation(
      summary = "Adds a measure (editors)",
      description =
          "Required: name (unique in the workspace), unit and improvement (increase, decrease or"
              + " neutral). Optional: definition, target (not for neutral), targetDate,"
              + " baselineStart, baselineEnd, linkKind with linkKey, valuesFrom (a catalogue"
              + " indicator id whose values for the system become the measure's). 400 names the"
              + " first field at fault and lists every problem.")
  @PostMapping(value = BASE, consumes = "application/json", produces = "application/json")
  ResponseEntity<MeasureJson> add(@PathVariable String icbCode, @RequestBody MeasureBody body) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      Measure m = measures.add(icb.code(), body.draft(), audit.currentActor());
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(MeasureJson.of(measures.analysed(icb.code(), m.id())));
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "A measure with its values and rebases")
  @GetMapping(value = BASE + "/{id}", produces = "application/json")
  MeasureDetail measure(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = view(icbCode);
    Measures.Analysed a = measures.analysed(icb.code(), id);
    return new MeasureDetail(
        MeasureJson.of(a),
        a.values().stream()
            .map(v -> new MeasureValueJson(v.period(), v.label(), v.value()))
            .toList(),
        a.rebases().stream()
            .map(
                r ->
                    new RebaseJson(
                        r.id(), r.date(), r.reason(), r.createdBy(), r.createdAt().toString()))
            .toList());
  }

  @Operation(summary = "Changes a measure (editors); every field is replaced")
  @PutMapping(value = BASE + "/{id}", consumes = "application/json", produces = "application/json")
  MeasureJson change(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody MeasureBody body) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      measures.change(icb.code(), id, body.draft(), audit.currentActor());
      return MeasureJson.of(measures.analysed(icb.code(), id));
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "Removes a measure with its values and rebases (editors)")
  @DeleteMapping(BASE + "/{id}")
  ResponseEntity<Void> remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = edit(icbCode);
    measures.remove(icb.code(), id, audit.currentActor());
    return ResponseEntity.noContent().build();
  }

  // Values

  @Operation(summary = "A measure's values, oldest first")
  @GetMapping(value = BASE + "/{id}/values", produces = "application/json")
  List<MeasureValueJson> values(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = view(icbCode);
    return measures.analysed(icb.code(), id).values().stream()
        .map(v -> new MeasureValueJson(v.period(), v.label(), v.value()))
        .toList();
  }

  @Operation(summary = "A measure's values as CSV (period, label, value)")
  @GetMapping(value = BASE + "/{id}/values", produces = "text/csv")
  ResponseEntity<String> valuesCsv(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = view(icbCode);
    CsvText csv = new CsvText().header(MeasureValueJson.class);
    measures
        .analysed(icb.code(), id)
        .values()
        .forEach(v -> csv.record(new MeasureValueJson(v.period(), v.label(), v.value())));
    return Downloads.csv(csv, "measure-" + id + "-values.csv");
  }

  @Operation(
      summary = "Sets one value (editors)",
      description =
          "The period is a day (2025-03-31) or a period (2025-03, 2025-Q1, 2024/25, 2025); a value"
              + " for a period that has one replaces it.")
  @PostMapping(value = BASE + "/{id}/values", consumes = "application/json")
  ResponseEntity<Void> putValue(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody ValueBody body) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      measures.putValue(icb.code(), id, body.period(), body.value(), audit.currentActor());
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  @Operation(summary = "Removes the value of one period, given as its date (editors)")
  @DeleteMapping(BASE + "/{id}/values/{period}")
  ResponseEntity<Void> removeValue(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable String period) {
    IntegratedCareBoard icb = edit(icbCode);
    LocalDate day =
        Periods.day(period)
            .orElseThrow(
                () ->
                    InvalidInputException.parameter(
                        "period", "give the period's date, e.g. 2025-03-01"));
    try {
      measures.removeValue(icb.code(), id, day, audit.currentActor());
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Imports values from a CSV body or Excel workbook (editors)",
      description =
          "All or nothing. Columns period (or date) and value; up to 10,000 rows. Each period sets"
              + " its value; with replace=true every other value is removed. Answers 201 with the"
              + " number imported, or 400 at the first problem's line and column, listing every"
              + " problem.")
  @PostMapping(
      value = BASE + "/{id}/values/imports",
      consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      produces = "application/json")
  ResponseEntity<Imported> importValues(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestBody byte[] body,
      @RequestParam(name = "replace", defaultValue = "false") boolean replace,
      @RequestHeader(name = "X-File-Name", required = false) String fileName) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      int n =
          measures.importValues(
              icb.code(),
              id,
              fileName == null ? "values.csv" : fileName,
              body,
              replace,
              audit.currentActor());
      return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(n));
    } catch (ValuesRefused e) {
      throw e.asInvalidInput();
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
  }

  // Rebases

  @Operation(summary = "Rebases a measure from a date, with the reason (editors)")
  @PostMapping(
      value = BASE + "/{id}/rebases",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<RebaseJson> addRebase(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody RebaseBody body) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      Rebase r =
          measures.addRebase(icb.code(), id, body.date(), body.reason(), audit.currentActor());
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(
              new RebaseJson(
                  r.id(), r.date(), r.reason(), r.createdBy(), r.createdAt().toString()));
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "Removes a rebase (editors)")
  @DeleteMapping(BASE + "/{id}/rebases/{rebaseId}")
  ResponseEntity<Void> removeRebase(
      @PathVariable String icbCode, @PathVariable long id, @PathVariable long rebaseId) {
    IntegratedCareBoard icb = edit(icbCode);
    measures.removeRebase(icb.code(), id, rebaseId, audit.currentActor());
    return ResponseEntity.noContent().build();
  }

  // SPC results

  /** One charted value with its group's mean and limits, as the SPC API names them. */
  record MeasureSpcPointJson(
      LocalDate x,
      String label,
      double y,
      Double mean,
      Double lpl,
      Double upl,
      int rebaseGroup,
      String pointType,
      String rule) {}

  record SpcGroupJson(
      int rebaseGroup, LocalDate from, LocalDate to, int n, Double mean, Double lpl, Double upl) {}

  /**
   * A measure's SPC results: every charted point; each rebase group; the latest variation and
   * assurance (null with too few values); the reading; notes on how the chart was drawn.
   */
  record MeasureSpcJson(
      long measureId,
      String improvement,
      Double target,
      int minimumPoints,
      List<MeasureSpcPointJson> points,
      List<SpcGroupJson> summary,
      String variationType,
      String assuranceType,
      String reading,
      List<String> notes) {}

  @Operation(
      summary = "A measure's SPC results",
      description =
          "XmR chart as NHSRplotthedots computes it. pointType and rule are null for points of a"
              + " rebase group with fewer than 12 values, whose limits are null too.")
  @GetMapping(value = BASE + "/{id}/spc", produces = "application/json")
  MeasureSpcJson spc(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = view(icbCode);
    return spcJson(measures.analysed(icb.code(), id).analysis());
  }

  @Operation(summary = "A measure's SPC results as CSV, one row per charted value")
  @GetMapping(value = BASE + "/{id}/spc", produces = "text/csv")
  ResponseEntity<String> spcCsv(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = view(icbCode);
    CsvText csv = new CsvText().header(MeasureSpcPointJson.class);
    spcJson(measures.analysed(icb.code(), id).analysis()).points().forEach(csv::record);
    return Downloads.csv(csv, "measure-" + id + "-spc.csv");
  }

  static MeasureSpcJson spcJson(MeasureAnalysis.Result r) {
    return new MeasureSpcJson(
        r.measure().id(),
        r.measure().improvement(),
        r.measure().target(),
        MeasureAnalysis.ENOUGH,
        r.points().stream()
            .map(
                p ->
                    new MeasureSpcPointJson(
                        p.date(),
                        p.label(),
                        p.value(),
                        finite(p.mean()),
                        finite(p.lpl()),
                        finite(p.upl()),
                        p.group(),
                        p.pointType(),
                        p.rule()))
            .toList(),
        r.groups().stream()
            .map(
                g ->
                    new SpcGroupJson(
                        g.group(),
                        g.from(),
                        g.to(),
                        g.n(),
                        finite(g.mean()),
                        finite(g.lpl()),
                        finite(g.upl())))
            .toList(),
        r.variation(),
        r.assurance(),
        r.sentence(),
        r.notes());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
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
