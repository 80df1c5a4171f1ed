package org.fourthpurpose.question.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.question.Policy;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policies and funding programmes: anyone reads the current versions and every version's
 * history; platform administrators add and edit them under {@code /api/v1/admin}.
 */
@Tag(name = "Policies and funding programmes")
@RestController
class PolicyApiController {

  private final StoredPolicyCatalogue catalogue;

  PolicyApiController(StoredPolicyCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Operation(
      summary = "Every policy and funding programme in its current version (public)",
      description =
          "id, kind (policy or funding), name, summary, enables, whoCanUse, status (open, closed"
              + " or changing), checked (the date of the source text relied on), sourceUrl,"
              + " version, editedBy (null for the shipped version 1) and editedAt.")
  @GetMapping(value = "/api/v1/policies", produces = "application/json")
  List<Policy> policies() {
    return catalogue.policies();
  }

  @Operation(summary = "One policy or programme in its current version (public)")
  @GetMapping(value = "/api/v1/policies/{id}", produces = "application/json")
  Policy policy(@PathVariable String id) {
    return catalogue.find(id).orElseThrow(() -> unknown(id));
  }

  @Operation(summary = "Every version of one policy or programme, newest first (public)")
  @GetMapping(value = "/api/v1/policies/{id}/history", produces = "application/json")
  List<Policy> history(@PathVariable String id) {
    List<Policy> history = catalogue.history(id);
    if (history.isEmpty()) {
      throw unknown(id);
    }
    return history;
  }

  /** A policy as sent to be saved; {@code basedOn} is the version edited (for a change). */
  record PolicyBody(
      String id,
      String kind,
      String name,
      String summary,
      String enables,
      String whoCanUse,
      String status,
      String checked,
      String sourceUrl,
      Integer basedOn) {}

  @Operation(
      summary = "Adds a policy or funding programme (platform administrators)",
      description = "Saved as version 1; 409 when the id is taken. Answers 201 with it.")
  @PostMapping(
      value = "/api/v1/admin/policies",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<Policy> add(@RequestBody PolicyBody body) {
    Policy saved = save(body, body == null ? null : body.id(), null);
    return ResponseEntity.status(HttpStatus.CREATED).body(saved);
  }

  @Operation(
      summary = "Saves a new version of a policy or programme (platform administrators)",
      description =
          "basedOn must be the current version number; 409 when another version was saved"
              + " meanwhile. Every field is required; the id in the body, if any, must match.")
  @PutMapping(
      value = "/api/v1/admin/policies/{id}",
      consumes = "application/json",
      produces = "application/json")
  Policy change(@PathVariable String id, @RequestBody PolicyBody body) {
    if (body != null && body.id() != null && !body.id().strip().equals(id)) {
      throw new InvalidInputException("id", body.id(), "The id in the body must be " + id);
    }
    if (body == null || body.basedOn() == null) {
      throw new InvalidInputException(
          "basedOn", "Send basedOn: the number of the version you edited");
    }
    if (catalogue.find(id).isEmpty()) {
      throw unknown(id);
    }
    return save(body, id, body.basedOn());
  }

  private Policy save(PolicyBody body, String id, Integer basedOn) {
    if (body == null) {
      throw new InvalidInputException("name", "Send the policy as JSON");
    }
    try {
      return catalogue.save(
          new PolicyDraft(
              id,
              body.kind(),
              body.name(),
              body.summary(),
              body.enables(),
              body.whoCanUse(),
              body.status(),
              body.checked(),
              body.sourceUrl()),
          basedOn);
    } catch (PolicyProblems e) {
      throw e.asInvalidInput();
    }
  }

  private static NotFoundException unknown(String id) {
    return new NotFoundException("id", id, "There is no policy or funding programme " + id);
  }
}
