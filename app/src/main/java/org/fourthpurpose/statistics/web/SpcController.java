package org.fourthpurpose.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.csv.CsvWriter;
import org.fourthpurpose.statistics.Improvement;
import org.fourthpurpose.statistics.SpcOptions;
import org.fourthpurpose.statistics.SpcPoint;
import org.fourthpurpose.statistics.SpcResult;
import org.fourthpurpose.statistics.SpcSummary;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/spc}: Making Data Count XmR charts for a CSV of dated values, one chart per
 * facet, computed as NHSRplotthedots does ({@link org.fourthpurpose.statistics.Spc}).
 *
 * <p>The body has columns {@code x} (ISO date), {@code y} (number) and optionally {@code facet};
 * other columns pass through. {@code Accept: text/csv} returns the rows in their order with {@code
 * mean, lpl, upl, rebaseGroup, pointType, rule} added; {@code application/json} (the default)
 * returns {@code points} (the same fields with {@code x, y, facet}), {@code summary} (one object
 * per facet and rebase group) and {@code warnings}. Public, stateless, without CSRF, as the
 * statistics calculator.
 */
// The same tag as the confidence-interval calculator, so both appear together in the description.
@Tag(name = "Statistics")
@RestController
class SpcController {

  private static final MediaType TEXT_CSV = new MediaType("text", "csv");
  private static final MediaType TEXT_CSV_UTF8 =
      new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("[+]?\\d{1,9}");
  private static final int MAX_REBASE_DATES = 1_000;

  static final List<String> ADDED_COLUMNS =
      List.of("mean", "lpl", "upl", "rebaseGroup", "pointType", "rule");

  record SpcPointJson(
      String x,
      double y,
      String facet,
      Double mean,
      Double lpl,
      Double upl,
      int rebaseGroup,
      String pointType,
      String rule) {}

  record SpcSummaryJson(
      String facet,
      int rebaseGroup,
      Double mean,
      Double lpl,
      Double upl,
      int n,
      String variationType,
      String assuranceType) {}

  record SpcJson(List<SpcPointJson> points, List<SpcSummaryJson> summary, List<String> warnings) {}

  @Operation(
      summary = "Making Data Count XmR (SPC) charts for a CSV of dated values",
      description =
          "The body is CSV with a header row and columns x (ISO date, YYYY-MM-DD), y (a number)"
              + " and optionally facet (one chart per facet); other columns pass through. Each"
              + " facet needs at least 2 points and one value per date. The charts follow"
              + " NHSRplotthedots 0.2.x: mean, limits at mean ± 2.66 × average moving range,"
              + " moving ranges of 3.267 × the average or more screened out (screenOutliers,"
              + " default true), limits fixed after the first fixAfter points (at least 12), new"
              + " limits from each rebase date (a date that matches a point), and the"
              + " special-cause rules in order of precedence: outside_limits, trend (7 points"
              + " rising or falling), two_in_three (2 of 3 beyond two sigma on one side), shift"
              + " (7 points on one side of the mean); sixPointRun=true uses runs of 6. With"
              + " Accept: text/csv the response is the input rows in order with mean, lpl, upl,"
              + " rebaseGroup, pointType and rule added; with application/json (the default)"
              + " an object with points (x, y, facet and the same fields), summary (facet,"
              + " rebaseGroup, mean, lpl, upl, n, variationType, assuranceType) and warnings"
              + " (groups of fewer than 12 points, rebase dates matching no point). pointType is"
              + " common_cause, special_cause_improvement, special_cause_concern,"
              + " special_cause_neutral_high or special_cause_neutral_low; assuranceType"
              + " (latest rebase group, with a target, not for neutral) is consistent_pass,"
              + " consistent_fail or inconsistent. A bad body is a 400 problem naming the line"
              + " and column.",
      requestBody =
          @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "text/csv",
                      schema =
                          @Schema(
                              type = "string",
                              example = "x,y\n2024-01-01,12\n2024-02-01,15\n2024-03-01,11\n"))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The charts",
            content = {
              @Content(
                  mediaType = "application/json",
                  schema = @Schema(implementation = SpcJson.class)),
              @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            }),
        @ApiResponse(
            responseCode = "400",
            description = "A body or parameter that cannot be used, with line and column",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "413",
            description = "A body over the size limit or more than 200,000 rows",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/api/v1/spc",
      consumes = {"text/csv", "text/plain"})
  ResponseEntity<?> spc(
      @Parameter(
              description = "Which way the measure improves: increase, decrease or neutral",
              required = true)
          @RequestParam(name = "improvement", required = false)
          String improvement,
      @Parameter(description = "A target for the assurance type (a number)")
          @RequestParam(name = "target", required = false)
          String target,
      @Parameter(
              description =
                  "Dates (YYYY-MM-DD, comma-separated) from which the limits are recalculated,"
                      + " applied to every facet")
          @RequestParam(name = "rebase", required = false)
          String rebase,
      @Parameter(description = "Fix the mean and limits on the first n points (n ≥ 12)")
          @RequestParam(name = "fixAfter", required = false)
          String fixAfter,
      @Parameter(description = "Screen moving-range outliers (true, the default, or false)")
          @RequestParam(name = "screenOutliers", required = false)
          String screenOutliers,
      @Parameter(description = "Use runs of 6 for the trend and shift rules (default false)")
          @RequestParam(name = "sixPointRun", required = false)
          String sixPointRun,
      @RequestHeader(name = "Accept", required = false) String accept,
      HttpServletRequest request)
      throws IOException, HttpMediaTypeNotAcceptableException {
    boolean csv = wantsCsv(accept);
    SpcOptions options =
        new SpcOptions(
            improvement(improvement),
            target(target),
            rebase(rebase),
            fixAfter(fixAfter),
            flag("screenOutliers", screenOutliers, true),
            flag("sixPointRun", sixPointRun, false));
    Charset charset =
        request.getCharacterEncoding() == null
            ? StandardCharsets.UTF_8
            : Charset.forName(request.getCharacterEncoding());
    SpcTable table;
    try (Reader body = new InputStreamReader(request.getInputStream(), charset)) {
      table = SpcTable.read(body, options);
    }
    if (csv) {
      return ResponseEntity.ok().contentType(TEXT_CSV_UTF8).body(csv(table));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(table));
  }

  /** CSV when asked for it by name ahead of JSON; JSON for JSON, a wildcard or no header. */
  private static boolean wantsCsv(String accept) throws HttpMediaTypeNotAcceptableException {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      throw InvalidInputException.parameter("Accept", "the Accept header is malformed: " + accept);
    }
    // Highest quality first; at equal quality a named type before a wildcard (stable otherwise).
    types.sort(
        java.util.Comparator.comparingDouble(MediaType::getQualityValue)
            .reversed()
            .thenComparing(t -> t.isWildcardType() ? 2 : t.isWildcardSubtype() ? 1 : 0));
    for (MediaType type : types) {
      if (type.getQualityValue() == 0) {
        continue;
      }
      if (type.isWildcardType() || type.includes(MediaType.APPLICATION_JSON)) {
        return false;
      }
      if (type.includes(TEXT_CSV)) {
        return true;
      }
    }
    // Spring answers 406 Not Acceptable, listing the two types this endpoint speaks.
    throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON, TEXT_CSV));
  }

  private static Improvement improvement(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.parameter(
          "improvement", "The parameter 'improvement' is required: increase, decrease or neutral");
    }
    try {
      return Improvement.fromCode(text);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.parameter(
          "improvement",
          "improvement must be increase, decrease or neutral; got '" + shorten(text) + "'");
    }
  }

  private static OptionalDouble target(String text) {
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    String trimmed = text.strip();
    double value = NUMBER.matcher(trimmed).matches() ? Double.parseDouble(trimmed) : Double.NaN;
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw InvalidInputException.parameter(
          "target", "target must be a number such as 0.95 or 3000; got '" + shorten(text) + "'");
    }
    return OptionalDouble.of(value);
  }

  private static List<LocalDate> rebase(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_REBASE_DATES) {
      throw InvalidInputException.parameter(
          "rebase", "rebase lists more than " + MAX_REBASE_DATES + " dates");
    }
    List<LocalDate> dates = new ArrayList<>();
    for (String part : parts) {
      try {
        dates.add(LocalDate.parse(part.strip()));
      } catch (DateTimeParseException e) {
        throw InvalidInputException.parameter(
            "rebase",
            "rebase must be dates in the form YYYY-MM-DD separated by commas; '"
                + shorten(part.strip())
                + "' is not one");
      }
    }
    return dates;
  }

  private static OptionalInt fixAfter(String text) {
    if (text == null || text.isBlank()) {
      return OptionalInt.empty();
    }
    String trimmed = text.strip();
    if (!WHOLE.matcher(trimmed).matches()
        || Integer.parseInt(trimmed.replace("+", "")) < SpcOptions.MIN_FIX_AFTER) {
      throw InvalidInputException.parameter(
          "fixAfter",
          "fixAfter must be a whole number of points, at least "
              + SpcOptions.MIN_FIX_AFTER
              + " as in NHSRplotthedots; got '"
              + shorten(text)
              + "'");
    }
    return OptionalInt.of(Integer.parseInt(trimmed.replace("+", "")));
  }

  private static boolean flag(String name, String text, boolean fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw InvalidInputException.parameter(
              name, name + " must be true or false; got '" + shorten(text) + "'");
    };
  }

  private static String csv(SpcTable table) throws IOException {
    StringWriter out = new StringWriter(table.rows().size() * 96);
    CsvWriter writer = new CsvWriter(out);
    List<String> header = new ArrayList<>();
    for (String field : table.header().fields()) {
      header.add(CsvText.defuse(field));
    }
    header.addAll(ADDED_COLUMNS);
    writer.writeRecord(header);
    for (int i = 0; i < table.rows().size(); i++) {
      CsvRecord record = table.rows().get(i);
      SpcPoint point = table.pointOfRow().get(i);
      List<String> fields = new ArrayList<>(record.size() + ADDED_COLUMNS.size());
      for (String field : record.fields()) {
        fields.add(CsvText.defuse(field));
      }
      fields.add(number(point.mean()));
      fields.add(number(point.lpl()));
      fields.add(number(point.upl()));
      fields.add(Integer.toString(point.rebaseGroup()));
      fields.add(point.pointType().code());
      fields.add(point.rule() == null ? "" : point.rule().code());
      writer.writeRecord(fields);
    }
    writer.flush();
    return out.toString();
  }

  private static SpcJson json(SpcTable table) {
    List<SpcPointJson> points = new ArrayList<>(table.rows().size());
    for (int i = 0; i < table.rows().size(); i++) {
      SpcPoint p = table.pointOfRow().get(i);
      points.add(
          new SpcPointJson(
              p.x().toString(),
              p.y(),
              table.facetOfRow().get(i),
              boxed(p.mean()),
              boxed(p.lpl()),
              boxed(p.upl()),
              p.rebaseGroup(),
              p.pointType().code(),
              p.rule() == null ? null : p.rule().code()));
    }
    List<SpcSummaryJson> summary = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, SpcResult> facet : table.facets().entrySet()) {
      for (SpcSummary g : facet.getValue().groups()) {
        summary.add(
            new SpcSummaryJson(
                facet.getKey(),
                g.rebaseGroup(),
                boxed(g.mean()),
                boxed(g.lpl()),
                boxed(g.upl()),
                g.n(),
                g.variationType().code(),
                g.assuranceType() == null ? null : g.assuranceType().code()));
      }
      for (String warning : facet.getValue().warnings()) {
        warnings.add(facet.getKey() == null ? warning : facet.getKey() + ": " + warning);
      }
    }
    return new SpcJson(points, summary, warnings);
  }

  private static Double boxed(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** The shortest decimal that reads back as the same double, without an exponent. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
