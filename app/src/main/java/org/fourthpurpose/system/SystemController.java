package org.fourthpurpose.system;

import java.util.List;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.deprivation.Domain;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page, an overview page per ICS, and the England table. */
@Controller
class SystemController {

  static final String HOME = "system/home";
  static final String OVERVIEW = "system/overview";
  static final String ENGLAND = "system/england";
  static final String NEIGHBOURHOODS = "system/neighbourhoods";

  private final SystemPages pages;
  private final Geography geography;
  private final NeighbourhoodMaps neighbourhoodMaps;

  SystemController(SystemPages pages, Geography geography, NeighbourhoodMaps neighbourhoodMaps) {
    this.pages = pages;
    this.geography = geography;
    this.neighbourhoodMaps = neighbourhoodMaps;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("home", pages.home());
    model.addAttribute("core20", DeprivationScales.CORE20);
    return HOME;
  }

  @GetMapping("/ics")
  String chooseSystem(@RequestParam(required = false) String code) {
    if (code == null || code.isBlank()) {
      return "redirect:/";
    }
    return "redirect:/ics/" + code;
  }

  @GetMapping("/ics/{code}")
  String overview(
      @PathVariable String code, @RequestParam(defaultValue = "imd") String map, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    model.addAttribute("o", pages.overview(icb));
    model.addAttribute("core20", DeprivationScales.CORE20);
    model.addAttribute("decileScale", DeprivationScales.DECILES);
    model.addAttribute("neighbourhoodMap", neighbourhoodMaps.of(icb, map));
    model.addAttribute("mapLayers", NeighbourhoodMaps.LAYERS);
    return OVERVIEW;
  }

  /** Every neighbourhood of a system in a table: too many for the overview, which counts them. */
  @GetMapping("/ics/{code}/neighbourhoods")
  String neighbourhoods(
      @PathVariable String code, @RequestParam(defaultValue = "imd") String map, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    model.addAttribute("icb", icb);
    model.addAttribute("neighbourhoodMap", neighbourhoodMaps.of(icb, map));
    model.addAttribute("mapLayers", NeighbourhoodMaps.LAYERS);
    return NEIGHBOURHOODS;
  }

  @GetMapping("/england")
  String england(
      @RequestParam(defaultValue = "imd") String domain,
      @RequestParam(defaultValue = "iod2025") String edition,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "asc") String direction,
      Model model) {
    Edition chosenEdition = edition(edition);
    Domain chosenDomain = domain(domain);
    String column = EnglandSort.COLUMNS.contains(sort) ? sort : "name";
    boolean descending = direction.equals("desc");
    model.addAttribute("rows", pages.england(chosenEdition, chosenDomain, column, descending));
    model.addAttribute("domain", chosenDomain);
    model.addAttribute("domains", Domain.values());
    model.addAttribute("edition", chosenEdition);
    model.addAttribute("editions", Edition.values());
    model.addAttribute("sort", column);
    model.addAttribute("descending", descending);
    return ENGLAND;
  }

  @GetMapping("/england.csv")
  ResponseEntity<String> englandCsv(
      @RequestParam(defaultValue = "imd") String domain,
      @RequestParam(defaultValue = "iod2025") String edition) {
    Edition chosenEdition = edition(edition);
    Domain chosenDomain = domain(domain);
    CsvText csv =
        new CsvText()
            .row(
                "icbCode",
                "odsCode",
                "name",
                "region",
                "population",
                "domain",
                "averageScore",
                "rankOfAverageScore",
                "averageRank",
                "rankOfAverageRank",
                "proportionMostDeprived10",
                "rankOfProportionMostDeprived10",
                "extent",
                "rankOfExtent",
                "localConcentration",
                "rankOfLocalConcentration",
                "core20Share");
    for (SystemPages.EnglandRow r : pages.england(chosenEdition, chosenDomain, "name", false)) {
      var m = r.summary().measures();
      csv.row(
          r.icb().code(),
          r.icb().odsCode(),
          r.icb().name(),
          r.regionName(),
          r.icb().population(),
          chosenDomain.apiName(),
          m.averageScore(),
          r.summary().rankOfAverageScore(),
          m.averageRank(),
          r.summary().rankOfAverageRank(),
          m.proportionMostDeprived10(),
          r.summary().rankOfProportionMostDeprived10(),
          m.extent(),
          r.summary().rankOfExtent(),
          m.localConcentration(),
          r.summary().rankOfLocalConcentration(),
          r.core20Share());
    }
    return Downloads.csv(
        csv, "england-icbs-" + chosenEdition.apiName() + "-" + chosenDomain.apiName() + ".csv");
  }

  private static Edition edition(String name) {
    Edition edition = Edition.fromApiName(name);
    if (edition == null) {
      throw InvalidInputException.parameter("edition", "Choose an edition: iod2025 or imd2019");
    }
    return edition;
  }

  private static Domain domain(String name) {
    Domain domain = Domain.fromApiName(name);
    if (domain == null) {
      throw InvalidInputException.parameter(
          "domain", "Choose a domain of deprivation from the list");
    }
    return domain;
  }

  static List<String> sortColumns() {
    return EnglandSort.COLUMNS;
  }
}
