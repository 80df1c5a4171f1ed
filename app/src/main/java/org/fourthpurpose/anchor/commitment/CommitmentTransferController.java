package org.fourthpurpose.anchor.commitment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.register.AnchorTables;
import org.fourthpurpose.anchor.register.FieldProblem;
import org.fourthpurpose.anchor.register.TableRefused;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Commitments in and out as files: the import page and its API (editors; CSV or an Excel workbook,
 * all or nothing) and the downloads (viewers; CSV and Excel, formulas defused), and the commitments
 * as JSON.
 */
@NeedsReferenceData({"anchor-seed", "indicators"})
@Controller
class CommitmentTransferController {

  static final List<String> EXPORT_COLUMNS =
      List.of(
          "id",
          "organisation_id",
          "organisation",
          "strategy",
          "pillar",
          "promise",
          "themes",
          "indicators",
          "baseline",
          "target",
          "target_date",
          "measure",
          "metric_code",
          "owner",
          "evidence",
          "status");

  private final AnchorRegister register;
  private final CommitmentImport imports;
  private final WorkspaceAccess access;
  private final Geography geography;

  CommitmentTransferController(
      AnchorRegister register,
      CommitmentImport imports,
      WorkspaceAccess access,
      Geography geography) {
    this.register = register;
    this.imports = imports;
    this.access = access;
    this.geography = geography;
  }

  /** A column of the file, as the import page describes it. */
  record Column(String name, String description) {}

  @GetMapping("/workspaces/{icbCode}/anchors/commitments/import")
  String importForm(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return form(icb, model, null);
  }

  @PostMapping("/workspaces/{icbCode}/anchors/commitments/import")
  String importFile(
      @PathVariable String icbCode,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(
          icb,
          model,
          new TableRefused(
              "the file",
              List.of(
                  new org.fourthpurpose.anchor.register.TableFile.FileProblem(
                      0, null, "was not chosen or is empty: choose a file")),
              1));
    }
    try {
      int added = imports.importFile(icb.code(), file.getOriginalFilename(), bytes(file));
      return "redirect:/workspaces/" + icb.code() + "/anchors/commitments?imported=" + added;
    } catch (TableRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, e);
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/commitments.csv")
  ResponseEntity<String> csv(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(icb, "csv"))
        .body(AnchorTables.csv(EXPORT_COLUMNS, rows(icb)));
  }

  @GetMapping("/workspaces/{icbCode}/anchors/commitments.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(icb, "xlsx"))
        .body(AnchorTables.xlsx("Commitments", EXPORT_COLUMNS, rows(icb)));
  }

  private List<List<Object>> rows(IntegratedCareBoard icb) {
    Map<Long, String> names =
        register.organisations(icb.code()).stream()
            .collect(Collectors.toMap(AnchorOrganisation::id, AnchorOrganisation::name));
    Map<Long, String> strategies =
        register.strategies(icb.code()).stream()
            .collect(Collectors.toMap(AnchorStrategy::id, AnchorStrategy::title));
    List<List<Object>> rows = new ArrayList<>();
    for (AnchorCommitment c : register.commitments(icb.code())) {
      List<Object> row = new ArrayList<>();
      row.add(c.id());
      row.add(c.organisationId());
      row.add(names.get(c.organisationId()));
      row.add(c.strategyId() == null ? null : strategies.get(c.strategyId()));
      row.add(c.pillar().code());
      row.add(c.promise());
      row.add(String.join(" ", c.themeCodes()));
      row.add(String.join(" ", c.indicatorCodes()));
      row.add(c.baseline());
      row.add(c.target());
      row.add(c.targetDate() == null ? null : c.targetDate().toString());
      row.add(c.measure());
      row.add(c.metricCode());
      row.add(c.owner());
      row.add(c.evidence());
      row.add(c.status().code());
      rows.add(row);
    }
    return rows;
  }

  private String form(IntegratedCareBoard icb, Model model, TableRefused refused) {
    model.addAttribute("icb", icb);
    model.addAttribute("heading", "Import commitments");
    model.addAttribute("action", "/workspaces/" + icb.code() + "/anchors/commitments/import");
    model.addAttribute("back", "/workspaces/" + icb.code() + "/anchors/commitments");
    model.addAttribute("backText", "Strategies and commitments");
    model.addAttribute(
        "columns",
        List.of(
            new Column(
                "organisation",
                "The organisation: one of its identifiers (such as its ODS code) or its exact"
                    + " name. Or give its register id in organisation_id instead."),
            new Column(
                "pillar",
                "Required. employment, procurement, estates, environment or partner-in-place."),
            new Column("promise", "Required. What exactly is promised, up to 4,000 characters."),
            new Column("strategy", "The title of one of the organisation's strategies."),
            new Column(
                "themes",
                "Step 1 theme codes separated by spaces or semicolons, such as employment;"
                    + " income."),
            new Column(
                "indicators",
                "Indicator codes of the catalogue or your local indicators, such as"
                    + " employment-rate."),
            new Column("baseline", "Where things stood, up to 500 characters."),
            new Column("target", "What is aimed for, up to 500 characters."),
            new Column("target_date", "2027-03-31 or 31/03/2027."),
            new Column("measure", "How progress is measured, in words."),
            new Column("metric_code", "A standard reporting metric's code, such as NT1."),
            new Column("owner", "Who answers for it."),
            new Column("evidence", "What shows progress."),
            new Column("status", "planned (if empty), under-way, achieved or lapsed.")));
    model.addAttribute("refused", refused);
    model.addAttribute(
        "errors",
        refused == null
            ? List.of()
            : List.of(
                new FieldProblem(
                    "file",
                    refused.file()
                        + " was not imported: "
                        + refused.found()
                        + (refused.found() == 1 ? " problem" : " problems")
                        + ". Nothing was stored.")));
    return "anchor/register/import";
  }

  private static String attachment(IntegratedCareBoard icb, String extension) {
    return ContentDisposition.attachment()
        .filename("anchor-commitments-" + icb.code() + "." + extension)
        .build()
        .toString();
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
