package org.fourthpurpose.anchor.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's anchor register through the API: viewers list and read its organisations, editors
 * add, change and remove them, with the same checks as the pages (a 400 problem naming the field at
 * fault). The first read seeds the register from the shipped data.
 */
@Tag(name = "Anchor institutions", description = "The organisations of an ICS's anchor register")
@NeedsReferenceData("anchor-seed")
@RestController
class OrganisationApiController {

  private final Organisations organisations;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final OrganisationImport imports;

  OrganisationApiController(
      Organisations organisations,
      OrganisationImport imports,
      WorkspaceAccess access,
      Geography geography) {
    this.organisations = organisations;
    this.imports = imports;
    this.access = access;
    this.geography = geography;
  }

  /**
   * An organisation as the API gives it.
   *
   * @param type {@code icb}, {@code nhs-trust}, {@code local-authority}, …
   * @param identifiers by key ({@code ods}, {@code gss}, {@code ukprn}, {@code charity}, {@code
   *     company}), only those it has
   */
  record OrganisationJson(
      long id,
      String name,
      String type,
      Map<String, String> identifiers,
      Integer staff,
      BigDecimal annualNonPaySpend,
      List<String> places,
      String contactOwner,
      BigDecimal activityShare,
      Double latitude,
      Double longitude,
      boolean seeded) {

    static OrganisationJson of(AnchorOrganisation o, Double latitude, Double longitude) {
      return new OrganisationJson(
          o.id(),
          o.name(),
          o.type().code(),
          o.identifiers(),
          o.staff(),
          o.annualNonPaySpend(),
          o.places(),
          o.contactOwner(),
          o.activityShare(),
          latitude,
          longitude,
          o.seeded());
    }
  }

  /** An organisation as an editor sends it. */
  record OrganisationBody(
      String name,
      String type,
      Map<String, String> identifiers,
      String staff,
      String annualNonPaySpend,
      List<String> places,
      String contactOwner,
      String activityShare) {

    OrganisationDraft draft() {
      Map<String, String> ids = identifiers == null ? Map.of() : identifiers;
      for (String key : ids.keySet()) {
        if (Identifiers.byKey(key).isEmpty()) {
          throw new org.fourthpurpose.web.InvalidInputException(
              "identifiers",
              key,
              "identifiers: '"
                  + CheckedOrganisation.shorten(key)
                  + "' is not an identifier: use ods, gss, ukprn, charity or company");
        }
      }
      return new OrganisationDraft(
          name,
          type,
          ids.get("ods"),
          ids.get("gss"),
          ids.get("ukprn"),
          ids.get("charity"),
          ids.get("company"),
          staff,
          annualNonPaySpend,
          places == null ? "" : String.join(" ", places),
          contactOwner,
          activityShare);
    }
  }

  private static final String BODY =
      " Body: name, type (icb, nhs-trust, primary-care, local-authority, combined-authority,"
          + " university, fe-college, vcse, housing-association, employer, police-fire or other),"
          + " identifiers (an object with any of ods, gss, ukprn, charity and company), staff,"
          + " annualNonPaySpend (pounds), places (district codes of the system's footprint),"
          + " contactOwner and activityShare (0 to 1). A field at fault, or an identifier already"
          + " in the register, answers 400 naming it.";

  @Operation(
      summary = "The organisations of the workspace's anchor register, by name",
      description =
          "Seeded on first use with the ICB, the NHS trusts that draw at least 5% of their"
              + " patients from the system (activityShare is that share, 0 to 1), and the"
              + " councils of the footprint.")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/organisations",
      produces = "application/json")
  List<OrganisationJson> list(
      @Parameter(description = "The workspace's ICB code (ONS or ODS)", example = "E54000008")
          @PathVariable
          String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return organisations.located(icb.code()).stream()
        .map(l -> OrganisationJson.of(l.organisation(), l.latitude(), l.longitude()))
        .toList();
  }

  @Operation(summary = "One organisation of the workspace's anchor register")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/organisations/{id}",
      produces = "application/json")
  OrganisationJson one(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return json(icb.code(), id);
  }

  @Operation(summary = "Adds an organisation (editors)", description = "Answers 201." + BODY)
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/organisations",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<OrganisationJson> add(
      @PathVariable String icbCode, @RequestBody OrganisationBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    try {
      AnchorOrganisation added = organisations.add(icb.code(), body.draft());
      return ResponseEntity.created(
              URI.create(
                  "/api/v1/workspaces/" + icb.code() + "/anchors/organisations/" + added.id()))
          .body(json(icb.code(), added.id()));
    } catch (OrganisationProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(
      summary = "Changes an organisation (editors)",
      description = "Replaces every field; its point and whether it was seeded stay." + BODY)
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/organisations/{id}",
      consumes = "application/json",
      produces = "application/json")
  OrganisationJson update(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody OrganisationBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    try {
      organisations.update(icb.code(), id, body.draft()).orElseThrow(() -> notFound(id));
      return json(icb.code(), id);
    } catch (OrganisationProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(
      summary = "Removes an organisation (editors)",
      description = "Answers 204; its strategies, commitments and progression levels go with it.")
  @DeleteMapping("/api/v1/workspaces/{icbCode}/anchors/organisations/{id}")
  ResponseEntity<Void> remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!organisations.remove(icb.code(), id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  /** How many organisations a file added. */
  record Imported(int added) {}

  @Operation(
      summary = "Imports organisations from a CSV body (editors)",
      description =
          "All or nothing. Columns: name and type (required), ods, gss, ukprn, charity, company,"
              + " staff, annual_non_pay_spend, places (district codes separated by spaces or"
              + " semicolons), contact_owner, activity_share; id, latitude, longitude and seeded"
              + " (from the export) are ignored. An identifier already in the register or twice"
              + " in the file refuses the file. Answers 201 with the number added, or 400 with"
              + " every problem by line and column.")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/organisations/imports",
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
          imports.importFile(icb.code(), fileName == null ? "organisations.csv" : fileName, body);
      return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(added));
    } catch (TableRefused e) {
      throw e.asInvalidInput();
    } catch (OrganisationProblems e) {
      throw e.asInvalidInput();
    }
  }

  private OrganisationJson json(String icbCode, long id) {
    return organisations.located(icbCode).stream()
        .filter(l -> l.organisation().id() == id)
        .findFirst()
        .map(l -> OrganisationJson.of(l.organisation(), l.latitude(), l.longitude()))
        .orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException(
        "id", String.valueOf(id), "This workspace's register has no organisation " + id);
  }
}
