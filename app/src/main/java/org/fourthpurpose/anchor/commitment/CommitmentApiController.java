package org.fourthpurpose.anchor.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.register.TableRefused;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's anchor commitments through the API: viewers list them; editors import a CSV body or
 * workbook, all or nothing (a 400 problem at the first problem's line, naming every problem).
 */
@Tag(name = "Anchor institutions")
@NeedsReferenceData({"anchor-seed", "indicators"})
@RestController
class CommitmentApiController {

  private final AnchorRegister register;
  private final CommitmentImport imports;
  private final WorkspaceAccess access;
  private final Geography geography;

  CommitmentApiController(
      AnchorRegister register,
      CommitmentImport imports,
      WorkspaceAccess access,
      Geography geography) {
    this.register = register;
    this.imports = imports;
    this.access = access;
    this.geography = geography;
  }

  /** How many commitments a file added. */
  record Imported(int added) {}

  @Operation(
      summary = "Imports commitments from a CSV body (editors)",
      description =
          "All or nothing. Columns: organisation (its register id in organisation_id, or one of"
              + " its identifiers or its exact name in organisation), pillar and promise"
              + " (required), strategy (a title of one of its strategies), themes and indicators"
              + " (catalogue codes separated by spaces or semicolons), baseline, target,"
              + " target_date, measure, metric_code, owner, evidence, status. A commitment the"
              + " organisation already has, or one twice in the file, refuses the file. Answers"
              + " 201 with the number added, or 400 with every problem by line and column.")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/commitments/imports",
      consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      produces = "application/json")
  ResponseEntity<Imported> importApi(
      @PathVariable String icbCode,
      @RequestBody byte[] body,
      @RequestHeader(name = "X-File-Name", required = false) String fileName) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    try {
      int added =
          imports.importFile(icb.code(), fileName == null ? "commitments.csv" : fileName, body);
      return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(added));
    } catch (TableRefused e) {
      throw e.asInvalidInput();
    }
  }

  /** A commitment as the API gives it. */
  record CommitmentJson(
      long id,
      long organisationId,
      Long strategyId,
      String pillar,
      String promise,
      List<String> themes,
      List<String> indicators,
      String baseline,
      String target,
      String targetDate,
      String measure,
      String metricCode,
      String owner,
      String evidence,
      String status) {}

  @Operation(summary = "The commitments of the workspace's organisations")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/commitments",
      produces = "application/json")
  List<CommitmentJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return register.commitments(icb.code()).stream()
        .map(
            c ->
                new CommitmentJson(
                    c.id(),
                    c.organisationId(),
                    c.strategyId(),
                    c.pillar().code(),
                    c.promise(),
                    c.themeCodes(),
                    c.indicatorCodes(),
                    c.baseline(),
                    c.target(),
                    c.targetDate() == null ? null : c.targetDate().toString(),
                    c.measure(),
                    c.metricCode(),
                    c.owner(),
                    c.evidence(),
                    c.status().code()))
        .toList();
  }

  /** A strategy as the API gives it: its status as a code and in words. */
  record StrategyJson(
      long id,
      long organisationId,
      String title,
      String url,
      String publishedOn,
      String status,
      String statusLabel) {}

  @Operation(
      summary = "The anchor strategies of the workspace's organisations",
      description =
          "Each strategy with its organisation's register id, its title, address, date of"
              + " publication (yyyy-mm-dd, when known) and status (draft, published or retired)"
              + " with its label.")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/strategies",
      produces = "application/json")
  List<StrategyJson> strategies(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return register.strategies(icb.code()).stream()
        .map(
            s ->
                new StrategyJson(
                    s.id(),
                    s.organisationId(),
                    s.title(),
                    s.url(),
                    s.publishedOn() == null ? null : s.publishedOn().toString(),
                    s.status(),
                    StrategyStatus.labelOf(s.status())))
        .toList();
  }

  /** A progression level as the API gives it: pillar by code and label, level 1 to 4 and label. */
  record ProgressionJson(
      long organisationId,
      String pillar,
      String pillarLabel,
      int level,
      String levelLabel,
      String note,
      String assessedOn) {}

  @Operation(
      summary = "How far each of the workspace's organisations has come under each pillar",
      description =
          "The last assessed progression level (1 getting started to 4 leading) of each"
              + " organisation under each pillar it was assessed on, with the assessor's note and"
              + " the date of assessment (yyyy-mm-dd).")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/progression",
      produces = "application/json")
  List<ProgressionJson> progression(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return register.progressions(icb.code()).stream()
        .map(
            p ->
                new ProgressionJson(
                    p.organisationId(),
                    p.pillar().code(),
                    p.pillar().label(),
                    p.level().level(),
                    p.level().label(),
                    p.note(),
                    p.assessedOn() == null ? null : p.assessedOn().toString()))
        .toList();
  }
}
