package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.Downloads;
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

  record ProfileJson(
      String icbCode,
      String odsCode,
      String name,
      ComparatorJson comparator,
      List<SentenceJson> summary,
      List<ProfileExport.ExportRow> indicators) {}

  private IcsProfile profile(String code, String comparator) {
    IntegratedCareBoard icb = comparators.icb(code);
    ComparatorChoice choice = ProfileComparators.parse(comparator);
    return profiles.profile(icb, choice, comparators.group(icb, choice));
  }

  @GetMapping(value = "/api/v1/icbs/{code}/profile", produces = "application/json")
  ProfileJson json(
      @PathVariable String code, @RequestParam(defaultValue = "england") String comparator) {
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
