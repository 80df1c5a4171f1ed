package org.fourthpurpose.equity.waitinglist;

import java.util.List;
import java.util.Optional;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A system's public equity page: the waiting-list tables it published, read and filtered by
 * breakdown (a GET form, so without JavaScript), with what the figures mean, what data they come
 * from and how it is protected, in plain words. Not found until the system publishes an analysis.
 */
@NeedsReferenceData({"geography", "deprivation"})
@Controller
class PublicEquityController {

  static final String VIEW = "equity/published";

  private final EquityAnalyses analyses;
  private final Geography geography;

  PublicEquityController(EquityAnalyses analyses, Geography geography) {
    this.analyses = analyses;
    this.geography = geography;
  }

  @GetMapping("/ics/{code}/equity")
  String page(
      @PathVariable String code,
      @RequestParam(required = false) String breakdown,
      @RequestParam(required = false) Long analysis,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    List<EquityAnalysis> published = analyses.published(icb.code());
    EquityAnalysis chosen = chosen(icb, published, analysis);
    Optional<EquityAnalysis> previous = analyses.previous(chosen, true);
    model.addAttribute("icb", icb);
    model.addAttribute("a", chosen);
    model.addAttribute("published", published);
    model.addAttribute("previous", previous.orElse(null));
    model.addAttribute(
        "view",
        ResultView.of(
            analyses.tables(chosen.id()),
            analyses.measures(chosen.id()),
            analyses.findings(chosen.id()),
            breakdown == null ? EquityTable.IMD_QUINTILE.slug() : breakdown,
            previous.map(p -> analyses.tables(p.id())),
            previous.map(p -> p.censusDate().toString()).orElse(null)));
    return VIEW;
  }

  @GetMapping("/ics/{code}/equity/tables.csv")
  ResponseEntity<String> csv(
      @PathVariable String code, @RequestParam(required = false) Long analysis) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    EquityAnalysis chosen = chosen(icb, analyses.published(icb.code()), analysis);
    return EquityDownloads.csv(chosen, analyses.tables(chosen.id()));
  }

  private static EquityAnalysis chosen(
      IntegratedCareBoard icb, List<EquityAnalysis> published, Long analysis) {
    if (published.isEmpty()) {
      throw new NotFoundException(
          icb.shortName() + " has not published a waiting-list equity analysis");
    }
    if (analysis == null) {
      return published.get(0);
    }
    return published.stream()
        .filter(a -> a.id() == analysis)
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "analysis",
                    Long.toString(analysis),
                    icb.shortName() + " has published no analysis " + analysis));
  }
}
