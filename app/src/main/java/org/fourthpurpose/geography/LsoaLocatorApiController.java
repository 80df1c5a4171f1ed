package org.fourthpurpose.geography;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The LSOA of a latitude and longitude, through the API. */
@Tag(name = "Areas", description = "England's integrated care boards and their places")
@NeedsReferenceData("lsoa-boundaries")
@RestController
class LsoaLocatorApiController {

  private final LsoaLocator locator;
  private final Geography geography;

  LsoaLocatorApiController(LsoaLocator locator, Geography geography) {
    this.locator = locator;
    this.geography = geography;
  }

  /** Where a point is: its LSOA and the places that LSOA is in, or why it has none. */
  record PlacementJson(
      double latitude,
      double longitude,
      boolean placed,
      String lsoaCode,
      String lsoaName,
      String ladCode,
      String icbCode,
      int metresOutside,
      String reason) {}

  @Operation(
      summary = "The 2021 LSOA a latitude and longitude (WGS84) falls in",
      description =
          "By point-in-polygon against the ONS super-generalised LSOA boundaries. A point on a"
              + " border between two LSOAs goes to the one east of it (north of it on an east-west"
              + " border). A point outside every boundary but within "
              + LsoaLocator.TOLERANCE_METRES
              + " m of one (a generalised coast) is placed in the nearest, with metresOutside;"
              + " further out, placed is false with the reason. Answers 503 while the boundaries"
              + " load after a first start.")
  @GetMapping(value = "/api/v1/lsoas/at", produces = "application/json")
  PlacementJson at(
      @Parameter(description = "Latitude in degrees (WGS84)", example = "51.519593") @RequestParam
          double latitude,
      @Parameter(description = "Longitude in degrees (WGS84)", example = "-0.09624") @RequestParam
          double longitude) {
    LsoaPlacement placement = locator.place(latitude, longitude);
    if (!placement.placed()) {
      return new PlacementJson(
          latitude,
          longitude,
          false,
          null,
          null,
          null,
          null,
          0,
          latitude + ", " + longitude + " " + placement.unplaced().sentence());
    }
    Lsoa lsoa = geography.lsoa(placement.lsoaCode()).orElse(null);
    return new PlacementJson(
        latitude,
        longitude,
        true,
        placement.lsoaCode(),
        lsoa == null ? null : lsoa.name(),
        lsoa == null ? null : lsoa.ladCode(),
        lsoa == null ? null : lsoa.icbCode(),
        placement.metresOutside(),
        null);
  }
}
