package org.fourthpurpose.anchor;

import java.util.Optional;

/**
 * Four levels of how far an organisation has come as an anchor under one pillar, in the product's
 * own words. They draw on the Leeds anchor progression framework (Leeds Anchors Network with the
 * Centre for Local Economic Strategies), on CLES's community wealth building pillars and on the
 * Health Foundation's anchor domains; none of them is reproduced.
 */
public enum ProgressionLevel {
  GETTING_STARTED(
      1,
      "Getting started",
      "The organisation sees itself as part of its place and is finding out what it could do: a"
          + " few people lead, actions are one-off and little is measured."),
  DEVELOPING(
      2,
      "Developing",
      "There is a named lead and a plan with some targets; early projects run, and the"
          + " organisation collects a baseline to measure against."),
  EMBEDDED(
      3,
      "Embedded",
      "The way of working is part of ordinary decisions, budgets and contracts; targets are set"
          + " with partners and progress is reported in public."),
  LEADING(
      4,
      "Leading",
      "The organisation changes how its place works with others: it shares what it learns, pools"
          + " effort across anchors and holds itself to account on outcomes for the most deprived"
          + " communities.");

  private final int level;
  private final String label;
  private final String descriptor;

  ProgressionLevel(int level, String label, String descriptor) {
    this.level = level;
    this.label = label;
    this.descriptor = descriptor;
  }

  /** 1 (getting started) to 4 (leading). */
  public int level() {
    return level;
  }

  public String label() {
    return label;
  }

  /** What the level means under any pillar. */
  public String descriptor() {
    return descriptor;
  }

  /** What the level looks like under one pillar. */
  public String descriptor(Pillar pillar) {
    return switch (pillar) {
      case EMPLOYMENT ->
          switch (this) {
            case GETTING_STARTED ->
                "Knows where its staff live and pays at least the legal minimum; recruitment is"
                    + " not yet aimed at local people facing barriers to work.";
            case DEVELOPING ->
                "Runs some routes into work (apprenticeships, placements, supported employment)"
                    + " and is working towards the real Living Wage for staff and contractors.";
            case EMBEDDED ->
                "Recruits from its most deprived neighbourhoods on purpose, with careers that"
                    + " progress, flexible work and targets it reports against.";
            case LEADING ->
                "Shares routes into work with other anchors across the system and tracks good"
                    + " work outcomes for local people, not only its own vacancies.";
          };
      case PROCUREMENT ->
          switch (this) {
            case GETTING_STARTED ->
                "Knows roughly how much it spends and with whom, but not where its suppliers"
                    + " are.";
            case DEVELOPING ->
                "Measures its local spend, weights social value in tenders and opens some"
                    + " contracts to small suppliers and the voluntary sector.";
            case EMBEDDED ->
                "Sets local and social value targets in every major contract and works with"
                    + " local suppliers to win them; its spend in deprived areas is rising.";
            case LEADING ->
                "Plans spend with other anchors to build the local economy, growing local and"
                    + " community-owned suppliers where the system needs them most.";
          };
      case ESTATES ->
          switch (this) {
            case GETTING_STARTED ->
                "Knows what land and buildings it holds and which are under-used.";
            case DEVELOPING ->
                "Opens some spaces to community use and considers social value when selling or"
                    + " letting.";
            case EMBEDDED ->
                "Uses land and buildings for community benefit as a matter of course, such as"
                    + " affordable housing, health hubs or space for local groups.";
            case LEADING ->
                "Plans its estate with other anchors and the council so that public land serves"
                    + " the place's long-term needs.";
          };
      case ENVIRONMENT ->
          switch (this) {
            case GETTING_STARTED ->
                "Measures some of its own emissions and has a net zero ambition.";
            case DEVELOPING ->
                "Has a green plan with dated targets for its buildings, travel and supply chain.";
            case EMBEDDED ->
                "Cuts emissions on a published path, improves green space and air quality"
                    + " around its sites, and reports progress every year.";
            case LEADING ->
                "Acts with partners on the place's environment (transport, heat, nature),"
                    + " putting the communities most exposed to harm first.";
          };
      case PARTNER_IN_PLACE ->
          switch (this) {
            case GETTING_STARTED -> "Takes part in local partnerships when asked.";
            case DEVELOPING ->
                "Has a board-level lead for its civic role and shares some data and expertise"
                    + " with partners.";
            case EMBEDDED ->
                "Sets shared goals with other anchors and communities, and pools data, staff or"
                    + " money to meet them.";
            case LEADING ->
                "Convenes the place: brings anchors together around the system's needs, spreads"
                    + " support to those starting out and is held to account in public.";
          };
    };
  }

  /** The level with this number (1 to 4), if any. */
  public static Optional<ProgressionLevel> of(int level) {
    for (ProgressionLevel l : values()) {
      if (l.level == level) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
