package org.fourthpurpose.maturity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and closing rounds, inviting assessors and saving their ratings. Every public method
 * checks the workspace rules itself, so pages and the API cannot differ.
 */
@Service
public class AssessmentService {

  static final int MAX_EVIDENCE = 10_000;
  static final int MAX_LINKS = 20;

  private final RoundStore store;
  private final FrameworkCatalogue catalogue;
  private final WorkspaceAccess access;
  private final AccountService accounts;
  private final Clock clock;
  private final MaturityAudit audit;
  private final SecureRandom random = new SecureRandom();

  AssessmentService(
      RoundStore store,
      FrameworkCatalogue catalogue,
      WorkspaceAccess access,
      AccountService accounts,
      Clock clock,
      MaturityAudit audit) {
    this.store = store;
    this.catalogue = catalogue;
    this.access = access;
    this.accounts = accounts;
    this.clock = clock;
    this.audit = audit;
  }

  public List<AssessmentRound> rounds(String icbCode) {
    access.requireView(icbCode);
    return store.rounds(icbCode);
  }

  /** A round of this workspace, for anyone who may view the workspace. */
  public RoundScope round(String icbCode, long roundId) {
    access.requireView(icbCode);
    return store.scope(existing(icbCode, roundId));
  }

  @Transactional
  public AssessmentRound open(String icbCode, String name) {
    access.requireAdminister(icbCode);
    String cleanName =
        Text.required("name", name, 100, "Enter a name for the round, e.g. 2026/27.");
    if (store.roundNameTaken(icbCode, cleanName)) {
      throw new ConflictException(
          "duplicate-round",
          "Round already exists",
          "name",
          cleanName,
          "There is already a round called " + cleanName + "; choose another name.");
    }
    Framework framework = catalogue.current();
    List<Long> areas = new ArrayList<>();
    framework.areas().forEach(a -> areas.add(a.rowId()));
    catalogue.systemAreas(icbCode).forEach(a -> areas.add(a.rowId()));
    long id =
        store.insertRound(
            icbCode, cleanName, framework.id(), areas, now(), currentAccountId().orElse(null));
    AssessmentRound opened = store.round(icbCode, id).orElseThrow();
    audit.roundOpened(opened, framework, areas.size());
    return opened;
  }

  @Transactional
  public AssessmentRound close(String icbCode, long roundId) {
    access.requireAdminister(icbCode);
    AssessmentRound round = requireOpen(existing(icbCode, roundId));
    store.close(round.id(), now());
    audit.roundClosed(round);
    return store.round(icbCode, roundId).orElseThrow();
  }

  public List<Assessor> assessors(String icbCode, long roundId) {
    access.requireView(icbCode);
    return store.assessors(existing(icbCode, roundId).id());
  }

  /**
   * Invites an assessor: by the email of an existing account, or, with no email, by a personal link
   * whose token is returned once.
   */
  @Transactional
  public Invitation invite(
      String icbCode, long roundId, String displayName, String organisation, String email) {
    access.requireAdminister(icbCode);
    AssessmentRound round = requireOpen(existing(icbCode, roundId));
    String cleanOrganisation =
        Text.required("organisation", organisation, 200, "Enter the assessor's organisation.");
    String cleanEmail = Text.optional("email", email, 254);
    if (!cleanEmail.isEmpty()) {
      Account account =
          accounts
              .findByEmail(cleanEmail)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "unknown-account",
                          "No such account",
                          "email",
                          cleanEmail,
                          "No account uses "
                              + cleanEmail
                              + ". Leave the email empty to invite them with a personal link"
                              + " instead."));
      if (store.assessorForAccount(round.id(), account.id()).isPresent()) {
        throw new InvalidInputException(
            "email", cleanEmail, account.displayName() + " is already an assessor in this round.");
      }
      String name =
          displayName == null || displayName.isBlank()
              ? account.displayName()
              : Text.optional("name", displayName, 200);
      long id =
          store.insertAssessor(round.id(), account.id(), name, cleanOrganisation, null, now());
      Assessor invited = store.assessor(round.id(), id).orElseThrow();
      audit.assessorInvited(round, invited);
      return new Invitation(invited, Optional.empty());
    }
    String name = Text.required("name", displayName, 200, "Enter the assessor's name.");
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id = store.insertAssessor(round.id(), null, name, cleanOrganisation, hash(token), now());
    store.touch(round.id());
    Assessor invited = store.assessor(round.id(), id).orElseThrow();
    audit.assessorInvited(round, invited);
    return new Invitation(invited, Optional.of(token));
  }

  /** The signed-in account's own place in a round; refused unless they were invited to it. */
  public Assessor myAssessor(String icbCode, long roundId) {
    Account account =
        access.currentAccount().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    AssessmentRound round =
        store
            .round(icbCode, roundId)
            .orElseThrow(
                () -> {
                  // Do not reveal whether another workspace's round exists.
                  if (!access.canView(icbCode)) {
                    return new AccessDeniedException("Not an assessor in this round.");
                  }
                  return notFound(roundId);
                });
    return store
        .assessorForAccount(round.id(), account.id())
        .orElseThrow(() -> new AccessDeniedException("You are not an assessor in this round."));
  }

  /** The assessor a personal link belongs to; an unknown token finds nothing. */
  public Assessor assessorForLink(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      throw new NotFoundException("token", null, "This assessment link is not valid.");
    }
    return store
        .assessorForLink(hash(token))
        .orElseThrow(
            () -> new NotFoundException("token", null, "This assessment link is not valid."));
  }

  /** The round an assessor rates in, without the workspace check (the assessor is the grant). */
  public RoundScope scopeFor(Assessor assessor) {
    return store.scope(store.round(assessor.roundId()).orElseThrow());
  }

  public Map<String, Rating> ratingsOf(Assessor assessor) {
    return store.ratingsOf(assessor.id());
  }

  /**
   * Saves an assessor's ratings as a draft, all or nothing. Inputs with no level are skipped (not
   * yet rated). A rating saved elsewhere since the assessor read it is refused, not overwritten.
   */
  @Transactional
  public Map<String, Rating> save(Assessor assessor, List<RatingInput> inputs) {
    Assessor current =
        store.assessor(assessor.roundId(), assessor.id()).orElseThrow(() -> notFound(0));
    RoundScope scope = scopeFor(current);
    requireOpen(scope.round());
    if (current.submitted()) {
      throw new ConflictException(
          "already-submitted",
          "Already submitted",
          "ratings",
          null,
          "You submitted your ratings for round "
              + scope.round().name()
              + "; they can no longer be changed.");
    }
    OffsetDateTime now = now();
    List<String> saved = new ArrayList<>();
    for (RatingInput input : inputs) {
      FocusArea area = scope.requireArea(input.areaId());
      if ((input.level() == null || input.level().isBlank())) {
        continue;
      }
      CheckedRating checked = check(area, input);
      Optional<Integer> stored = store.ratingVersion(current.id(), area.rowId());
      int seen = input.version() == null ? 0 : input.version();
      if (stored.isEmpty()) {
        if (seen != 0) {
          throw stale(area);
        }
        store.insertRating(current.id(), area.rowId(), checked, now);
      } else if (!store.updateRating(current.id(), area.rowId(), checked, seen, now)) {
        throw stale(area);
      }
      saved.add(area.id());
    }
    store.touch(current.roundId());
    Map<String, Rating> ratings = store.ratingsOf(current.id());
    if (!saved.isEmpty()) {
      Map<String, Rating> changed = new java.util.TreeMap<>(ratings);
      changed.keySet().retainAll(saved);
      audit.ratingsSaved(scope, current, changed);
    }
    return ratings;
  }

  /** Submits an assessor's ratings; every area must have been rated. */
  @Transactional
  public Assessor submit(Assessor assessor) {
    Assessor current =
        store.assessor(assessor.roundId(), assessor.id()).orElseThrow(() -> notFound(0));
    RoundScope scope = scopeFor(current);
    requireOpen(scope.round());
    if (current.submitted()) {
      throw new ConflictException(
          "already-submitted",
          "Already submitted",
          "ratings",
          null,
          "These ratings were already submitted.");
    }
    Map<String, Rating> ratings = store.ratingsOf(current.id());
    List<String> missing =
        scope.areas().stream()
            .filter(a -> !ratings.containsKey(a.id()))
            .map(FocusArea::title)
            .toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "ratings",
          String.valueOf(missing.size()),
          "Rate every area before submitting. Not yet rated: " + String.join("; ", missing) + ".");
    }
    store.touch(current.roundId());
    if (!store.markSubmitted(current.id(), now())) {
      throw new ConflictException(
          "already-submitted",
          "Already submitted",
          "ratings",
          null,
          "These ratings were already submitted.");
    }
    audit.ratingsSubmitted(scope, current, ratings.size());
    return store.assessor(current.roundId(), current.id()).orElseThrow();
  }

  static CheckedRating check(FocusArea area, RatingInput input) {
    String field = area.id();
    MaturityLevel level =
        MaturityLevel.fromCode(input.level())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        field + ".level",
                        input.level(),
                        "The level for "
                            + area.title()
                            + " must be not-yet-emerging, emerging, established or expanding, not \""
                            + input.level()
                            + "\"."));
    Fulfilment fulfilment = null;
    if (level.isDescribed()) {
      if (input.fulfilment() == null || input.fulfilment().isBlank()) {
        throw new InvalidInputException(
            field + ".fulfilment",
            input.fulfilment(),
            "Say whether "
                + area.title()
                + " meets the "
                + level.label().toLowerCase()
                + " level partly or fully.");
      }
      fulfilment =
          Fulfilment.fromCode(input.fulfilment())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          field + ".fulfilment",
                          input.fulfilment(),
                          "How fully the level is met must be partly or fully, not \""
                              + input.fulfilment()
                              + "\"."));
    }
    Confidence confidence = null;
    if (input.confidence() != null && !input.confidence().isBlank()) {
      confidence =
          Confidence.fromCode(input.confidence())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          field + ".confidence",
                          input.confidence(),
                          "Confidence must be low, medium or high, not \""
                              + input.confidence()
                              + "\"."));
    }
    String evidence = Text.optional(field + ".evidence", input.evidence(), MAX_EVIDENCE);
    List<String> links = links(field + ".evidenceLinks", input.evidenceLinks());
    return new CheckedRating(level, fulfilment, confidence, evidence, links);
  }

  static List<String> links(String field, String text) {
    List<String> links = new ArrayList<>();
    for (String line : RoundStore.lines(text == null ? "" : text.replace("\r", ""))) {
      String link = line.strip();
      if (link.length() > 2000 || !isWebAddress(link)) {
        throw new InvalidInputException(
            field,
            link.length() > 60 ? link.substring(0, 60) + "…" : link,
            "Each evidence link must be a web address starting with https:// or http://, one per line.");
      }
      links.add(link);
    }
    if (links.size() > MAX_LINKS) {
      throw new InvalidInputException(
          field, String.valueOf(links.size()), "Give at most " + MAX_LINKS + " evidence links.");
    }
    return List.copyOf(links);
  }

  private static boolean isWebAddress(String link) {
    try {
      URI uri = new URI(link);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static ConflictException stale(FocusArea area) {
    return new ConflictException(
        "stale-edit",
        "Edited elsewhere",
        area.id(),
        null,
        "Your rating for "
            + area.title()
            + " was changed elsewhere (perhaps in another tab) after you opened it. Nothing was saved;"
            + " reload the page to see the latest version.");
  }

  AssessmentRound existing(String icbCode, long roundId) {
    return store.round(icbCode, roundId).orElseThrow(() -> notFound(roundId));
  }

  static NotFoundException notFound(long roundId) {
    return new NotFoundException(
        "roundId", String.valueOf(roundId), "There is no such round in this workspace.");
  }

  static AssessmentRound requireOpen(AssessmentRound round) {
    if (!round.open()) {
      throw new ConflictException(
          "round-closed",
          "Round closed",
          "round",
          round.name(),
          "Round " + round.name() + " is closed; nothing in it can be changed.");
    }
    return round;
  }

  private Optional<Long> currentAccountId() {
    return access.currentAccount().map(Account::id);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
