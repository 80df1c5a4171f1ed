package org.fourthpurpose.question.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A workspace's relationship audits through the API (personal access token). */
@Tag(name = "Relationship audit", description = "Surveys of what partners think of the NHS")
@RestController
class RelationshipAuditApiController {

  private final PartnerAudits audits;
  private final Geography geography;
  private final JsonMapper json;

  /**
   * Each audit's results as JSON bytes, kept with the results they were written from: with 2,000
   * responses the JSON is about 2 MB, and writing it for every request cost more than working the
   * results out once. A new response or change gives new results, so new bytes.
   */
  private final Map<Long, Written> written = new ConcurrentHashMap<>();

  private record Written(RelationshipAudit audit, AuditResults results, byte[] body) {}

  RelationshipAuditApiController(PartnerAudits audits, Geography geography, JsonMapper json) {
    this.audits = audits;
    this.geography = geography;
    this.json = json;
  }

  @Operation(summary = "The workspace's relationship audits, newest first (viewers)")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/audits", produces = "application/json")
  List<AuditJson.Audit> list(@PathVariable String icbCode) {
    String icb = icb(icbCode);
    return audits.audits(icb).stream().map(a -> AuditJson.audit(a, audits)).toList();
  }

  @Operation(
      summary = "Creates a draft relationship audit with the template's questions (editors)",
      description = "Body: {\"title\": \"...\"} (1 to 200 characters). Answers 201 with its id.")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/audits",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<AuditJson.Audit> create(
      @PathVariable String icbCode, @RequestBody(required = false) JsonNode body) {
    String icb = icb(icbCode);
    String title = AuditJson.string(AuditJson.object(body), "title");
    RelationshipAudit audit = audits.create(icb, title);
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(audit.id())
                .toUri())
        .body(AuditJson.audit(audit, audits));
  }

  @Operation(summary = "One relationship audit with its questions (viewers)")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/audits/{auditId}",
      produces = "application/json")
  AuditJson.Audit audit(@PathVariable String icbCode, @PathVariable long auditId) {
    return AuditJson.audit(audits.audit(icb(icbCode), auditId), audits);
  }

  @Operation(
      summary = "Makes personal links for one partner sector (editors)",
      description =
          "Body: {\"count\": 1 to 500, \"sector\": an anchor organisation type code such as"
              + " local-authority}. Answers 201 with the links; each token is shown only now"
              + " (only its hash is stored). The first links open a draft and fix its questions.")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/audits/{auditId}/links",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<List<AuditJson.Link>> links(
      @PathVariable String icbCode,
      @PathVariable long auditId,
      @RequestBody(required = false) JsonNode body) {
    String icb = icb(icbCode);
    JsonNode b = AuditJson.object(body);
    Integer count = AuditJson.integer(b, "count");
    String sector = AuditJson.string(b, "sector");
    String base =
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/audit/").toUriString();
    List<AuditJson.Link> links =
        audits.makeLinks(icb, auditId, count, sector).stream()
            .map(l -> new AuditJson.Link(l.token(), l.sector(), base + l.token()))
            .toList();
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(links);
  }

  @Operation(summary = "Closes an open audit: no more responses (editors)")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/audits/{auditId}/close",
      produces = "application/json")
  AuditJson.Audit close(@PathVariable String icbCode, @PathVariable long auditId) {
    return AuditJson.audit(audits.close(icb(icbCode), auditId), audits);
  }

  @Operation(
      summary = "The audit's results by sector and overall, after disclosure control (viewers)",
      description =
          "No figure describes fewer than 5 respondents, and none can be worked out by"
              + " subtracting shown figures: a suppressed sector or question carries no figures,"
              + " not even its count. Free text only in groups of 5 or more, names and emails"
              + " removed.")
  @GetMapping(
      value = "/api/v1/workspaces/{icbCode}/audits/{auditId}/results",
      produces = "application/json")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AuditJson.Results.class)))
  ResponseEntity<byte[]> results(@PathVariable String icbCode, @PathVariable long auditId) {
    String icb = icb(icbCode);
    RelationshipAudit audit = audits.audit(icb, auditId);
    AuditResults results = audits.resultsOf(audit);
    Written kept = written.get(audit.id());
    // The same results instance and the same audit (its title and state are in the JSON too):
    // nothing changed since the bytes were written.
    if (kept == null || kept.results() != results || !kept.audit().equals(audit)) {
      kept =
          new Written(audit, results, json.writeValueAsBytes(AuditJson.Results.of(audit, results)));
      written.put(audit.id(), kept);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(kept.body());
  }

  private String icb(String code) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    return icb.code();
  }
}
