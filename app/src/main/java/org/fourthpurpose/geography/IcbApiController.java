package org.fourthpurpose.geography;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The 42 ICBs and their places, as JSON or CSV. */
@Tag(name = "Areas", description = "England's integrated care boards and their places")
@RestController
@RequestMapping("/api/v1")
class IcbApiController {

  private final Geography geography;

  IcbApiController(Geography geography) {
    this.geography = geography;
  }

  /** One ICB as listed by {@code GET /api/v1/icbs}. */
  record IcbJson(String code, String odsCode, String name, long population) {
    static IcbJson of(IntegratedCareBoard icb) {
      return new IcbJson(icb.code(), icb.odsCode(), icb.name(), icb.population());
    }
  }

  /** One ICB in detail. */
  record IcbDetailJson(
      String code,
      String odsCode,
      String name,
      String shortName,
      long population,
      Region region,
      List<SubIcbLocation> subIcbLocations,
      List<LadIcbPart> localAuthorityDistricts) {}

  @Operation(summary = "The 42 integrated care boards, one object per ICB")
  @GetMapping(value = "/icbs", produces = "application/json")
  List<IcbJson> icbs() {
    return geography.icbs().stream().map(IcbJson::of).toList();
  }

  @GetMapping(value = "/icbs", produces = "text/csv")
  ResponseEntity<String> icbsCsv() {
    CsvText csv = new CsvText().row("code", "odsCode", "name", "population");
    geography.icbs().forEach(i -> csv.row(i.code(), i.odsCode(), i.name(), i.population()));
    return Downloads.csv(csv, "icbs.csv");
  }

  @Operation(summary = "One ICB with its region, sub-ICB locations and district parts")
  @GetMapping(value = "/icbs/{code}", produces = "application/json")
  IcbDetailJson icb(
      @Parameter(description = "ONS code (E54…) or ODS code") @PathVariable String code) {
    IntegratedCareBoard icb =
        geography
            .icb(code)
            .orElseThrow(() -> new NotFoundException("There is no ICB with code " + code));
    return new IcbDetailJson(
        icb.code(),
        icb.odsCode(),
        icb.name(),
        icb.shortName(),
        icb.population(),
        geography.region(icb.regionCode()).orElse(null),
        geography.subIcbsOf(icb.code()),
        geography.ladPartsOf(icb.code()));
  }
}
