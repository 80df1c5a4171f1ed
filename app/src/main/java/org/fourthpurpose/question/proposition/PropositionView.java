package org.fourthpurpose.question.proposition;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.question.PartnerRole;
import org.fourthpurpose.question.Proposition;
import org.springframework.stereotype.Component;

/**
 * A proposition in the words pages, the API and the plan show: its partners by name and role, its
 * policies and funding programmes with their status and the date they were checked (and a warning
 * for a closed programme), its pilot's places by name, its cost in pounds, and the evidence behind
 * its question.
 */
@Component
public class PropositionView {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final AnchorRegister register;
  private final StepTwoSources sources;
  private final PilotPlaces places;
  private final IndicatorCatalogue catalogue;

  PropositionView(
      AnchorRegister register,
      StepTwoSources sources,
      PilotPlaces places,
      IndicatorCatalogue catalogue) {
    this.register = register;
    this.sources = sources;
    this.places = places;
    this.catalogue = catalogue;
  }

  /**
   * A partner as shown.
   *
   * @param name null when the organisation is no longer in the register
   */
  public record PartnerLine(
      long organisationId, String name, String type, String role, String roleLabel) {
    public String shown() {
      return name == null
          ? "An organisation no longer in the register (" + organisationId + ")"
          : name;
    }
  }

  /**
   * A policy lever or funding programme as shown.
   *
   * @param name null when the catalogue no longer has it
   */
  public record PolicyLine(
      String id,
      String name,
      String kind,
      String kindLabel,
      String status,
      String statusLabel,
      String checkedOn,
      LocalDate checked,
      String url,
      boolean closedFunding) {}

  /** An indicator the question's evidence rests on. */
  public record EvidenceLine(String id, String title) {}

  /** Everything a page shows of one proposition. */
  public record Shown(
      Proposition proposition,
      StepTwoSources.QuestionRef question,
      List<PartnerLine> partners,
      List<PolicyLine> policies,
      List<String> places,
      String period,
      String cost,
      List<EvidenceLine> evidence,
      List<String> warnings) {

    public String leads() {
      return partners.stream()
          .filter(p -> p.role().equals(PartnerRole.LEAD.code()))
          .map(PartnerLine::shown)
          .collect(Collectors.joining(", "));
    }

    public List<PolicyLine> funding() {
      return policies.stream().filter(p -> "funding".equals(p.kind())).toList();
    }

    public List<PolicyLine> levers() {
      return policies.stream().filter(p -> !"funding".equals(p.kind())).toList();
    }
  }

  /** The proposition as shown, reading the register, catalogue and places once per call. */
  public Shown show(String icbCode, Proposition p) {
    return show(icbCode, List.of(p)).get(0);
  }

  /** Many propositions of one workspace, reading the register, catalogue and places once. */
  public List<Shown> show(String icbCode, List<Proposition> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    Map<Long, AnchorOrganisation> organisations =
        register.organisations(icbCode).stream()
            .collect(Collectors.toMap(AnchorOrganisation::id, o -> o, (a, b) -> a));
    Map<String, StepTwoSources.PolicyRef> policies =
        sources.policies().stream()
            .collect(Collectors.toMap(StepTwoSources.PolicyRef::id, x -> x, (a, b) -> a));
    Map<Long, StepTwoSources.QuestionRef> questions =
        sources.questions(icbCode).stream()
            .collect(Collectors.toMap(StepTwoSources.QuestionRef::id, q -> q, (a, b) -> a));
    Map<String, PilotPlaces.Place> placeNames = places.byCode(icbCode);
    List<Shown> shown = new ArrayList<>();
    for (Proposition p : list) {
      List<PartnerLine> partners =
          p.partners().stream()
              .map(
                  x -> {
                    AnchorOrganisation o = organisations.get(x.organisationId());
                    return new PartnerLine(
                        x.organisationId(),
                        o == null ? null : o.name(),
                        o == null ? null : o.type().label(),
                        x.role().code(),
                        x.role().label());
                  })
              .sorted(
                  java.util.Comparator.comparing(
                          (PartnerLine l) -> PartnerRole.find(l.role()).orElseThrow().ordinal())
                      .thenComparing(PartnerLine::shown))
              .toList();
      List<PolicyLine> policyLines =
          p.policyIds().stream().map(id -> policyLine(id, policies.get(id))).toList();
      List<String> warnings = new ArrayList<>();
      for (PolicyLine l : policyLines) {
        if (l.closedFunding()) {
          warnings.add(
              l.name()
                  + " is closed (checked "
                  + l.checkedOn()
                  + "): find other funding or check whether it reopens.");
        } else if (l.name() == null) {
          warnings.add("Policy " + l.id() + " is no longer in the catalogue.");
        }
      }
      StepTwoSources.QuestionRef question = questions.get(p.questionId());
      if (question == null) {
        warnings.add("The question this proposition answers has been removed from the workspace.");
      } else if (!question.priority()) {
        warnings.add("The question this proposition answers is no longer an agreed priority.");
      }
      List<EvidenceLine> evidence =
          question == null
              ? List.of()
              : question.indicatorCodes().stream()
                  .map(
                      code ->
                          new EvidenceLine(
                              code, catalogue.indicator(code).map(Indicator::title).orElse(code)))
                  .toList();
      shown.add(
          new Shown(
              p,
              question,
              partners,
              policyLines,
              p.pilot().places().stream()
                  .map(c -> placeNames.containsKey(c) ? placeNames.get(c).name() : c)
                  .toList(),
              period(p.pilot().from(), p.pilot().to()),
              money(p.pilot().cost()),
              evidence,
              warnings));
    }
    return shown;
  }

  static PolicyLine policyLine(String id, StepTwoSources.PolicyRef ref) {
    if (ref == null) {
      return new PolicyLine(
          id, null, null, "Not in the catalogue", null, "Unknown", null, null, null, false);
    }
    return new PolicyLine(
        ref.id(),
        ref.name(),
        ref.kind(),
        ref.funding() ? "Funding programme" : "Policy lever",
        ref.status(),
        statusLabel(ref.status()),
        day(ref.checkedOn()),
        ref.checkedOn(),
        ref.url(),
        ref.funding() && ref.closed());
  }

  static String statusLabel(String status) {
    if (status == null) {
      return "Unknown";
    }
    return switch (status) {
      case "open" -> "Open";
      case "closed" -> "Closed";
      case "changing" -> "Changing";
      default -> status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1);
    };
  }

  public static String day(LocalDate date) {
    return date == null ? null : DAY.format(date);
  }

  public static String day(java.time.Instant instant) {
    return instant == null ? null : DAY.format(instant.atZone(LONDON).toLocalDate());
  }

  static String period(LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return null;
    }
    if (to == null) {
      return "From " + day(from);
    }
    if (from == null) {
      return "Until " + day(to);
    }
    return day(from) + " to " + day(to);
  }

  public static String money(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.UK);
    f.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    f.setMaximumFractionDigits(2);
    return f.format(amount);
  }
}
