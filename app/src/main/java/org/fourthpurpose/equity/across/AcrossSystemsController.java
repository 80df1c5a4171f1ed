package org.fourthpurpose.equity.across;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.ScatterChart;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.statistics.Correlation;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page that sets one measure against another across the 42 systems ({@code
 * /england/compare?x=…&y=…}, a GET form that works without JavaScript), and the same figures as
 * CSV.
 */
@NeedsReferenceData({"geography", "deprivation"})
@Controller
class AcrossSystemsController {

  static final String VIEW = "equity/compare";

  private final AcrossSystems across;

  AcrossSystemsController(AcrossSystems across) {
    this.across = across;
  }

  /** One system in the table: its values, the line's prediction and how far it is from it. */
  public record Row(String name, String x, String y, String fitted, String residual, String note) {}

  /** What the page shows of a pair of measures. */
  public record Comparison(
      Measure x,
      Measure y,
      int systems,
      Correlation correlation,
      ScatterChart chart,
      String description,
      List<String> sentences,
      DataTable table) {}

  @GetMapping("/england/compare")
  String page(
      @RequestParam(required = false) String x,
      @RequestParam(required = false) String y,
      Model model) {
    List<AcrossSystems.Choice> choices = across.choices();
    String xId = x == null || x.isBlank() ? AcrossSystems.DEFAULT_X : x;
    String yId =
        y == null || y.isBlank()
            ? choices.stream()
                .filter(c -> c.id().startsWith("indicator:"))
                .map(AcrossSystems.Choice::id)
                .filter(id -> across.measure(id).isPresent())
                .findFirst()
                .orElse("imd-extent")
            : y;
    Measure mx = across.measure(xId).orElseThrow(() -> unknown("x", xId));
    Measure my = across.measure(yId).orElseThrow(() -> unknown("y", yId));
    java.util.Map<String, List<AcrossSystems.Choice>> groups = new java.util.LinkedHashMap<>();
    choices.forEach(ch -> groups.computeIfAbsent(ch.group(), k -> new ArrayList<>()).add(ch));
    model.addAttribute("groups", groups);
    model.addAttribute("xId", xId);
    model.addAttribute("yId", yId);
    model.addAttribute("c", compare(mx, my));
    return VIEW;
  }

  @GetMapping("/england/compare.csv")
  ResponseEntity<String> csv(@RequestParam String x, @RequestParam String y) {
    Measure mx = across.measure(x).orElseThrow(() -> unknown("x", x));
    Measure my = across.measure(y).orElseThrow(() -> unknown("y", y));
    List<AcrossSystems.Pair> pairs = across.pairs(mx, my);
    CsvText csv =
        new CsvText()
            .row(
                "icb_code",
                "icb_name",
                mx.label(),
                my.label(),
                "fitted",
                "standardised_residual",
                "outlier");
    Correlation c = pairs.size() >= 3 ? safe(pairs) : null;
    for (int i = 0; i < pairs.size(); i++) {
      AcrossSystems.Pair p = pairs.get(i);
      csv.row(
          p.code(),
          p.name(),
          p.x(),
          p.y(),
          c == null ? null : c.intercept() + c.slope() * p.x(),
          c == null ? null : c.standardisedResiduals().get(i),
          c != null && c.outlier(i));
    }
    return Downloads.csv(csv, "systems-compared.csv");
  }

  private static Correlation safe(List<AcrossSystems.Pair> pairs) {
    try {
      return Correlation.of(
          pairs.stream().mapToDouble(AcrossSystems.Pair::x).toArray(),
          pairs.stream().mapToDouble(AcrossSystems.Pair::y).toArray());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  Comparison compare(Measure mx, Measure my) {
    List<AcrossSystems.Pair> pairs = across.pairs(mx, my);
    Correlation c = pairs.size() >= 3 ? safe(pairs) : null;
    List<ScatterChart.Item> items = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<String> above = new ArrayList<>();
    List<String> below = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      AcrossSystems.Pair p = pairs.get(i);
      boolean outlier = c != null && c.outlier(i);
      items.add(ScatterChart.Item.of(p.name(), p.x(), p.y(), outlier));
      String note = "";
      if (outlier) {
        boolean high = c.standardisedResiduals().get(i) > 0;
        (high ? above : below).add(p.name());
        note = high ? "Far above the line" : "Far below the line";
      }
      rows.add(
          List.of(
              p.name(),
              number(p.x()),
              number(p.y()),
              c == null ? "–" : number(c.intercept() + c.slope() * p.x()),
              c == null ? "–" : two(c.standardisedResiduals().get(i)),
              note));
    }
    ScatterChart chart =
        ScatterChart.of(
            items,
            c == null ? null : c.intercept(),
            c == null ? null : c.slope(),
            c == null
                ? ""
                : "Least-squares line: "
                    + my.label()
                    + " = "
                    + number(c.intercept())
                    + (c.slope() < 0 ? " − " : " + ")
                    + number(Math.abs(c.slope()))
                    + " × "
                    + mx.label(),
            mx.label(),
            my.label(),
            AcrossSystemsController::number,
            AcrossSystemsController::number);
    List<String> sentences = new ArrayList<>();
    if (c == null) {
      sentences.add(
          "Only "
              + pairs.size()
              + " systems have both values (or one measure does not vary), too few for a"
              + " correlation.");
    } else {
      sentences.add(
          "Across the "
              + c.n()
              + " systems with both values, "
              + "Pearson's correlation is "
              + two(c.r())
              + (Double.isNaN(c.lower95())
                  ? ""
                  : " (95% interval " + two(c.lower95()) + " to " + two(c.upper95()) + ")")
              + ": "
              + c.strength()
              + " correlation"
              + (c.strength().equals("no") ? "." : ".")
              + (!Double.isNaN(c.lower95()) && c.lower95() <= 0 && c.upper95() >= 0
                  ? " The interval includes 0, so the data are consistent with no linear"
                      + " relationship."
                  : ""));
      if (!above.isEmpty()) {
        sentences.add(
            String.join(", ", above)
                + (above.size() == 1 ? " is" : " are")
                + " far above the line: a higher "
                + my.label()
                + " than "
                + mx.label()
                + " would predict (standardised residual over 2).");
      }
      if (!below.isEmpty()) {
        sentences.add(
            String.join(", ", below)
                + (below.size() == 1 ? " is" : " are")
                + " far below the line: a lower "
                + my.label()
                + " than predicted (standardised residual under −2).");
      }
      if (above.isEmpty() && below.isEmpty()) {
        sentences.add("No system is far from the line (no standardised residual beyond ±2).");
      }
      sentences.add(
          "A correlation describes the systems together; it does not show that one measure"
              + " causes the other.");
    }
    DataTable table =
        new DataTable(
            "Each system's values, the line's prediction and its standardised residual",
            List.of(
                "System",
                mx.label(),
                my.label(),
                "Predicted by the line",
                "Standardised residual",
                "Outlier"),
            List.of(false, true, true, true, true, false),
            rows);
    String description =
        "A point for each of the "
            + pairs.size()
            + " systems with both values: "
            + mx.label()
            + " across, "
            + my.label()
            + " up"
            + (c == null ? "." : ", with the least-squares line; systems far from it are named.")
            + " The table below gives the same figures.";
    return new Comparison(mx, my, pairs.size(), c, chart, description, sentences, table);
  }

  private static NotFoundException unknown(String parameter, String id) {
    return new NotFoundException(
        parameter,
        id,
        "There is no measure "
            + (id.length() > 60 ? id.substring(0, 59) + "…" : id)
            + " with values for the systems: choose one from the list");
  }

  static String number(double v) {
    double a = Math.abs(v);
    String pattern = a >= 1000 ? "#,##0" : a >= 100 ? "#,##0.0" : a >= 1 ? "#,##0.0#" : "#,##0.0##";
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
  }

  static String two(double v) {
    return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
  }
}
