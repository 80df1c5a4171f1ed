package org.fourthpurpose.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.peergroup.GroupJson;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A saved group's member-by-member comparison through the API (public once published). */
@Tag(name = "Profiles")
@NeedsReferenceData({"indicators", "peer-groups"})
@RestController
class GroupComparisonApiController {

  private final PeerGroups peers;
  private final GroupComparisons comparisons;

  GroupComparisonApiController(PeerGroups peers, GroupComparisons comparisons) {
    this.peers = peers;
    this.comparisons = comparisons;
  }

  record CellJson(
      String areaCode,
      Double value,
      Double lower95,
      Double upper95,
      String comparisonWithEngland,
      String rank) {}

  @Schema(name = "GroupIndicatorJson")
  record IndicatorJson(
      String indicatorId,
      String themeCode,
      String period,
      Double groupValue,
      String groupMethod,
      Double englandValue,
      List<CellJson> members) {}

  record ComparisonJson(GroupJson group, List<IndicatorJson> indicators) {}

  @Operation(
      summary =
          "A saved group's members side by side for every indicator (published groups, or with a"
              + " token that can view the workspace that saved it)",
      description =
          "comparisonWithEngland is as in /api/v1/indicators/{id}/values: better, similar or worse"
              + " at 95%, or the member's quintile among the 42 where there are no intervals,"
              + " \"quintile 1 (best)\" … \"quintile 5 (worst)\", or \"quintile 1 (highest"
              + " values)\" … \"quintile 5 (lowest values)\" where the indicator has no better"
              + " direction.")
  @GetMapping(value = "/api/v1/groups/{groupId}", produces = "application/json")
  ComparisonJson comparison(@PathVariable long groupId) {
    PeerGroup group =
        peers
            .visibleGroup(groupId)
            .orElseThrow(
                () -> new NotFoundException("There is no group " + groupId + " you can see"));
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
