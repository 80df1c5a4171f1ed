package org.fourthpurpose.indicator.importing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A workspace's imported values of one indicator, as a table and a CSV file. Viewers of the
 * workspace see them. The list of the workspace's indicators, local and with values, is {@code
 * indicator.local}'s page.
 */
@NeedsReferenceData("indicators")
@Controller
class ImportedValuesPageController {

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
  private final IndicatorCatalogue catalogue;

  ImportedValuesPageController(
      ImportedValues values,
      WorkspaceAccess access,
      Geography geography,
      IndicatorCatalogue catalogue) {
    this.values = values;
    this.access = access;
    this.geography = geography;
    this.catalogue = catalogue;
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

  @GetMapping("/workspaces/{icbCode}/indicators/local/{indicatorId}")
  String show(@PathVariable String icbCode, @PathVariable String indicatorId, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    if (values.indicator(icb.code(), indicatorId).isEmpty()) {
      Indicator local = catalogue.indicatorsFor(icb.code()).get(indicatorId);
      if (local != null && !local.isPublic()) {
        // A local indicator with no values yet: its definition is what there is to see.
        return "redirect:/workspaces/" + icb.code() + "/indicators/local/" + indicatorId + "/edit";
      }
    }
    ImportedIndicator indicator = indicator(icb, indicatorId);
    model.addAttribute(
        "local",
        Optional.ofNullable(catalogue.indicatorsFor(icb.code()).get(indicatorId))
            .filter(i -> !i.isPublic())
            .isPresent());
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
