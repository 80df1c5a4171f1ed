package org.fourthpurpose.analytics;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.statistics.SlopeIndexOfInequality;

/**
 * Plain-English sentences about an equity analysis, made only from its published (disclosure-
 * controlled) values. A comparison is called a difference only when its 95% confidence interval
 * leaves out 1.
 */
final class Findings {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Findings() {}

  static List<String> of(EquityResult result) {
    List<String> sentences = new ArrayList<>();
    EquityRow all = result.total();
    if (all.waiting() == null || all.medianDays() == null) {
      sentences.add(
          "The extract has fewer than 8 pathways, so no figures from it can be published.");
      return sentences;
    }
    sentences.add(
        String.format(
            Locale.UK,
            "About %,d pathways were waiting on %s: %s%% had waited more than 18 weeks and %s%%"
                + " more than 52 weeks, and the median wait was %s days.",
            all.waiting(),
            DATE.format(result.censusDate()),
            number(all.percentOver18Weeks()),
            number(all.percentOver52Weeks()),
            number(all.medianDays())));

    EquityTable fifths = result.table(Breakdown.ICS_FIFTH);
    EquityRow mostDeprived = row(fifths, "1");
    EquityRow leastDeprived = row(fifths, "5");
    if (mostDeprived != null && mostDeprived.rateRatio() != null) {
      String sentence =
          compare(
              "People in the most deprived fifth of the system's neighbourhoods",
              "those in the least deprived fifth",
              mostDeprived);
      if (mostDeprived.standardisedRatio() != null
          && leastDeprived != null
          && leastDeprived.standardisedRatio() != null
          && leastDeprived.standardisedRatio() > 0) {
        double adjusted = mostDeprived.standardisedRatio() / leastDeprived.standardisedRatio();
        sentence +=
            String.format(
                Locale.UK,
                " After allowing for the mix of specialties they wait in, the ratio is %s.",
                ratio(adjusted));
      }
      sentences.add(sentence);
    }

    SlopeIndexOfInequality gradient = result.deprivationGradient();
    if (gradient != null) {
      double gap = -gradient.sii();
      sentences.add(
          String.format(
              Locale.UK,
              "Across England's deprivation deciles, the modelled share waiting over 18 weeks is"
                  + " %s percentage points %s at the most deprived end than at the least deprived"
                  + " end (slope index of inequality, %d deciles).",
              number(Math.abs(gap)),
              gap >= 0 ? "higher" : "lower",
              gradient.quantiles()));
    }

    EquityTable ethnicity = result.table(Breakdown.ETHNICITY);
    for (String group : List.of("Mixed", "Asian", "Black", "Other")) {
      EquityRow row = row(ethnicity, group);
      if (row != null && row.rateRatio() != null && clear(row)) {
        sentences.add(compare("People of " + group + " ethnicity", "White people", row));
      }
    }
    addFlag(
        sentences,
        result.table(Breakdown.LANGUAGE),
        "No",
        "People whose first language is not English",
        "those whose first language is English");
    addFlag(
        sentences,
        result.table(Breakdown.LEARNING_DISABILITY),
        "Yes",
        "People with a learning disability",
        "those without one recorded");
    addFlag(
        sentences,
        result.table(Breakdown.MENTAL_HEALTH),
        "Yes",
        "People with a record of serious mental illness",
        "those without one");
    return sentences;
  }

  private static void addFlag(
      List<String> sentences, EquityTable table, String group, String subject, String others) {
    EquityRow row = row(table, group);
    if (row != null && row.rateRatio() != null) {
      sentences.add(compare(subject, others, row));
    }
  }

  private static String compare(String subject, String reference, EquityRow row) {
    if (!clear(row)) {
      return String.format(
          Locale.UK,
          "%s showed no clear difference from %s in waiting over 18 weeks (rate ratio %s, 95%%"
              + " confidence interval %s to %s).",
          subject,
          reference,
          ratio(row.rateRatio()),
          ratio(row.rateRatioLower()),
          ratio(row.rateRatioUpper()));
    }
    return String.format(
        Locale.UK,
        "%s were %s times as likely to have waited over 18 weeks as %s (95%% confidence interval"
            + " %s to %s).",
        subject,
        ratio(row.rateRatio()),
        reference,
        ratio(row.rateRatioLower()),
        ratio(row.rateRatioUpper()));
  }

  private static boolean clear(EquityRow row) {
    return row.rateRatioLower() != null
        && row.rateRatioUpper() != null
        && (row.rateRatioLower() > 1 || row.rateRatioUpper() < 1);
  }

  private static EquityRow row(EquityTable table, String group) {
    return table.rows().stream().filter(r -> r.group().equals(group)).findFirst().orElse(null);
  }

  private static String ratio(double value) {
    return String.format(Locale.UK, "%.2f", value);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.UK, "%.0f", value)
        : String.format(Locale.UK, "%.1f", value);
  }
}
