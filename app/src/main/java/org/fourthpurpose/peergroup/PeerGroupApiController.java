package org.fourthpurpose.peergroup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved groups of systems through the API: a workspace's groups (token with a role there). A
 * group's member-by-member comparison is the profile feature's.
 */
@Tag(
    name = "Peer groups",
    description = "Groups of systems a workspace saves to compare itself with")
@NeedsReferenceData("peer-groups")
@RestController
class PeerGroupApiController {

  private final PeerGroups peers;
  private final Geography geography;
  private final WorkspaceAccess access;

  PeerGroupApiController(PeerGroups peers, Geography geography, WorkspaceAccess access) {
    this.peers = peers;
    this.geography = geography;
    this.access = access;
  }

  record NewGroupJson(
      String name,
      String kind,
      String themeCode,
      String description,
      Boolean published,
      List<String> members) {}

  @Operation(summary = "The groups a workspace has saved (viewer role)")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/groups", produces = "application/json")
  List<GroupJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return peers.groups(icb.code()).stream().map(GroupJson::of).toList();
  }

  @Operation(
      summary = "Saves a group of systems in a workspace (editor role)",
      description =
          "name (up to 200 characters), kind (geographic or thematic) and members (two or more ICB"
              + " codes, ONS or ODS) are required; themeCode is required for a thematic group;"
              + " published defaults to false.")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/groups",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<GroupJson> create(@PathVariable String icbCode, @RequestBody NewGroupJson body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    PeerGroup.Kind kind = null;
    if (body.kind() != null) {
      try {
        kind = PeerGroup.Kind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.parameter("kind", "kind must be geographic or thematic");
      }
    }
    try {
      PeerGroup group =
          peers.create(
              icb.code(),
              body.name(),
              kind,
              body.themeCode(),
              body.description(),
              Boolean.TRUE.equals(body.published()),
              body.members());
      return ResponseEntity.status(HttpStatus.CREATED).body(GroupJson.of(group));
    } catch (InvalidInputException e) {
      throw InvalidInputException.parameter(e.field(), e.getMessage());
    }
  }

  @Operation(summary = "Deletes a saved group (editor role)")
  @DeleteMapping("/api/v1/workspaces/{icbCode}/groups/{groupId}")
  ResponseEntity<Void> delete(@PathVariable String icbCode, @PathVariable long groupId) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!peers.delete(icb.code(), groupId)) {
      throw new NotFoundException("This workspace has no group " + groupId);
    }
    return ResponseEntity.noContent().build();
  }
}
