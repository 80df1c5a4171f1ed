package org.fourthpurpose.peergroup;

import java.util.List;
import java.util.Locale;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
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

  @GetMapping(value = "/api/v1/workspaces/{icbCode}/groups", produces = "application/json")
  List<GroupJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return peers.groups(icb.code()).stream().map(GroupJson::of).toList();
  }

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

  @DeleteMapping("/api/v1/workspaces/{icbCode}/groups/{id}")
  ResponseEntity<Void> delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!peers.delete(icb.code(), id)) {
      throw new NotFoundException("This workspace has no group " + id);
    }
    return ResponseEntity.noContent().build();
  }
}
