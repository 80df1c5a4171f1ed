package org.fourthpurpose.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log through the API: a workspace's entries for its ICS administrators, every entry and
 * the chain check for platform administrators.
 */
@Tag(
    name = "Audit log",
    description =
        "Every change and sign-in event, with the hash chain that shows whether the log was"
            + " altered")
@RestController
class AuditApiController {

  static final int DEFAULT_SIZE = 100;
  static final int MAX_SIZE = 1_000;

  private final AuditEntries entries;
  private final AuditChain chain;
  private final AuditActor actor;

  AuditApiController(AuditEntries entries, AuditChain chain, AuditActor actor) {
    this.entries = entries;
    this.chain = chain;
    this.actor = actor;
  }

  /** A page of entries, newest first; {@code more} says whether a next page has any. */
  record EntriesJson(int page, int size, boolean more, List<PublishedEntry> entries) {}

  /** The first break in the chain. */
  record BreakJson(long sequence, String problem, String detail) {}

  /** The result of checking the chain; {@code firstBroken} is null when it is intact. */
  record VerificationJson(
      boolean intact,
      long entriesChecked,
      long lastSequence,
      String lastHash,
      String checkedAt,
      BreakJson firstBroken,
      String summary) {

    static VerificationJson of(AuditVerification v) {
      AuditVerification.Break broken = v.firstBroken();
      return new VerificationJson(
          v.intact(),
          v.entriesChecked(),
          v.lastSequence(),
          v.lastHash(),
          AuditHash.time(v.checkedAt()),
          broken == null
              ? null
              : new BreakJson(broken.sequence(), broken.problem().name(), broken.detail()),
          v.summary());
    }
  }

  @Operation(
      summary = "A workspace's audit log, newest first (ICS administrator role)",
      description =
          "action is an action (role.granted) or the start of one (role); from and to are days"
              + " (UTC, both included) written as 2026-04-01; page counts from 1; size is at most"
              + " 1000.")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/audit", produces = "application/json")
  EntriesJson workspace(
      @PathVariable String icbCode,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
    if (!actor.mayRead(icbCode)) {
      throw new AccessDeniedException(
          "Only the workspace's ICS administrators and platform administrators read its audit"
              + " log");
    }
    return page(filter(null, action, from, to).inWorkspace(icbCode), page, size);
  }

  @Operation(
      summary =
          "Every workspace's audit log and the platform's, newest first (platform"
              + " administrators)",
      description =
          "workspace is an ICS's ONS code, or none for changes to the whole platform; the other"
              + " parameters are as for a workspace's log.")
  @GetMapping(value = "/api/v1/admin/audit", produces = "application/json")
  EntriesJson all(
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
    requireReadAll();
    return page(filter(workspace, action, from, to), page, size);
  }

  @Operation(
      summary = "Checks the audit log's hash chain (platform administrators)",
      description =
          "Walks every entry in order and names the first that was changed, removed or inserted."
              + " Keep lastHash somewhere outside the application: a later check that shows another"
              + " hash for the same entry means the log was rewritten.")
  @GetMapping(value = "/api/v1/admin/audit/verification", produces = "application/json")
  VerificationJson verification() {
    requireReadAll();
    return VerificationJson.of(chain.verify());
  }

  private EntriesJson page(AuditFilter filter, int page, int size) {
    if (page < 1) {
      throw InvalidInputException.parameter("page", "page counts from 1");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.parameter("size", "size must be from 1 to " + MAX_SIZE);
    }
    List<AuditEntry> found = entries.page(filter, (long) (page - 1) * size, size + 1);
    boolean more = found.size() > size;
    return new EntriesJson(
        page,
        size,
        more,
        (more ? found.subList(0, size) : found).stream().map(PublishedEntry::of).toList());
  }

  private static AuditFilter filter(String workspace, String action, String from, String to) {
    try {
      return AuditFilter.parse(workspace, action, from, to);
    } catch (InvalidInputException e) {
      throw InvalidInputException.parameter(e.field(), e.getMessage());
    }
  }

  private void requireReadAll() {
    if (!actor.mayReadAll()) {
      throw new AccessDeniedException("Only platform administrators read the whole audit log");
    }
  }
}
