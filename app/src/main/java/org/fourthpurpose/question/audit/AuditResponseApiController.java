package org.fourthpurpose.question.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.fourthpurpose.anchor.OrganisationType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A partner answering a relationship audit through its personal link: no account needed. */
@Tag(name = "Relationship audit", description = "Surveys of what partners think of the NHS")
@RestController
class AuditResponseApiController {

  private final PartnerAudits audits;

  AuditResponseApiController(PartnerAudits audits) {
    this.audits = audits;
  }

  @Operation(
      summary = "The survey a personal link opens (no account)",
      description =
          "Each question has an id and a type: scale (a whole number from 1 to 5), choice (one"
              + " of its options) or text. 404 for an unknown link, 409 for a used link or a"
              + " closed survey.")
  @GetMapping(value = "/api/v1/audit-responses/{token}", produces = "application/json")
  ResponseEntity<AuditJson.Survey> survey(@PathVariable String token) {
    PartnerAudits.LinkView view = audits.open(token);
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .body(
            new AuditJson.Survey(
                view.audit().title(),
                view.sector(),
                OrganisationType.find(view.sector()).map(OrganisationType::label).orElse(null),
                view.questions().stream().map(AuditJson.Question::of).toList()));
  }

  @Operation(
      summary = "Sends the response of a personal link, once (no account)",
      description =
          "Body: {\"answers\": {\"<question id>\": value, ...}}; a question left out is"
              + " skipped. 201 when stored; 409 when the link was already used; 404 for an"
              + " unknown link; 400 naming the question for an answer out of range, of the wrong"
              + " type, too long or to an unknown question (nothing stored).")
  @PostMapping(
      value = "/api/v1/audit-responses/{token}",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<Map<String, Object>> respond(
      @PathVariable String token, @RequestBody(required = false) JsonNode body) {
    audits.open(token);
    audits.respond(token, AuditJson.answers(body), false);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("received", true, "message", "Thank you: your response has been recorded."));
  }
}
