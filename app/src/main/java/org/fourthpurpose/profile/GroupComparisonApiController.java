package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.peergroup.GroupJson;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A saved group's member-by-member comparison through the API (public once published). */
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

  record IndicatorJson(
      String indicatorId,
      String themeCode,
      String period,
      Double groupValue,
      String groupMethod,
      Double englandValue,
      List<CellJson> members) {}

  record ComparisonJson(GroupJson group, List<IndicatorJson> indicators) {}

  @GetMapping(value = "/api/v1/groups/{id}", produces = "application/json")
  ComparisonJson comparison(@PathVariable long id) {
    PeerGroup group =
        peers
            .visibleGroup(id)
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
