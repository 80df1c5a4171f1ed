package org.fourthpurpose.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ICS's profile through the API: the same figures as the profile page and its downloads, as JSON
 * or CSV, with no account (a saved group that is not published needs a token that can view the
 * workspace that saved it).
 */
@Tag(name = "Profiles", description = "ICS profiles and group comparisons")
@NeedsReferenceData({"indicators", "peer-groups"})
@RestController
class IcsProfileApiController {

  private final IcsProfiles profiles;
  private final ProfileComparators comparators;

  IcsProfileApiController(IcsProfiles profiles, ProfileComparators comparators) {
    this.profiles = profiles;
    this.comparators = comparators;
  }

  record ComparatorJson(String key, String label, String method, List<String> members) {}

  record SentenceJson(String kind, String text, List<String> indicatorIds) {}

  /** One point of the narrative summary, with what it was ranked on. */
  record PointJson(String indicatorId, String text, double distance, double reliability) {}

  /** One heading of the narrative summary. */
  record HeadingJson(String kind, String title, String leadIn, int found, List<PointJson> points) {}

  record ProfileJson(
      String icbCode,
      String odsCode,
      String name,
      ComparatorJson comparator,
      List<SentenceJson> summary,
      List<HeadingJson> narrative,
      List<ProfileExport.ExportRow> indicators) {}

  private IcsProfile profile(String code, String comparator) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    return profiles.profile(icb, choice, comparators.group(icb, choice));
  }

  @Operation(
      summary =
          "An ICS's indicator profile against England and a chosen comparator, with its summary"
              + " sentences and its narrative summary",
      description =
          "One row per public indicator with ICB values (latest period), then the system's own"
              + " local indicators with an ICB value (local true; every local indicator for members"
              + " of the system's workspace, only published ones for everyone else; compared with"
              + " England only where the workspace imported an England value, never by quintile)."
              + " source names where each indicator's data comes from. comparisonWithEngland is"
              + " as in /api/v1/indicators/{id}/values: better, similar or worse at 95%, or, where"
              + " there are no intervals, the quintile among the 42 numbered like rank, \"quintile 1"
              + " (best)\" … \"quintile 5 (worst)\" (\"quintile 1 (highest values)\" … \"quintile 5"
              + " (lowest values)\" without polarity); comparisonWithComparator is better, similar"
              + " or worse (higher, similar or lower without polarity) at 95% by Fingertips' method"
              + " against the comparator's value, and empty where the system has no interval."
              + " Comparators are combined from their member ICBs (the system itself left out for"
              + " neighbours and groups) as numerators over denominators where all have counts,"
              + " otherwise the average. rank is 1 for the best value among the ranked systems (the"
              + " highest without polarity). The CSV, like /ics/{code}/profile.csv and the Excel"
              + " workbook /ics/{code}/profile.xlsx, has the same columns as indicators[]. summary"
              + " lists every indicator behind each sentence; narrative keeps at most five points"
              + " per heading, ranked by distance (standard deviations of the 42 systems' values"
              + " from England or the comparator, or the trend test's z-score) times reliability"
              + " (halved for a wide interval, under 50 events, or data over three years older than"
              + " the profile's newest), newest edition only, nothing without a value.")
  @GetMapping(value = "/api/v1/icbs/{code}/profile", produces = "application/json")
  ProfileJson json(
      @Parameter(description = "ODS (QYG) or ONS (E54000008) code", example = "QYG") @PathVariable
          String code,
      @Parameter(
              description =
                  "england, region, neighbours or group-<id> (a published group with the system"
                      + " in it, or one your token's workspace saved)")
          @RequestParam(defaultValue = "england")
          String comparator) {
    IcsProfile p = profile(code, comparator);
    return new ProfileJson(
        p.icb().code(),
        p.icb().odsCode(),
        p.icb().shortName(),
        new ComparatorJson(
            p.comparator().key(),
            ProfileExport.label(p),
            p.comparatorMethod(),
            p.comparatorMembers().stream().map(IntegratedCareBoard::code).toList()),
        p.summary().stream()
            .map(
                s ->
                    new SentenceJson(
                        s.kind(),
                        s.text(),
                        s.indicators().stream().map(r -> r.indicator().id()).toList()))
            .toList(),
        p.narrative().stream()
            .map(
                h ->
                    new HeadingJson(
                        h.kind(),
                        h.title(),
                        h.leadIn(),
                        h.found(),
                        h.points().stream()
                            .map(
                                pt ->
                                    new PointJson(
                                        pt.row().indicator().id(),
                                        pt.text(),
                                        pt.distance(),
                                        pt.reliability()))
                            .toList()))
            .toList(),
        ProfileExport.exportRows(p));
  }

  @GetMapping(
      value = {"/api/v1/icbs/{code}/profile", "/api/v1/icbs/{code}/profile.csv"},
      produces = "text/csv")
  ResponseEntity<String> csv(
      @PathVariable String code, @RequestParam(defaultValue = "england") String comparator) {
    IcsProfile p = profile(code, comparator);
    return Downloads.csv(ProfileExport.csv(p), IcsProfileController.fileName(p, "csv"));
  }
}
