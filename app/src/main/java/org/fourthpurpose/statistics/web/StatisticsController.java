package org.fourthpurpose.statistics.web;

import static org.fourthpurpose.statistics.web.StatisticsCsvCalculator.badRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.fourthpurpose.statistics.ConfidenceLevel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/statistics/{method}}: confidence intervals for a CSV of proportions, rates or
 * means, computed as PHEindicatormethods does.
 *
 * <ul>
 *   <li>{@code proportion} needs columns {@code numerator,denominator}; Wilson interval; {@code
 *       ?multiplier=} default 100 (a percentage).
 *   <li>{@code rate} needs {@code count,denominator}; Byar's method, exact Poisson below 10 events;
 *       {@code ?multiplier=} default 100000 (per 100,000).
 *   <li>{@code mean} needs {@code mean,sd,n}; Student's t with n - 1 degrees of freedom; a
 *       multiplier does not apply and is ignored.
 * </ul>
 *
 * <p>{@code ?confidence=} lists the levels, 95 and/or 99.8 (default both). The response is {@code
 * text/csv}: each input row with its columns unchanged, then {@code value}, {@code lower95}, {@code
 * upper95}, {@code lower998}, {@code upper998} (only the levels asked for) and {@code note}, which
 * says why a row could not be computed. Column names match ignoring case and surrounding spaces;
 * other columns pass through. A malformed body or an unknown method is a 400 problem+json whose
 * detail names the line and column. Public and without CSRF protection, being a stateless API.
 */
@Tag(
    name = "Statistics",
    description =
        "Confidence intervals for a table of your own, computed as PHEindicatormethods does")
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsController {

  private static final MediaType TEXT_CSV_UTF8 =
      new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final StatisticsCsvCalculator calculator;

  StatisticsController(StatisticsCsvCalculator calculator) {
    this.calculator = calculator;
  }

  @Operation(
      summary = "Adds confidence intervals to the rows of a CSV table",
      description =
          "method is proportion, rate or mean. proportion needs numerator,denominator (Wilson"
              + " score, multiplier default 100); rate needs count,denominator (Byars, exact"
              + " Poisson below 10 events, multiplier default 100000); mean needs mean,sd,n"
              + " (Student's t). confidence is 95, 99.8 or both (default 95,99.8). Other columns"
              + " pass through. The response is the input rows with value, lower95, upper95,"
              + " lower998, upper998 and note added; a row that cannot be computed gets empty"
              + " values and a note.",
      // The body is read from the request as it streams, so springdoc cannot see it.
      requestBody =
          @RequestBody(
              required = true,
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The input rows with the intervals and a note added",
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  @PostMapping(path = "/{method}", consumes = "text/csv")
  ResponseEntity<String> calculate(
      @PathVariable String method,
      @RequestParam(name = "confidence", required = false) String confidence,
      @RequestParam(name = "multiplier", required = false) String multiplier,
      HttpServletRequest request)
      throws IOException {
    StatisticMethod statistic =
        StatisticMethod.fromPath(method)
            .orElseThrow(
                () ->
                    badRequest(
                        "unknown method '" + method + "': use one of proportion, rate, mean"));
    List<ConfidenceLevel> levels = levels(confidence);
    double scale = multiplier(statistic, multiplier);
    Charset charset =
        request.getCharacterEncoding() == null
            ? StandardCharsets.UTF_8
            : Charset.forName(request.getCharacterEncoding());
    try (Reader body = new InputStreamReader(request.getInputStream(), charset)) {
      String csv = calculator.calculate(statistic, levels, scale, body);
      return ResponseEntity.ok().contentType(TEXT_CSV_UTF8).body(csv);
    }
  }

  private static List<ConfidenceLevel> levels(String confidence) {
    if (confidence == null) {
      return List.of(ConfidenceLevel.NINETY_FIVE, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
    }
    boolean ninetyFive = false;
    boolean ninetyNinePointEight = false;
    for (String part : confidence.split(",", -1)) {
      String level = part.trim();
      if (NUMBER.matcher(level).matches()
          && new BigDecimal(level).compareTo(new BigDecimal("95")) == 0) {
        ninetyFive = true;
      } else if (NUMBER.matcher(level).matches()
          && new BigDecimal(level).compareTo(new BigDecimal("99.8")) == 0) {
        ninetyNinePointEight = true;
      } else {
        throw badRequest(
            "confidence must be 95, 99.8 or both separated by a comma (e.g. confidence=95,99.8);"
                + " got '"
                + confidence
                + "'");
      }
    }
    List<ConfidenceLevel> levels = new ArrayList<>();
    if (ninetyFive) {
      levels.add(ConfidenceLevel.NINETY_FIVE);
    }
    if (ninetyNinePointEight) {
      levels.add(ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
    }
    return levels;
  }

  private static double multiplier(StatisticMethod method, String multiplier) {
    if (multiplier == null || !method.usesMultiplier()) {
      return method.defaultMultiplier();
    }
    String text = multiplier.trim();
    double value = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    if (!(value > 0) || Double.isInfinite(value)) {
      throw badRequest(
          "multiplier must be a positive number such as 100 or 100000; got '" + multiplier + "'");
    }
    return value;
  }
}
