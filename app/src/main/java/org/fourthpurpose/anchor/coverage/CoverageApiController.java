package org.fourthpurpose.anchor.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A workspace's coverage against need through the API (viewers and above). */
@Tag(name = "Anchor institutions", description = "Anchor registers, commitments and coverage")
@NeedsReferenceData("indicators")
@RestController
class CoverageApiController {

  private final Coverages coverages;
  private final WorkspaceAccess access;
  private final Geography geography;

  CoverageApiController(Coverages coverages, WorkspaceAccess access, Geography geography) {
    this.coverages = coverages;
    this.access = access;
    this.geography = geography;
  }

  @Operation(
      summary = "Coverage of the system's need by its anchor commitments",
      description =
          "Each Step 1 theme and indicator: whether the system is significantly worse than England"
              + " or the comparator, the organisations committed to it under each pillar, and the"
              + " finding (gap, joint-focus, covered or none); each organisation of the register"
              + " with whether it has an anchor strategy; and the findings in sentences, as on the"
              + " page.")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/coverage",
      produces = "application/json")
  CoverageJson coverage(
      @Parameter(description = "The workspace's ICB code (ONS or ODS)", example = "E54000062")
          @PathVariable
          String icbCode,
      @Parameter(
              description =
                  "What besides England need is judged against: " + NeedsLookup.COMPARATORS)
          @RequestParam(required = false)
          String comparator) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return CoverageJson.of(coverages.coverage(icb.code(), NeedsLookup.comparator(comparator)));
  }
}
