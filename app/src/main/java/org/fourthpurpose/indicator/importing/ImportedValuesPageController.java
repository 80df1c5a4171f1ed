package org.fourthpurpose.indicator.importing;

import java.math.BigDecimal;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A workspace's imported indicator values: which indicators have values, and each one's values as a
 * table and a CSV file. Viewers of the workspace see them.
 */
@NeedsReferenceData("indicators")
@Controller
class ImportedValuesPageController {

  static final String LIST_VIEW = "indicator/local-indicators";
  static final String VALUES_VIEW = "indicator/local-indicator";

  /** Rows a page shows; the CSV file has them all. */
  static final int SHOWN = 1_000;

  static final List<String> CSV_COLUMNS =
      List.of(
          "area_code",
          "area_name",
          "period",
          "value",
          "numerator",
          "denominator",
          "lower_ci",
          "upper_ci",
          "import_id");

  private final ImportedValues values;
  private final WorkspaceAccess access;
  private final Geography geography;

  ImportedValuesPageController(ImportedValues values, WorkspaceAccess access, Geography geography) {
    this.values = values;
    this.access = access;
    this.geography = geography;
  }

  /** A value as the page shows it: as imported, without trailing zeros. */
  record Row(
      String areaCode,
      String areaName,
      String period,
      String value,
      String numerator,
      String denominator,
      String lowerCi,
      String upperCi,
      long importId) {

    static Row of(ImportedValue v) {
      return new Row(
          v.areaCode(),
          v.areaName(),
          v.period(),
          plain(v.value()),
          plain(v.numerator()),
          plain(v.denominator()),
          plain(v.lowerCi()),
          plain(v.upperCi()),
          v.importId());
    }

    private static String plain(Double value) {
      return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  @GetMapping("/workspaces/{icbCode}/indicators/local")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("indicators", values.indicators(icb.code()));
    return LIST_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/indicators/local/{indicatorId}")
  String show(@PathVariable String icbCode, @PathVariable String indicatorId, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    ImportedIndicator indicator = indicator(icb, indicatorId);
    model.addAttribute("icb", icb);
    model.addAttribute("indicator", indicator);
    model.addAttribute(
        "rows", values.values(icb.code(), indicatorId, SHOWN).stream().map(Row::of).toList());
    model.addAttribute("shown", SHOWN);
    return VALUES_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/indicators/local/{indicatorId}.csv")
  ResponseEntity<String> csv(@PathVariable String icbCode, @PathVariable String indicatorId) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    indicator(icb, indicatorId);
    CsvText csv = new CsvText().row(CSV_COLUMNS);
    for (ImportedValue v : values.values(icb.code(), indicatorId)) {
      csv.row(
          v.areaCode(),
          v.areaName(),
          v.period(),
          v.value(),
          v.numerator(),
          v.denominator(),
          v.lowerCi(),
          v.upperCi(),
          v.importId());
    }
    return Downloads.csv(csv, icb.code() + "-" + indicatorId + "-imported.csv");
  }

  private ImportedIndicator indicator(IntegratedCareBoard icb, String indicatorId) {
    return values
        .indicator(icb.code(), indicatorId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "This workspace has imported no values of the indicator " + indicatorId));
  }
}
