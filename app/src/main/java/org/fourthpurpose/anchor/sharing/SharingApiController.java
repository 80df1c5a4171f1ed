package org.fourthpurpose.anchor.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What a workspace publishes of its anchor system, through the API. */
@Tag(name = "Anchor institutions", description = "Anchor registers, commitments and coverage")
@RestController
class SharingApiController {

  private final Publications publications;
  private final WorkspaceAccess access;
  private final Geography geography;

  SharingApiController(Publications publications, WorkspaceAccess access, Geography geography) {
    this.publications = publications;
    this.access = access;
    this.geography = geography;
  }

  /** The parts to publish; a missing one is not published. */
  record PublicationBody(Boolean register, Boolean commitments, Boolean system) {}

  @Operation(summary = "What the workspace publishes of its anchor system (viewers and above)")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/publication",
      produces = "application/json")
  Publication publication(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return publications.publication(icb.code());
  }

  @Operation(
      summary = "Sets what the workspace publishes of its anchor system (ICS administrators)",
      description =
          "Body: register, commitments and system (the connected system and its coverage"
              + " against need), each true or false; a missing one is false. Spend analyses are"
              + " published one by one at /api/v1/workspaces/{icbCode}/anchors/spend-analyses.")
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/anchors/publication",
      consumes = "application/json",
      produces = "application/json")
  Publication publish(@PathVariable String icbCode, @RequestBody PublicationBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    if (body == null) {
      throw new InvalidInputException("body", "must be a JSON object");
    }
    return publications.publish(
        icb.code(),
        Boolean.TRUE.equals(body.register()),
        Boolean.TRUE.equals(body.commitments()),
        Boolean.TRUE.equals(body.system()));
  }
}
