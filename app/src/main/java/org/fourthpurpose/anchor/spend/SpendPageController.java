package org.fourthpurpose.anchor.spend;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LsoaLocator;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A workspace's spend analyses: the list with the upload form (editors), each analysis with its
 * chart and tables, the lines that could not be placed and a CSV of its aggregates; publishing and
 * deleting (editors). The public page shows a system's published aggregates only.
 */
@NeedsReferenceData({"geography", "deprivation", "lsoa-boundaries"})
@Controller
class SpendPageController {

  static final String LIST_VIEW = "anchor/spend/analyses";
  static final String ANALYSIS_VIEW = "anchor/spend/analysis";
  static final String PUBLIC_VIEW = "anchor/spend/published";

  private final SpendAnalyses analyses;
  private final AnchorRegister register;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final Clock clock;

  SpendPageController(
      SpendAnalyses analyses,
      AnchorRegister register,
      WorkspaceAccess access,
      Geography geography,
      Clock clock) {
    this.analyses = analyses;
    this.register = register;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
  }

  /** A field of the upload form at fault; the field is also its input's id. */
  record FieldError(String field, String message) {}

  /** An analysis as the lists show it. */
  record Row(
      long id,
      String organisation,
      int year,
      String total,
      String footprintShare,
      String mostDeprivedShare,
      String unlocated,
      boolean published) {

    static Row of(SpendAnalysis a) {
      SpendSummary s = a.summary();
      return new Row(
          a.id(),
          a.organisationName(),
          a.year(),
          SpendFigures.money(s.totalPence()),
          SpendFigures.percent(s.footprintPence(), s.totalPence()),
          SpendFigures.percent(s.mostDeprived20Pence(), s.lsoaPence()),
          SpendFigures.money(s.unlocatedPence()),
          a.published());
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/spend")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return listPage(icb, model, null, "", List.of(), null);
  }

  private String listPage(
      IntegratedCareBoard icb,
      Model model,
      Long organisation,
      String year,
      List<FieldError> errors,
      SpendFileRefused refused) {
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("organisations", register.organisations(icb.code()));
    model.addAttribute("organisation", organisation);
    model.addAttribute("year", year);
    model.addAttribute("errors", errors);
    model.addAttribute("refused", refused);
    model.addAttribute("tolerance", LsoaLocator.TOLERANCE_METRES);
    model.addAttribute("analyses", analyses.list(icb.code()).stream().map(Row::of).toList());
    return LIST_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/anchors/spend")
  String upload(
      @PathVariable String icbCode,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    List<FieldError> errors = new ArrayList<>();
    Long organisationId = null;
    try {
      organisationId = Long.parseLong(organisation == null ? "" : organisation.strip());
      if (register.organisation(icb.code(), organisationId).isEmpty()) {
        organisationId = null;
      }
    } catch (NumberFormatException e) {
      organisationId = null;
    }
    if (organisationId == null) {
      errors.add(new FieldError("organisation", "Select the organisation whose spend this is"));
    }
    int latest = clock.instant().atZone(ZoneId.of("Europe/London")).getYear() + 1;
    Integer spendYear = null;
    String yearText = year == null ? "" : year.strip();
    try {
      spendYear = Integer.parseInt(yearText);
      if (spendYear < 2000 || spendYear > latest) {
        spendYear = null;
      }
    } catch (NumberFormatException e) {
      spendYear = null;
    }
    if (spendYear == null) {
      errors.add(
          new FieldError(
              "year", "Enter the year the spend is for, as 4 digits from 2000 to " + latest));
    }
    String name = file == null ? null : file.getOriginalFilename();
    if (file == null || file.isEmpty()) {
      errors.add(new FieldError("file", "Select a CSV file or Excel workbook of supplier spend"));
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return listPage(icb, model, organisationId, yearText, errors, null);
    }
    String fileName = name == null || name.isBlank() ? "upload.csv" : name;
    long organisationChosen = organisationId;
    int yearChosen = spendYear;
    try {
      SpendAnalysis analysis =
          SpendFiles.read(
              file,
              fileName,
              rows -> analyses.analyse(icb.code(), organisationChosen, yearChosen, fileName, rows));
      return "redirect:/workspaces/" + icb.code() + "/anchors/spend/" + analysis.id() + "?analysed";
    } catch (SpendFileRefused refused) {
      response.setStatus(400);
      return listPage(
          icb,
          model,
          organisationId,
          yearText,
          List.of(
              new FieldError(
                  "file",
                  "The file has "
                      + refused.problemCount()
                      + (refused.problemCount() == 1 ? " problem" : " problems")
                      + " and nothing was stored: correct "
                      + (refused.problemCount() == 1 ? "it" : "them")
                      + " and upload it again")),
          refused);
    }
  }

  @GetMapping("/workspaces/{icbCode}/anchors/spend/{id}")
  String analysis(@PathVariable String icbCode, @PathVariable long id, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    SpendAnalysis analysis =
        analyses.find(icb.code(), id).orElseThrow(() -> SpendApiController.notFound(id));
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("a", analysis);
    model.addAttribute("s", analysis.summary());
    model.addAttribute("f", new Figures());
    model.addAttribute("chart", SpendFigures.placeChart(analysis.summary()));
    model.addAttribute("table", SpendFigures.placeTable(analysis.summary()));
    model.addAttribute("years", years(analyses.years(icb.code(), analysis.organisationId())));
    model.addAttribute("tolerance", LsoaLocator.TOLERANCE_METRES);
    return ANALYSIS_VIEW;
  }

  /**
   * One year of an organisation's spend with the change since the year before it, in percentage
   * points of the footprint share and of the share in the most deprived 20%.
   */
  record YearRow(Row row, String footprintChange, String mostDeprivedChange) {}

  static List<YearRow> years(List<SpendAnalysis> years) {
    List<YearRow> rows = new ArrayList<>();
    SpendSummary previous = null;
    for (SpendAnalysis year : years) {
      SpendSummary s = year.summary();
      rows.add(
          new YearRow(
              Row.of(year),
              previous == null
                  ? "–"
                  : SpendFigures.points(
                      SpendSummary.share(s.footprintPence(), s.totalPence())
                          - SpendSummary.share(previous.footprintPence(), previous.totalPence())),
              previous == null
                  ? "–"
                  : SpendFigures.points(
                      SpendSummary.share(s.mostDeprived20Pence(), s.lsoaPence())
                          - SpendSummary.share(
                              previous.mostDeprived20Pence(), previous.lsoaPence()))));
      previous = s;
    }
    return rows;
  }

  /** The figure formats, for templates. */
  static final class Figures {
    public String money(long pence) {
      return SpendFigures.money(pence);
    }

    public String money(Long pence) {
      return SpendFigures.money(pence);
    }

    public String percent(long part, long whole) {
      return SpendFigures.percent(part, whole);
    }
  }

  /** One row of the aggregates' CSV. */
  record AggregateRow(
      String organisation, int year, String measure, String area, String amount, String share) {}

  @GetMapping("/workspaces/{icbCode}/anchors/spend/{id}/aggregates.csv")
  ResponseEntity<String> csv(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    SpendAnalysis a =
        analyses.find(icb.code(), id).orElseThrow(() -> SpendApiController.notFound(id));
    return Downloads.csv(aggregates(a), "spend-" + a.organisationId() + "-" + a.year() + ".csv");
  }

  /** The aggregates as CSV: no suppliers and no lines, so it is the same as what is published. */
  static CsvText aggregates(SpendAnalysis a) {
    SpendSummary s = a.summary();
    CsvText csv = new CsvText().header(AggregateRow.class);
    String name = a.organisationName();
    long total = s.totalPence();
    csv.record(row(name, a.year(), "total", "", total, total));
    csv.record(row(name, a.year(), "in footprint", a.icbCode(), s.footprintPence(), total));
    csv.record(
        row(
            name,
            a.year(),
            "in most deprived 20% (of spend placed in an LSOA)",
            "England",
            s.mostDeprived20Pence(),
            s.lsoaPence()));
    csv.record(row(name, a.year(), "placed in an LSOA", "England", s.lsoaPence(), total));
    csv.record(
        row(name, a.year(), "placed in a district only", "England", s.districtOnlyPence(), total));
    csv.record(row(name, a.year(), "unlocated", "", s.unlocatedPence(), total));
    for (SpendSummary.DistrictSpend d : s.byDistrict()) {
      csv.record(
          row(
              name,
              a.year(),
              d.inFootprint() ? "district in footprint" : "district elsewhere",
              d.ladCode(),
              d.pence(),
              total));
    }
    for (int d = 0; d < s.byDecile().size(); d++) {
      csv.record(
          row(
              name,
              a.year(),
              "IMD 2025 decile " + (d + 1),
              "England",
              s.byDecile().get(d),
              s.lsoaPence()));
    }
    if (s.smePence() != null) {
      csv.record(
          row(name, a.year(), "SME (of flagged spend)", "", s.smePence(), s.smeFlaggedPence()));
    }
    if (s.vcsePence() != null) {
      csv.record(
          row(name, a.year(), "VCSE (of flagged spend)", "", s.vcsePence(), s.vcseFlaggedPence()));
    }
    return csv;
  }

  private static AggregateRow row(
      String name, int year, String measure, String area, long pence, long whole) {
    return new AggregateRow(
        name,
        year,
        measure,
        area,
        SpendSummary.pounds(pence).toPlainString(),
        whole == 0
            ? ""
            : java.math.BigDecimal.valueOf(pence)
                .divide(java.math.BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP)
                .toPlainString());
  }

  @PostMapping("/workspaces/{icbCode}/anchors/spend/{id}/published")
  String publish(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean published) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.publish(icb.code(), id, published)) {
      throw SpendApiController.notFound(id);
    }
    return "redirect:/workspaces/"
        + icb.code()
        + "/anchors/spend/"
        + id
        + (published ? "?published" : "?withdrawn");
  }

  @PostMapping("/workspaces/{icbCode}/anchors/spend/{id}/delete")
  String delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.delete(icb.code(), id)) {
      throw SpendApiController.notFound(id);
    }
    return "redirect:/workspaces/" + icb.code() + "/anchors/spend?deleted";
  }

  /** A published analysis on the public page: aggregates only. */
  record PublishedView(
      SpendAnalysis analysis,
      org.fourthpurpose.chart.GroupedBarChart chart,
      org.fourthpurpose.chart.DataTable table) {}

  @GetMapping("/ics/{icbCode}/anchors/spend")
  String published(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    List<PublishedView> views = new ArrayList<>();
    for (SpendAnalysis listed : analyses.published(icb.code())) {
      SpendAnalysis a = analyses.find(icb.code(), listed.id()).orElseThrow();
      views.add(
          new PublishedView(
              a, SpendFigures.placeChart(a.summary()), SpendFigures.placeTable(a.summary())));
    }
    model.addAttribute("icb", icb);
    model.addAttribute("published", views);
    model.addAttribute("f", new Figures());
    return PUBLIC_VIEW;
  }
}
