package org.fourthpurpose.maturity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares assessors' ratings and records the level a round agrees for each area. Agreements live
 * in their own table: moderation never changes what an assessor entered.
 */
@Service
public class ModerationService {

  private final RoundStore store;
  private final AssessmentService rounds;
  private final WorkspaceAccess access;
  private final Clock clock;
  private final MaturityAudit audit;

  ModerationService(
      RoundStore store,
      AssessmentService rounds,
      WorkspaceAccess access,
      Clock clock,
      MaturityAudit audit) {
    this.store = store;
    this.rounds = rounds;
    this.access = access;
    this.clock = clock;
    this.audit = audit;
  }

  /** The moderation view; anyone who may view the workspace may read it. */
  public ModerationView moderation(String icbCode, long roundId) {
    access.requireView(icbCode);
    AssessmentRound round = rounds.existing(icbCode, roundId);
    // The view is immutable, so one built for this revision of the round can be shared.
    long revision = store.revision(round.id());
    Cached hit = cache.get(round.id());
    if (hit != null && hit.revision() == revision) {
      return hit.view();
    }
    ModerationView view = view(store.scope(round));
    if (cache.size() > 100) {
      cache.clear();
    }
    cache.put(round.id(), new Cached(revision, view));
    return view;
  }

  private record Cached(long revision, ModerationView view) {}

  private final java.util.Map<Long, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

  ModerationView view(RoundScope scope) {
    List<Assessor> assessors = store.assessors(scope.round().id());
    Map<Long, Map<String, Rating>> byAssessor =
        store.ratingsInRound(scope.round().id()).stream()
            .collect(
                Collectors.groupingBy(
                    Rating::assessorId, Collectors.toMap(Rating::areaId, r -> r)));
    Map<String, Agreement> agreements = store.agreements(scope.round().id());
    List<AreaModeration> areas = new ArrayList<>();
    for (FrameworkDomain domain : scope.domains()) {
      for (FocusArea area : domain.areas()) {
        List<AreaModeration.AssessorRating> ratings = new ArrayList<>();
        List<Rating> given = new ArrayList<>();
        for (Assessor assessor : assessors) {
          Optional<Rating> rating =
              Optional.ofNullable(byAssessor.getOrDefault(assessor.id(), Map.of()).get(area.id()));
          rating.ifPresent(given::add);
          ratings.add(new AreaModeration.AssessorRating(assessor, rating));
        }
        areas.add(
            new AreaModeration(
                domain,
                area,
                List.copyOf(ratings),
                RatingSpread.of(given),
                Optional.ofNullable(agreements.get(area.id()))));
      }
    }
    return new ModerationView(scope, assessors, List.copyOf(areas));
  }

  /**
   * Records the agreed level for one area (ICS administrators only, open rounds only).
   *
   * @param version the agreement's version the administrator saw; null or 0 when there was none
   */
  @Transactional
  public Agreement agree(
      String icbCode,
      long roundId,
      String areaId,
      String level,
      String fulfilment,
      String rationale,
      Integer version) {
    access.requireAdminister(icbCode);
    RoundScope scope =
        store.scope(AssessmentService.requireOpen(rounds.existing(icbCode, roundId)));
    FocusArea area = scope.requireArea(areaId);
    MaturityLevel agreed =
        MaturityLevel.fromCode(level)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "level",
                        level,
                        "Choose the agreed level for "
                            + area.title()
                            + ": not-yet-emerging, emerging, established or expanding."));
    Fulfilment met = null;
    if (agreed.isDescribed()) {
      met =
          Fulfilment.fromCode(fulfilment)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "fulfilment",
                          fulfilment,
                          "Say whether the agreed level is met partly or fully."));
    }
    String why =
        Text.required(
            "rationale",
            rationale,
            10_000,
            "Explain why this level was agreed for " + area.title() + ".");
    OffsetDateTime now = OffsetDateTime.now(clock);
    Long by = access.currentAccount().map(Account::id).orElse(null);
    int seen = version == null ? 0 : version;
    Optional<Integer> stored = store.agreementVersion(scope.round().id(), area.rowId());
    Agreement before = store.agreements(scope.round().id()).get(area.id());
    boolean saved;
    if (stored.isEmpty()) {
      saved = seen == 0;
      if (saved) {
        store.insertAgreement(scope.round().id(), area.rowId(), agreed, met, why, now, by);
      }
    } else {
      saved =
          store.updateAgreement(scope.round().id(), area.rowId(), agreed, met, why, seen, now, by);
    }
    if (!saved) {
      throw new ConflictException(
          "stale-edit",
          "Edited elsewhere",
          "version",
          String.valueOf(seen),
          "The agreed level for "
              + area.title()
              + " was changed by someone else after you opened it. Nothing was saved; reload to see it.");
    }
    store.touch(scope.round().id());
    Agreement agreement = store.agreements(scope.round().id()).get(area.id());
    audit.agreed(scope, area, before, agreement);
    return agreement;
  }
}
