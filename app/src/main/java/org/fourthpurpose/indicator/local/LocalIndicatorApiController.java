package org.fourthpurpose.indicator.local;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's local indicator definitions through the API: viewers list and read them, editors
 * define, change and delete them, with the same checks as the pages (a 400 problem naming the field
 * at fault).
 */
@Tag(name = "Local indicators", description = "Indicators an ICS workspace defines for itself")
@NeedsReferenceData("indicators")
@RestController
class LocalIndicatorApiController {

  private final LocalIndicators locals;
  private final WorkspaceAccess access;
  private final Geography geography;

  LocalIndicatorApiController(LocalIndicators locals, WorkspaceAccess access, Geography geography) {
    this.locals = locals;
    this.access = access;
    this.geography = geography;
  }

  /** A local indicator as the API gives it. */
  record DefinitionJson(
      String id,
      String title,
      String definition,
      String unit,
      String valueType,
      String polarity,
      String intervalMethod,
      String themeCode,
      String source,
      String licence,
      List<String> areaTypes,
      boolean published,
      boolean local,
      long values,
      String createdBy,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt) {

    static DefinitionJson of(LocalIndicator l) {
      Indicator i = l.indicator();
      return new DefinitionJson(
          i.id(),
          i.title(),
          i.definition(),
          i.unit(),
          i.valueType().name(),
          i.polarity().name(),
          i.intervalMethod().name(),
          i.themeCode(),
          i.source(),
          i.licence(),
          i.geographyLevels().stream().map(Enum::name).toList(),
          l.published(),
          true,
          l.values(),
          l.createdBy(),
          l.createdAt(),
          l.updatedBy(),
          l.updatedAt());
    }
  }

  private static final String BODY =
      " Body: id (local- then lower-case letters, digits and hyphens; fixed once defined), title,"
          + " definition, unit (for a PROPORTION, starting with % for 0 to 100 or saying 0 to 1),"
          + " valueType (PROPORTION, RATE, MEAN, SCORE, COUNT or RATIO), polarity"
          + " (HIGHER_IS_BETTER, LOWER_IS_BETTER or NEITHER), intervalMethod (PUBLISHED, WILSON,"
          + " BYARS, EXACT_POISSON, STUDENT_T or NONE), themeCode (a catalogue theme), source,"
          + " licence, areaTypes (ENGLAND, REGION, ICB, SUB_ICB, LAD) and published (shown on"
          + " the public profile). A field at fault answers 400 naming it.";

  @Operation(summary = "The workspace's local indicators, in the order they were defined")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/indicators/definitions",
      produces = "application/json")
  List<DefinitionJson> list(
      @Parameter(description = "The workspace's ICB code (ONS or ODS)", example = "E54000062")
          @PathVariable
          String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return locals.list(icb.code()).stream().map(DefinitionJson::of).toList();
  }

  @Operation(summary = "Defines a local indicator (editors)", description = "Answers 201." + BODY)
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/indicators/definitions",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<DefinitionJson> define(
      @PathVariable String icbCode, @RequestBody LocalIndicatorDefinition body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    try {
      LocalIndicator defined = locals.define(icb.code(), body);
      return ResponseEntity.created(
              URI.create(
                  "/api/v1/workspaces/" + icb.code() + "/indicators/definitions/" + defined.id()))
          .body(DefinitionJson.of(defined));
    } catch (DefinitionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "One local indicator of the workspace")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/indicators/definitions/{id}",
      produces = "application/json")
  DefinitionJson one(@PathVariable String icbCode, @PathVariable String id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return DefinitionJson.of(locals.find(icb.code(), id).orElseThrow(() -> notFound(id)));
  }

  @Operation(
      summary = "Changes a local indicator (editors)",
      description =
          "The id stays (an id in the body must match the path's). The kind of number, and an area"
              + " type the workspace has values for, cannot change while it has values."
              + BODY)
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/indicators/definitions/{id}",
      consumes = "application/json",
      produces = "application/json")
  DefinitionJson update(
      @PathVariable String icbCode,
      @PathVariable String id,
      @RequestBody LocalIndicatorDefinition body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (body.id() != null && !body.id().isBlank() && !body.id().strip().equals(id)) {
      throw new InvalidInputException(
          "id", body.id(), "id: a local indicator's id cannot change (the path says " + id + ")");
    }
    try {
      return DefinitionJson.of(
          locals.update(icb.code(), id, body.withId(id)).orElseThrow(() -> notFound(id)));
    } catch (DefinitionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(
      summary = "Deletes a local indicator (editors)",
      description =
          "Answers 204. While the workspace has values for it, answers 409 unless deleteValues is"
              + " true, which deletes its values with it.")
  @DeleteMapping("/api/v1/workspaces/{icbCode}/indicators/definitions/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String icbCode,
      @PathVariable String id,
      @Parameter(description = "Delete the workspace's values of the indicator with it")
          @RequestParam(defaultValue = "false")
          boolean deleteValues) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!locals.delete(icb.code(), id, deleteValues)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("id", id, "This workspace has no local indicator " + id);
  }
}
