package org.fourthpurpose.question.proposition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.MeasureSummary;
import org.fourthpurpose.impact.NewMeasure;
import org.fourthpurpose.question.Decision;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.PropositionStatus;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's testable propositions through the API: viewers read them and their decision logs;
 * editors add, change, move on (with a decision and a reason) and remove ideas, and add the
 * measures that will show success. A refusal is a 400 problem naming the field; nothing changes.
 */
@Tag(name = "Testable propositions")
@NeedsReferenceData({"anchor-seed", "indicators"})
@RestController
class PropositionApiController {

  static final String BASE = "/api/v1/workspaces/{icbCode}/propositions";

  private final StoredPropositions stored;
  private final PropositionChanges changes;
  private final PropositionView view;
  private final PropositionMeasures measures;
  private final WorkspaceAccess access;
  private final AuditLog audit;
  private final Geography geography;

  PropositionApiController(
      StoredPropositions stored,
      PropositionChanges changes,
      PropositionView view,
      PropositionMeasures measures,
      WorkspaceAccess access,
      AuditLog audit,
      Geography geography) {
    this.stored = stored;
    this.changes = changes;
    this.view = view;
    this.measures = measures;
    this.access = access;
    this.audit = audit;
    this.geography = geography;
  }

  /** A proposition as the API takes it. */
  record PropositionBody(
      String questionId,
      String title,
      String ifWe,
      String then,
      String measuredBy,
      List<PartnerBody> partners,
      List<String> policies,
      PilotBody pilot,
      Integer version) {

    PropositionDraft draft() {
      PilotBody p = pilot == null ? new PilotBody(List.of(), null, null, null, null) : pilot;
      return new PropositionDraft(
          questionId,
          title,
          ifWe,
          then,
          measuredBy,
          partners == null
              ? List.of()
              : partners.stream()
                  .filter(x -> x != null)
                  .map(x -> new PropositionDraft.PartnerInput(x.organisationId(), x.role()))
                  .toList(),
          policies,
          p.places(),
          p.whom(),
          p.from(),
          p.to(),
          p.cost());
    }
  }

  /** A partner as the API takes it: the organisation's register id and a role code. */
  record PartnerBody(String organisationId, String role) {}

  /** A pilot as the API takes it; {@code cost} in pounds, e.g. "12500.50". */
  record PilotBody(List<String> places, String whom, String from, String to, String cost) {}

  /** A move as the API takes it. */
  record MoveBody(String from, String to, String decision, String reason) {}

  /** A partner as the API gives it. */
  record PartnerJson(long organisationId, String name, String type, String role) {}

  /** A policy or funding programme as the API gives it. */
  record PolicyJson(
      String id, String name, String kind, String status, String checkedOn, String url) {}

  /** A place of the pilot. */
  record PlaceJson(String code, String name) {}

  /** A pilot as the API gives it: dates yyyy-mm-dd, cost in pounds with two decimals. */
  record PilotJson(List<PlaceJson> places, String whom, String from, String to, String cost) {}

  /** An indicator of the question's evidence, with its page. */
  record EvidenceJson(String id, String title, String url) {}

  /** A proposition as the API gives it. */
  record PropositionJson(
      long id,
      long questionId,
      String question,
      String title,
      String ifWe,
      String then,
      String measuredBy,
      String hypothesis,
      String status,
      List<String> nextStatuses,
      int version,
      List<PartnerJson> partners,
      List<PolicyJson> policies,
      PilotJson pilot,
      List<EvidenceJson> evidence,
      List<String> warnings,
      String createdAt,
      String updatedAt) {}

  /** A decision log entry as the API gives it. */
  record DecisionJson(
      long id,
      String from,
      String to,
      String decision,
      String reason,
      String decidedBy,
      String decidedAt) {}

  /** A measure as the API takes it: its name, definition, unit, which way is better, target. */
  record MeasureBody(
      String name,
      String definition,
      String unit,
      String improvement,
      Double target,
      String targetDate) {}

  @Operation(summary = "The workspace's testable propositions, newest first")
  @GetMapping(value = BASE, produces = "application/json")
  List<PropositionJson> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return view.show(icb.code(), stored.propositions(icb.code())).stream()
        .map(PropositionApiController::json)
        .toList();
  }

  @Operation(summary = "One proposition")
  @GetMapping(value = BASE + "/{id}", produces = "application/json")
  PropositionJson one(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return json(view.show(icb.code(), require(icb, id)));
  }

  @Operation(
      summary = "Adds a proposition as an idea (editors)",
      description =
          "questionId must be one of the workspace's agreed priority questions; partners are"
              + " organisations of its anchor register with a role (lead, partner, funder,"
              + " evaluator, adviser); policies are ids of the policy catalogue; pilot places are"
              + " codes of the system's sub-ICB locations or districts, dates yyyy-mm-dd, cost in"
              + " pounds. Answers 201, or 400 naming the field at fault (nothing stored).")
  @PostMapping(value = BASE, consumes = "application/json", produces = "application/json")
  ResponseEntity<PropositionJson> add(
      @PathVariable String icbCode, @RequestBody PropositionBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    try {
      Proposition p = changes.add(icb.code(), required(body).draft());
      return ResponseEntity.status(HttpStatus.CREATED).body(json(view.show(icb.code(), p)));
    } catch (PropositionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(
      summary = "Changes a proposition's content, not its status (editors)",
      description =
          "The whole proposition as for adding, with the version read (a newer change by"
              + " someone else answers 409). Answers 200 or 400 naming the field at fault.")
  @PutMapping(value = BASE + "/{id}", consumes = "application/json", produces = "application/json")
  PropositionJson update(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody PropositionBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    PropositionBody b = required(body);
    try {
      return json(
          view.show(
              icb.code(),
              changes.update(
                  icb.code(), p, b.version() == null ? p.version() : b.version(), b.draft())));
    } catch (PropositionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(
      summary = "Removes a proposition that is still an idea (editors)",
      description =
          "One that has moved on is stopped instead (409), so that its decision log stays.")
  @DeleteMapping(BASE + "/{id}")
  ResponseEntity<Void> remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    changes.remove(icb.code(), require(icb, id));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "The proposition's decision log, oldest first")
  @GetMapping(value = BASE + "/{id}/decisions", produces = "application/json")
  List<DecisionJson> decisions(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    require(icb, id);
    return stored.decisions(icb.code(), id).stream().map(PropositionApiController::json).toList();
  }

  @Operation(
      summary = "Moves a proposition to another status, with the decision and its reason (editors)",
      description =
          "idea → agreed (needs a lead partner) → piloting (needs the pilot's places and start)"
              + " → evaluated → scaled; any of them → stopped. from, when given, is the status the"
              + " decision was made on: if the proposition has moved since, 409. Answers 201 with"
              + " the decision log entry, or 400 naming the field at fault.")
  @PostMapping(
      value = BASE + "/{id}/transitions",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<DecisionJson> move(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody MoveBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    MoveBody b = body == null ? new MoveBody(null, null, null, null) : body;
    try {
      Decision d = changes.move(icb.code(), p, b.from(), b.to(), b.decision(), b.reason());
      return ResponseEntity.status(HttpStatus.CREATED).body(json(d));
    } catch (PropositionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "The measures that will show the proposition's success")
  @GetMapping(value = BASE + "/{id}/measures", produces = "application/json")
  List<MeasureSummary> measures(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    require(icb, id);
    return measures.ofProposition(icb.code(), id);
  }

  @Operation(
      summary = "Adds a measure of the proposition's success (editors)",
      description =
          "Created as an impact measure linked to the proposition, so it appears on the impact"
              + " page. improvement is increase, decrease or neutral; targetDate yyyy-mm-dd.")
  @PostMapping(
      value = BASE + "/{id}/measures",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<MeasureSummary> addMeasure(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody MeasureBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    Proposition p = require(icb, id);
    if (body == null) {
      throw new InvalidInputException("name", "Send the measure as a JSON object");
    }
    java.time.LocalDate targetDate = null;
    if (body.targetDate() != null && !body.targetDate().isBlank()) {
      targetDate =
          PropositionChecks.parseDate(body.targetDate().strip())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "targetDate",
                          body.targetDate(),
                          "targetDate must be a date: yyyy-mm-dd"));
    }
    MeasureSummary created =
        measures.create(
            icb.code(),
            new NewMeasure(
                body.name(),
                body.definition(),
                body.unit(),
                body.improvement(),
                body.target(),
                targetDate,
                PropositionLinkTargets.KIND,
                p.id()),
            audit.currentActor());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  private static PropositionBody required(PropositionBody body) {
    if (body == null) {
      throw new InvalidInputException("title", "Send the proposition as a JSON object");
    }
    return body;
  }

  private Proposition require(IntegratedCareBoard icb, long id) {
    return stored
        .proposition(icb.code(), id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "id", String.valueOf(id), "This workspace has no proposition " + id));
  }

  static PropositionJson json(PropositionView.Shown s) {
    Proposition p = s.proposition();
    List<PlaceJson> places = new java.util.ArrayList<>();
    for (int i = 0; i < p.pilot().places().size(); i++) {
      places.add(new PlaceJson(p.pilot().places().get(i), s.places().get(i)));
    }
    return new PropositionJson(
        p.id(),
        p.questionId(),
        s.question() == null ? null : s.question().text(),
        p.title(),
        p.ifWe(),
        p.then(),
        p.measuredBy(),
        p.hypothesis(),
        p.status().code(),
        p.status().next().stream().map(PropositionStatus::code).toList(),
        p.version(),
        s.partners().stream()
            .map(x -> new PartnerJson(x.organisationId(), x.name(), x.type(), x.role()))
            .toList(),
        s.policies().stream()
            .map(
                x ->
                    new PolicyJson(
                        x.id(),
                        x.name(),
                        x.kind(),
                        x.status(),
                        x.checked() == null ? null : x.checked().toString(),
                        x.url()))
            .toList(),
        new PilotJson(
            places,
            p.pilot().whom(),
            p.pilot().from() == null ? null : p.pilot().from().toString(),
            p.pilot().to() == null ? null : p.pilot().to().toString(),
            p.pilot().cost() == null ? null : p.pilot().cost().toPlainString()),
        s.evidence().stream()
            .map(e -> new EvidenceJson(e.id(), e.title(), "/indicators/" + e.id()))
            .toList(),
        s.warnings(),
        p.createdAt() == null ? null : p.createdAt().toString(),
        p.updatedAt() == null ? null : p.updatedAt().toString());
  }

  static DecisionJson json(Decision d) {
    return new DecisionJson(
        d.id(),
        d.from() == null ? null : d.from().code(),
        d.to().code(),
        d.decision(),
        d.reason(),
        d.decidedBy(),
        d.decidedAt() == null ? null : d.decidedAt().toString());
  }
}
