package org.fourthpurpose.maturity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.maturity.MaturityJson.AddAreaBody;
import org.fourthpurpose.maturity.MaturityJson.AgreementBody;
import org.fourthpurpose.maturity.MaturityJson.AreaBody;
import org.fourthpurpose.maturity.MaturityJson.AreaModerationBody;
import org.fourthpurpose.maturity.MaturityJson.AssessorBody;
import org.fourthpurpose.maturity.MaturityJson.BenchmarkAreaBody;
import org.fourthpurpose.maturity.MaturityJson.BenchmarkBody;
import org.fourthpurpose.maturity.MaturityJson.DomainBody;
import org.fourthpurpose.maturity.MaturityJson.FrameworkBody;
import org.fourthpurpose.maturity.MaturityJson.InvitationBody;
import org.fourthpurpose.maturity.MaturityJson.InviteBody;
import org.fourthpurpose.maturity.MaturityJson.MilestoneBody;
import org.fourthpurpose.maturity.MaturityJson.MilestoneRequest;
import org.fourthpurpose.maturity.MaturityJson.ModerationBody;
import org.fourthpurpose.maturity.MaturityJson.MovementBody;
import org.fourthpurpose.maturity.MaturityJson.MyRatingsBody;
import org.fourthpurpose.maturity.MaturityJson.OpenRoundBody;
import org.fourthpurpose.maturity.MaturityJson.ProgressBody;
import org.fourthpurpose.maturity.MaturityJson.ProgressRowBody;
import org.fourthpurpose.maturity.MaturityJson.PublishedBody;
import org.fourthpurpose.maturity.MaturityJson.RatingBody;
import org.fourthpurpose.maturity.MaturityJson.RatingsBody;
import org.fourthpurpose.maturity.MaturityJson.RoundBody;
import org.fourthpurpose.maturity.MaturityJson.RoundDetailBody;
import org.fourthpurpose.maturity.MaturityJson.SharingBody;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The maturity API under {@code /api/v1}: the public framework and benchmark, the platform
 * administrator's publishing, and each workspace's rounds. The services check every access rule.
 */
@Tag(
    name = "Maturity",
    description =
        "The framework and benchmark (public); each workspace's rounds, ratings, moderation, agreements, milestones, progress and sharing (bearer token); an invited assessor's ratings under /api/v1/assess/{token}, where the personal link's token is the grant")
@RestController
class MaturityApiController {

  static final String WORKSPACE = "/api/v1/workspaces/{icbCode}/maturity";

  private final FrameworkCatalogue catalogue;
  private final AssessmentService assessments;
  private final ModerationService moderation;
  private final MilestoneService milestones;
  private final ProgressService progress;
  private final BenchmarkService benchmark;

  MaturityApiController(
      FrameworkCatalogue catalogue,
      AssessmentService assessments,
      ModerationService moderation,
      MilestoneService milestones,
      ProgressService progress,
      BenchmarkService benchmark) {
    this.catalogue = catalogue;
    this.assessments = assessments;
    this.moderation = moderation;
    this.milestones = milestones;
    this.progress = progress;
    this.benchmark = benchmark;
  }

  // Public

  @Operation(
      summary =
          "The current maturity framework (Elliott, NHS Confederation 2022, in our own words)",
      description =
          "domains[] → areas[] (id, title) → levels[] (level is emerging, established or"
              + " expanding; descriptor).")
  @GetMapping("/api/v1/maturity/frameworks/current")
  FrameworkBody currentFramework() {
    return FrameworkBody.of(catalogue.current());
  }

  @Operation(
      summary =
          "How many sharing systems agreed each level per area (hidden below five systems; names"
              + " only those that publish)")
  @GetMapping("/api/v1/maturity/benchmark")
  BenchmarkBody benchmark() {
    Benchmark b = benchmark.benchmark();
    List<BenchmarkAreaBody> areas =
        b.areas().stream()
            .map(
                a -> {
                  if (a.suppressed()) {
                    return new BenchmarkAreaBody(a.areaId(), a.title(), null, null);
                  }
                  Map<String, Integer> counts = new LinkedHashMap<>();
                  for (MaturityLevel level : MaturityLevel.values()) {
                    counts.put(level.code(), a.count(level));
                  }
                  return new BenchmarkAreaBody(a.areaId(), a.title(), a.systems(), counts);
                })
            .toList();
    List<PublishedBody> published =
        b.published().stream()
            .map(
                p -> {
                  Map<String, String> levels = new LinkedHashMap<>();
                  p.levels().forEach((area, level) -> levels.put(area, level.code()));
                  return new PublishedBody(p.name(), p.round(), levels);
                })
            .toList();
    return new BenchmarkBody(
        b.systemsSharing(), Benchmark.MINIMUM_SYSTEMS, b.suppressed(), areas, published);
  }

  // Platform administrators

  @PostMapping(
      path = "/api/v1/admin/maturity/frameworks",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  FrameworkBody publish(@RequestBody String definition) {
    return FrameworkBody.of(catalogue.publish(definition));
  }

  // Workspaces

  @PostMapping(WORKSPACE + "/areas")
  @ResponseStatus(HttpStatus.CREATED)
  AreaBody addArea(@PathVariable String icbCode, @RequestBody AddAreaBody body) {
    Map<MaturityLevel, String> descriptors = new EnumMap<>(MaturityLevel.class);
    if (body.levels() != null) {
      for (var level : body.levels()) {
        MaturityLevel parsed =
            MaturityLevel.fromCode(level.level())
                .filter(MaturityLevel::isDescribed)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "levels.level",
                            level.level(),
                            "Each level must be emerging, established or expanding."));
        descriptors.put(parsed, level.descriptor());
      }
    }
    return AreaBody.of(
        catalogue.addSystemArea(
            icbCode, body.domainId(), body.title(), body.summary(), descriptors));
  }

  @GetMapping(WORKSPACE + "/rounds")
  List<RoundBody> rounds(@PathVariable String icbCode) {
    return assessments.rounds(icbCode).stream().map(this::roundBody).toList();
  }

  @PostMapping(WORKSPACE + "/rounds")
  @ResponseStatus(HttpStatus.CREATED)
  RoundBody open(@PathVariable String icbCode, @RequestBody OpenRoundBody body) {
    return roundBody(assessments.open(icbCode, body.name()));
  }

  @GetMapping(WORKSPACE + "/rounds/{roundId}")
  RoundDetailBody round(@PathVariable String icbCode, @PathVariable long roundId) {
    RoundScope scope = assessments.round(icbCode, roundId);
    return new RoundDetailBody(
        roundBody(scope.round()),
        scope.domains().stream().map(DomainBody::of).toList(),
        assessments.assessors(icbCode, roundId).stream().map(AssessorBody::of).toList());
  }

  @PostMapping(WORKSPACE + "/rounds/{roundId}/close")
  RoundBody close(@PathVariable String icbCode, @PathVariable long roundId) {
    return roundBody(assessments.close(icbCode, roundId));
  }

  @GetMapping(WORKSPACE + "/rounds/{roundId}/assessors")
  List<AssessorBody> assessors(@PathVariable String icbCode, @PathVariable long roundId) {
    return assessments.assessors(icbCode, roundId).stream().map(AssessorBody::of).toList();
  }

  @PostMapping(WORKSPACE + "/rounds/{roundId}/assessors")
  @ResponseStatus(HttpStatus.CREATED)
  InvitationBody invite(
      @PathVariable String icbCode, @PathVariable long roundId, @RequestBody InviteBody body) {
    Invitation invitation =
        assessments.invite(icbCode, roundId, body.name(), body.organisation(), body.email());
    return new InvitationBody(
        AssessorBody.of(invitation.assessor()),
        invitation.linkToken().map(MaturityApiController::personalLink).orElse(null));
  }

  static String personalLink(String token) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/assess/{token}")
        .buildAndExpand(token)
        .toUriString();
  }

  @GetMapping(WORKSPACE + "/rounds/{roundId}/my-ratings")
  MyRatingsBody myRatings(@PathVariable String icbCode, @PathVariable long roundId) {
    Assessor assessor = assessments.myAssessor(icbCode, roundId);
    return new MyRatingsBody(
        AssessorBody.of(assessor),
        assessments.ratingsOf(assessor).values().stream().map(RatingBody::of).toList());
  }

  @PutMapping(WORKSPACE + "/rounds/{roundId}/my-ratings")
  MyRatingsBody saveRatings(
      @PathVariable String icbCode, @PathVariable long roundId, @RequestBody RatingsBody body) {
    Assessor assessor = assessments.myAssessor(icbCode, roundId);
    List<RatingInput> inputs = new ArrayList<>();
    if (body.ratings() != null) {
      body.ratings().forEach(r -> inputs.add(r.toInput(null)));
    }
    return new MyRatingsBody(
        AssessorBody.of(assessor),
        assessments.save(assessor, inputs).values().stream().map(RatingBody::of).toList());
  }

  @PutMapping(WORKSPACE + "/rounds/{roundId}/my-ratings/{areaId}")
  RatingBody saveRating(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @PathVariable String areaId,
      @RequestBody RatingBody body) {
    Assessor assessor = assessments.myAssessor(icbCode, roundId);
    return RatingBody.of(assessments.save(assessor, List.of(body.toInput(areaId))).get(areaId));
  }

  @PostMapping(WORKSPACE + "/rounds/{roundId}/my-ratings/submit")
  AssessorBody submit(@PathVariable String icbCode, @PathVariable long roundId) {
    return AssessorBody.of(assessments.submit(assessments.myAssessor(icbCode, roundId)));
  }

  // An assessor invited by personal link uses the link's token as the capability: no account, and
  // it reaches only
  // that assessor's own ratings in that one round.

  @GetMapping("/api/v1/assess/{token}")
  MyRatingsBody linkRatings(@PathVariable String token) {
    Assessor assessor = assessments.assessorForLink(token);
    return new MyRatingsBody(
        AssessorBody.of(assessor),
        assessments.ratingsOf(assessor).values().stream().map(RatingBody::of).toList());
  }

  @PutMapping("/api/v1/assess/{token}/ratings/{areaId}")
  RatingBody saveLinkRating(
      @PathVariable String token, @PathVariable String areaId, @RequestBody RatingBody body) {
    Assessor assessor = assessments.assessorForLink(token);
    return RatingBody.of(assessments.save(assessor, List.of(body.toInput(areaId))).get(areaId));
  }

  @PostMapping("/api/v1/assess/{token}/submit")
  AssessorBody submitByLink(@PathVariable String token) {
    return AssessorBody.of(assessments.submit(assessments.assessorForLink(token)));
  }

  @GetMapping(WORKSPACE + "/rounds/{roundId}/moderation")
  ModerationBody moderation(@PathVariable String icbCode, @PathVariable long roundId) {
    ModerationView view = moderation.moderation(icbCode, roundId);
    return new ModerationBody(
        roundBody(view.scope().round()),
        view.areas().stream().map(AreaModerationBody::of).toList(),
        view.disagreements().stream().map(a -> a.area().id()).toList());
  }

  @PutMapping(WORKSPACE + "/rounds/{roundId}/agreements/{areaId}")
  AgreementBody agree(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @PathVariable String areaId,
      @RequestBody AgreementBody body) {
    return AgreementBody.of(
        moderation.agree(
            icbCode,
            roundId,
            areaId,
            body.level(),
            body.fulfilment(),
            body.rationale(),
            body.version()));
  }

  @GetMapping(WORKSPACE + "/rounds/{roundId}/milestones")
  List<MilestoneBody> milestones(@PathVariable String icbCode, @PathVariable long roundId) {
    RoundScope scope = assessments.round(icbCode, roundId);
    return milestones.milestones(icbCode, roundId).stream()
        .map(m -> MilestoneBody.of(m, scope, milestones.today()))
        .toList();
  }

  @PostMapping(WORKSPACE + "/rounds/{roundId}/milestones")
  @ResponseStatus(HttpStatus.CREATED)
  MilestoneBody addMilestone(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @RequestBody MilestoneRequest body) {
    Milestone added = milestones.add(icbCode, roundId, body.toInput());
    return MilestoneBody.of(added, assessments.round(icbCode, roundId), milestones.today());
  }

  @PutMapping(WORKSPACE + "/rounds/{roundId}/milestones/{milestoneId}")
  MilestoneBody updateMilestone(
      @PathVariable String icbCode,
      @PathVariable long roundId,
      @PathVariable long milestoneId,
      @RequestBody MilestoneRequest body) {
    Milestone updated = milestones.update(icbCode, roundId, milestoneId, body.toInput());
    return MilestoneBody.of(updated, assessments.round(icbCode, roundId), milestones.today());
  }

  @GetMapping(WORKSPACE + "/progress")
  ProgressBody progress(@PathVariable String icbCode) {
    Progress p = progress.progress(icbCode);
    return new ProgressBody(
        p.rounds().stream().map(this::roundBody).toList(),
        p.rows().stream()
            .map(
                r ->
                    new ProgressRowBody(
                        r.domainId(),
                        r.areaId(),
                        r.areaTitle(),
                        r.agreed().stream()
                            .map(a -> a.map(x -> x.level().code()).orElse(null))
                            .toList()))
            .toList(),
        p.movements().stream()
            .map(
                m ->
                    new MovementBody(
                        m.areaTitle(),
                        m.from().name(),
                        m.to().name(),
                        m.before().level().code(),
                        m.after().level().code(),
                        m.up() ? "up" : "down",
                        m.after().rationale()))
            .toList());
  }

  @GetMapping(WORKSPACE + "/sharing")
  SharingBody sharing(@PathVariable String icbCode) {
    SharingChoice choice = benchmark.sharing(icbCode);
    return new SharingBody(choice.shareLevels(), choice.publishName());
  }

  @PutMapping(WORKSPACE + "/sharing")
  SharingBody updateSharing(@PathVariable String icbCode, @RequestBody SharingBody body) {
    SharingChoice choice =
        benchmark.updateSharing(icbCode, new SharingChoice(body.shareLevels(), body.publishName()));
    return new SharingBody(choice.shareLevels(), choice.publishName());
  }

  private RoundBody roundBody(AssessmentRound round) {
    return RoundBody.of(round, catalogue.version(round.frameworkId()).version());
  }
}
