package org.fourthpurpose.maturity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The shapes the maturity API reads and writes. Kept apart from the domain types so the JSON names
 * stay fixed when the code changes; levels always appear by their codes (e.g. {@code emerging}).
 */
final class MaturityJson {

  private MaturityJson() {}

  record FrameworkBody(
      String version,
      String title,
      SourceBody source,
      List<GuidanceBody> systemAgeGuidance,
      List<DomainBody> domains) {

    static FrameworkBody of(Framework f) {
      return new FrameworkBody(
          f.version(),
          f.title(),
          SourceBody.of(f.source()),
          f.systemAgeGuidance().stream()
              .map(g -> new GuidanceBody(g.level().code(), g.guidance()))
              .toList(),
          f.domains().stream().map(DomainBody::of).toList());
    }
  }

  record SourceBody(
      String author,
      String title,
      String publisher,
      int year,
      String url,
      String citation,
      String note) {
    static SourceBody of(FrameworkSource s) {
      return new SourceBody(
          s.author(), s.title(), s.publisher(), s.year(), s.url(), s.citation(), s.note());
    }
  }

  record GuidanceBody(String level, String guidance) {}

  record DomainBody(String id, String title, List<AreaBody> areas) {
    static DomainBody of(FrameworkDomain d) {
      return new DomainBody(d.id(), d.title(), d.areas().stream().map(AreaBody::of).toList());
    }
  }

  record AreaBody(
      String id,
      String title,
      String summary,
      List<String> examples,
      List<String> policyLinks,
      String addedBy,
      List<LevelBody> levels) {
    static AreaBody of(FocusArea a) {
      return new AreaBody(
          a.id(),
          a.title(),
          a.summary(),
          a.examples(),
          a.policyLinks(),
          a.addedBy(),
          a.levels().stream().map(l -> new LevelBody(l.level().code(), l.descriptor())).toList());
    }
  }

  record LevelBody(String level, String descriptor) {}

  record RoundBody(
      long id,
      String icbCode,
      String name,
      String status,
      String frameworkVersion,
      OffsetDateTime openedAt,
      OffsetDateTime closedAt) {
    static RoundBody of(AssessmentRound r, String frameworkVersion) {
      return new RoundBody(
          r.id(), r.icbCode(), r.name(), r.status(), frameworkVersion, r.openedAt(), r.closedAt());
    }
  }

  record RoundDetailBody(RoundBody round, List<DomainBody> domains, List<AssessorBody> assessors) {}

  record OpenRoundBody(String name) {}

  record AssessorBody(
      long id,
      String name,
      String organisation,
      boolean personalLink,
      OffsetDateTime invitedAt,
      OffsetDateTime submittedAt) {
    static AssessorBody of(Assessor a) {
      return new AssessorBody(
          a.id(),
          a.displayName(),
          a.organisation(),
          a.personalLink(),
          a.invitedAt(),
          a.submittedAt());
    }
  }

  record InviteBody(String name, String organisation, String email) {}

  /** The link is present once, for a personal-link assessor, at the moment of invitation. */
  record InvitationBody(AssessorBody assessor, String personalLink) {}

  record RatingBody(
      String areaId,
      String level,
      String fulfilment,
      String confidence,
      String evidence,
      List<String> evidenceLinks,
      Integer version,
      OffsetDateTime updatedAt) {
    static RatingBody of(Rating r) {
      return new RatingBody(
          r.areaId(),
          r.level().code(),
          r.fulfilment() == null ? null : r.fulfilment().code(),
          r.confidence() == null ? null : r.confidence().code(),
          r.evidence(),
          r.evidenceLinks(),
          r.version(),
          r.updatedAt());
    }

    RatingInput toInput(String areaIdFromPath) {
      return new RatingInput(
          areaIdFromPath != null ? areaIdFromPath : areaId,
          level,
          fulfilment,
          confidence,
          evidence,
          evidenceLinks == null ? "" : String.join("\n", evidenceLinks),
          version);
    }
  }

  record RatingsBody(List<RatingBody> ratings) {}

  record MyRatingsBody(AssessorBody assessor, List<RatingBody> ratings) {}

  record AgreementBody(
      String areaId,
      String level,
      String fulfilment,
      String rationale,
      Integer version,
      OffsetDateTime agreedAt) {
    static AgreementBody of(Agreement a) {
      return new AgreementBody(
          a.areaId(),
          a.level().code(),
          a.fulfilment() == null ? null : a.fulfilment().code(),
          a.rationale(),
          a.version(),
          a.agreedAt());
    }
  }

  record SpreadBody(
      int rated,
      Map<String, Integer> counts,
      Double lowest,
      Double highest,
      double range,
      boolean disagreement) {
    static SpreadBody of(RatingSpread s) {
      Map<String, Integer> counts = new java.util.LinkedHashMap<>();
      for (MaturityLevel level : MaturityLevel.values()) {
        counts.put(level.code(), s.countAt(level));
      }
      return new SpreadBody(
          s.count(),
          counts,
          Double.isNaN(s.lowest()) ? null : s.lowest(),
          Double.isNaN(s.highest()) ? null : s.highest(),
          s.range(),
          s.disagreement());
    }
  }

  record AssessorRatingBody(
      long assessorId, String assessor, String organisation, RatingBody rating) {}

  record AreaModerationBody(
      String domainId,
      String areaId,
      String title,
      List<AssessorRatingBody> ratings,
      SpreadBody spread,
      AgreementBody agreed) {
    static AreaModerationBody of(AreaModeration m) {
      return new AreaModerationBody(
          m.domain().id(),
          m.area().id(),
          m.area().title(),
          m.ratings().stream()
              .map(
                  r ->
                      new AssessorRatingBody(
                          r.assessor().id(),
                          r.assessor().displayName(),
                          r.assessor().organisation(),
                          r.rating().map(RatingBody::of).orElse(null)))
              .toList(),
          SpreadBody.of(m.spread()),
          m.agreement().map(AgreementBody::of).orElse(null));
    }
  }

  record ModerationBody(
      RoundBody round, List<AreaModerationBody> areas, List<String> disagreementsWidestFirst) {}

  record MilestoneBody(
      long id,
      String areaId,
      String targetLevel,
      String targetDescriptor,
      String action,
      String owner,
      List<String> partners,
      LocalDate dueDate,
      String status,
      boolean overdue,
      int version) {
    static MilestoneBody of(Milestone m, RoundScope scope, LocalDate today) {
      return new MilestoneBody(
          m.id(),
          m.areaId(),
          m.targetLevel().code(),
          scope.area(m.areaId()).flatMap(a -> a.descriptor(m.targetLevel())).orElse(null),
          m.action(),
          m.owner(),
          m.partners(),
          m.dueDate(),
          m.status().code(),
          m.overdueOn(today),
          m.version());
    }
  }

  record MilestoneRequest(
      String areaId,
      String targetLevel,
      String action,
      String owner,
      List<String> partners,
      LocalDate dueDate,
      String status,
      Integer version) {
    MilestoneInput toInput() {
      return new MilestoneInput(
          areaId,
          targetLevel,
          action,
          owner,
          partners == null ? "" : String.join("\n", partners),
          dueDate == null ? null : dueDate.toString(),
          status,
          version);
    }
  }

  record ProgressBody(
      List<RoundBody> rounds, List<ProgressRowBody> areas, List<MovementBody> movements) {}

  record ProgressRowBody(String domainId, String areaId, String title, List<String> agreedLevels) {}

  record MovementBody(
      String areaTitle,
      String fromRound,
      String toRound,
      String from,
      String to,
      String direction,
      String rationale) {}

  record SharingBody(boolean shareLevels, boolean publishName) {}

  record AddAreaBody(String domainId, String title, String summary, List<LevelBody> levels) {}

  record BenchmarkBody(
      int systemsSharing,
      int minimumSystems,
      boolean suppressed,
      List<BenchmarkAreaBody> areas,
      List<PublishedBody> publishedSystems) {}

  record BenchmarkAreaBody(
      String areaId, String title, Integer systems, Map<String, Integer> counts) {}

  record PublishedBody(String name, String round, Map<String, String> levels) {}
}
