package org.fourthpurpose.indicator;

import java.util.List;
import java.util.Locale;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidParameterException;
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
 * Saved groups of systems through the API: a workspace's groups (token with a role there), and a
 * group's member-by-member comparison (public once published).
 */
@RestController
class PeerGroupApiController {

  private final PeerGroups peers;
  private final GroupComparisons comparisons;
  private final ProfileComparators comparators;
  private final WorkspaceAccess access;

  PeerGroupApiController(
      PeerGroups peers,
      GroupComparisons comparisons,
      ProfileComparators comparators,
      WorkspaceAccess access) {
    this.peers = peers;
    this.comparisons = comparisons;
    this.comparators = comparators;
    this.access = access;
  }

  record GroupJson(
      long id,
      String workspaceIcbCode,
      String name,
      String kind,
      String themeCode,
      String description,
      boolean published,
      List<String> members,
      String comparator) {
    static GroupJson of(PeerGroup g) {
      return new GroupJson(
          g.id(),
          g.workspaceIcbCode(),
          g.name(),
          g.kind().name().toLowerCase(Locale.ROOT),
          g.themeCode(),
          g.description(),
          g.published(),
          g.memberIcbCodes(),
          "group-" + g.id());
    }
  }

  record NewGroupJson(
      String name,
      String kind,
      String themeCode,
      String description,
      Boolean published,
      List<String> members) {}

  record CellJson(
      String areaCode,
      Double value,
      Double lower95,
      Double upper95,
      String comparisonWithEngland,
      String rank) {}

  record IndicatorJson(
      String indicatorId,
      String themeCode,
      String period,
      Double groupValue,
      String groupMethod,
      Double englandValue,
      List<CellJson> members) {}

  record ComparisonJson(GroupJson group, List<IndicatorJson> indicators) {}

  @GetMapping(value = "/api/v1/workspaces/{icbCode}/groups", produces = "application/json")
  List<GroupJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = comparators.icb(icbCode);
    access.requireView(icb.code());
    return peers.groups(icb.code()).stream().map(GroupJson::of).toList();
  }

  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/groups",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<GroupJson> create(@PathVariable String icbCode, @RequestBody NewGroupJson body) {
    IntegratedCareBoard icb = comparators.icb(icbCode);
    access.requireEdit(icb.code());
    PeerGroup.Kind kind = null;
    if (body.kind() != null) {
      try {
        kind = PeerGroup.Kind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("kind", "kind must be geographic or thematic");
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
    } catch (InvalidPeerGroupException e) {
      throw new InvalidParameterException(
          e.field(), e.getMessage().substring(e.getMessage().indexOf(':') + 2));
    }
  }

  @DeleteMapping("/api/v1/workspaces/{icbCode}/groups/{id}")
  ResponseEntity<Void> delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = comparators.icb(icbCode);
    access.requireEdit(icb.code());
    if (!peers.delete(icb.code(), id)) {
      throw new NotFoundException("This workspace has no group " + id);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping(value = "/api/v1/groups/{id}", produces = "application/json")
  ComparisonJson comparison(@PathVariable long id) {
    PeerGroup group =
        peers
            .group(id)
            .filter(comparators::canSee)
            .orElseThrow(() -> new NotFoundException("There is no group " + id + " you can see"));
    GroupComparison c = comparisons.compare(group);
    return new ComparisonJson(
        GroupJson.of(group),
        c.themes().stream()
            .flatMap(t -> t.rows().stream())
            .map(
                r ->
                    new IndicatorJson(
                        r.indicator().id(),
                        r.indicator().themeCode(),
                        r.period(),
                        r.groupValue(),
                        r.groupMethod(),
                        r.englandValue(),
                        r.cells().stream()
                            .map(
                                cell ->
                                    new CellJson(
                                        cell.areaCode(),
                                        cell.value(),
                                        cell.lower95(),
                                        cell.upper95(),
                                        cell.comparisonCode(),
                                        cell.rank()))
                            .toList()))
            .toList());
  }
}
