package org.fourthpurpose.question.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fourth-purpose plan through the API: the workspace's live plan, publishing, and the public
 * one.
 */
@Tag(name = "Fourth-purpose plan")
@NeedsReferenceData({"anchor-seed", "indicators"})
@RestController
class PlanApiController {

  private final Plans plans;
  private final PlanPublications publications;
  private final WorkspaceAccess access;
  private final Geography geography;

  PlanApiController(
      Plans plans, PlanPublications publications, WorkspaceAccess access, Geography geography) {
    this.plans = plans;
    this.publications = publications;
    this.access = access;
    this.geography = geography;
  }

  /** Whether the plan is published, and when. */
  record PublicationJson(boolean published, String publishedAt) {
    static PublicationJson of(PlanPublication p) {
      return new PublicationJson(
          p.published(), p.publishedAt() == null ? null : p.publishedAt().toString());
    }
  }

  /** The plan with its publication state. */
  record WorkspacePlanJson(Plan plan, PublicationJson publication) {}

  /** A published plan: the snapshot and when it was published. */
  record PublishedPlanJson(String publishedAt, Plan plan) {}

  /** What to publish. */
  record PublicationBody(Boolean published) {}

  @Operation(
      summary = "The workspace's fourth-purpose plan as it stands now",
      description =
          "Summary points, Step 1 needs, priority questions, propositions with partners and"
              + " funding, measures with their latest SPC reading, maturity milestones and the"
              + " relationship audit in summary; with whether (and when) it is published.")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/plan", produces = "application/json")
  WorkspacePlanJson plan(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return new WorkspacePlanJson(
        plans.plan(icb.code()), PublicationJson.of(publications.publication(icb.code())));
  }

  @Operation(
      summary = "Publishes the plan as it stands now, or withdraws it (ICS administrators)",
      description =
          "{\"published\": true} publishes a snapshot of the plan as it stands now (replacing any"
              + " earlier one); {\"published\": false} withdraws it. The public page and API show"
              + " the snapshot, not later changes, until it is published again.")
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/plan/publication",
      consumes = "application/json",
      produces = "application/json")
  PublicationJson publish(@PathVariable String icbCode, @RequestBody PublicationBody body) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    if (body == null || body.published() == null) {
      throw new InvalidInputException("published", "Say whether to publish: true or false");
    }
    return PublicationJson.of(
        body.published()
            ? publications.publish(icb.code(), plans.plan(icb.code()))
            : publications.withdraw(icb.code()));
  }

  @Operation(
      summary = "A system's published fourth-purpose plan",
      description = "The snapshot published by the system's partnership; 404 when it has none.")
  @GetMapping(value = "/api/v1/icbs/{code}/plan", produces = "application/json")
  PublishedPlanJson published(@PathVariable String code) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    PlanPublication p = publications.publication(icb.code());
    if (!p.published()) {
      throw new NotFoundException(icb.shortName() + " has not published its fourth-purpose plan");
    }
    return new PublishedPlanJson(p.publishedAt().toString(), p.plan());
  }
}
