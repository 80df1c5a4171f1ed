package org.fourthpurpose.anchor.register;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorOrganisation;
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
 * Organisations in and out of the register as files: the import page and its API (editors; CSV or
 * an Excel workbook, all or nothing) and the downloads (viewers; CSV and Excel, formulas defused).
 */
@NeedsReferenceData("anchor-seed")
@Controller
class OrganisationTransferController {

  static final String IMPORT_VIEW = "anchor/register/import";
  static final List<String> EXPORT_COLUMNS =
      List.of(
          "id",
          "name",
          "type",
          "ods",
          "gss",
          "ukprn",
          "charity",
          "company",
          "staff",
          "annual_non_pay_spend",
          "places",
          "contact_owner",
          "activity_share",
          "latitude",
          "longitude",
          "seeded");

  private final Organisations organisations;
  private final OrganisationImport imports;
  private final WorkspaceAccess access;
  private final Geography geography;

  OrganisationTransferController(
      Organisations organisations,
      OrganisationImport imports,
      WorkspaceAccess access,
      Geography geography) {
    this.organisations = organisations;
    this.imports = imports;
    this.access = access;
    this.geography = geography;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations/import")
  String importForm(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return form(icb, model, null);
  }

  @PostMapping("/workspaces/{icbCode}/anchors/organisations/import")
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
          TableRefused.of("the file", 0, null, "was not chosen or is empty: choose a file"));
    }
    try {
      int added = imports.importFile(icb.code(), file.getOriginalFilename(), bytes(file));
      return "redirect:/workspaces/" + icb.code() + "/anchors/organisations?imported=" + added;
    } catch (TableRefused e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(icb, model, e);
    } catch (OrganisationProblems e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return form(icb, model, TableRefused.of(file.getOriginalFilename(), 0, null, e.getMessage()));
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations.csv")
  ResponseEntity<String> csv(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(icb, "csv"))
        .body(AnchorTables.csv(EXPORT_COLUMNS, rows(icb)));
  }

  @GetMapping("/workspaces/{icbCode}/anchors/organisations.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(icb, "xlsx"))
        .body(AnchorTables.xlsx("Organisations", EXPORT_COLUMNS, rows(icb)));
  }

  private List<List<Object>> rows(IntegratedCareBoard icb) {
    List<List<Object>> rows = new ArrayList<>();
    for (Organisations.Located l : organisations.located(icb.code())) {
      AnchorOrganisation o = l.organisation();
      Map<String, String> ids = o.identifiers();
      List<Object> row = new ArrayList<>();
      row.add(o.id());
      row.add(o.name());
      row.add(o.type().code());
      row.add(ids.get("ods"));
      row.add(ids.get("gss"));
      row.add(ids.get("ukprn"));
      row.add(ids.get("charity"));
      row.add(ids.get("company"));
      row.add(o.staff());
      row.add(o.annualNonPaySpend());
      row.add(String.join(" ", o.places()));
      row.add(o.contactOwner());
      row.add(o.activityShare());
      row.add(l.latitude());
      row.add(l.longitude());
      row.add(o.seeded());
      rows.add(row);
    }
    return rows;
  }

  private String form(IntegratedCareBoard icb, Model model, TableRefused refused) {
    model.addAttribute("icb", icb);
    model.addAttribute("heading", "Import organisations");
    model.addAttribute("action", "/workspaces/" + icb.code() + "/anchors/organisations/import");
    model.addAttribute("back", "/workspaces/" + icb.code() + "/anchors/organisations");
    model.addAttribute("backText", "Organisations");
    model.addAttribute(
        "columns",
        List.of(
            new Column("name", "Required. The organisation's name, up to 200 characters."),
            new Column(
                "type",
                "Required. icb, nhs-trust, primary-care, local-authority, combined-authority,"
                    + " university, fe-college, vcse, housing-association, employer, police-fire"
                    + " or other."),
            new Column("ods", Identifiers.ODS.rule() + "."),
            new Column("gss", Identifiers.GSS.rule() + "."),
            new Column("ukprn", Identifiers.UKPRN.rule() + "."),
            new Column("charity", Identifiers.CHARITY.rule() + "."),
            new Column("company", Identifiers.COMPANY.rule() + "."),
            new Column("staff", "Headcount, a whole number."),
            new Column("annual_non_pay_spend", "Pounds a year, such as 125000000."),
            new Column(
                "places",
                "The district codes of the system it serves, separated by spaces or semicolons."),
            new Column("contact_owner", "Who in the partnership keeps in touch with it."),
            new Column(
                "activity_share",
                "For an NHS trust, the share of its patients from this system, 0 to 1.")));
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
    return IMPORT_VIEW;
  }

  /** A column of the file, as the import page describes it. */
  record Column(String name, String description) {}

  private static String attachment(IntegratedCareBoard icb, String extension) {
    return ContentDisposition.attachment()
        .filename("anchor-organisations-" + icb.code() + "." + extension)
        .build()
        .toString();
  }

  static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
