package org.fourthpurpose.question.plan;

import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.question.proposition.PropositionView;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fourth-purpose plan of a workspace (members), its PDF, publishing it (ICS administrators),
 * and the published plan on the system's public pages (404 until published).
 */
@NeedsReferenceData({"anchor-seed", "indicators"})
@Controller
class PlanPageController {

  static final String PLAN_VIEW = "question/plan/plan";
  static final String PUBLIC_VIEW = "question/plan/public-plan";

  private final Plans plans;
  private final PlanPublications publications;
  private final PlanDocuments documents;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final PlanSectionsHtml sections;

  PlanPageController(
      Plans plans,
      PlanPublications publications,
      PlanDocuments documents,
      WorkspaceAccess access,
      Geography geography,
      PlanSectionsHtml sections) {
    this.plans = plans;
    this.publications = publications;
    this.documents = documents;
    this.access = access;
    this.geography = geography;
    this.sections = sections;
  }

  @GetMapping("/workspaces/{icbCode}/plan")
  String plan(
      @PathVariable String icbCode, Model model, jakarta.servlet.http.HttpServletRequest request) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    PlanPublication publication = publications.publication(icb.code());
    model.addAttribute("icb", icb);
    Plan plan = plans.plan(icb.code());
    model.addAttribute("plan", plan);
    model.addAttribute("sectionsHtml", sections.html(plan, request.getContextPath()));
    model.addAttribute("publication", publication);
    model.addAttribute("publishedOn", PropositionView.day(publication.publishedAt()));
    model.addAttribute("canAdminister", access.canAdminister(icb.code()));
    return PLAN_VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/plan.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return pdf(icb, documents.pdf(plans.plan(icb.code())));
  }

  @PostMapping("/workspaces/{icbCode}/plan/publication")
  String publish(@PathVariable String icbCode, @RequestParam(required = false) String action) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    if ("publish".equals(action)) {
      publications.publish(icb.code(), plans.plan(icb.code()));
      return "redirect:/workspaces/" + icb.code() + "/plan?published";
    }
    if ("withdraw".equals(action)) {
      publications.withdraw(icb.code());
      return "redirect:/workspaces/" + icb.code() + "/plan?withdrawn";
    }
    throw new InvalidInputException("action", action, "The action must be publish or withdraw");
  }

  @GetMapping("/ics/{code}/plan")
  String published(
      @PathVariable String code, Model model, jakarta.servlet.http.HttpServletRequest request) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    PlanPublication publication = requirePublished(icb);
    model.addAttribute("icb", icb);
    model.addAttribute("plan", publication.plan());
    model.addAttribute("publishedOn", PropositionView.day(publication.publishedAt()));
    model.addAttribute("linkBase", request.getContextPath());
    return PUBLIC_VIEW;
  }

  @GetMapping("/ics/{code}/plan.pdf")
  ResponseEntity<byte[]> publishedPdf(@PathVariable String code) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    return pdf(icb, documents.published(requirePublished(icb)));
  }

  private PlanPublication requirePublished(IntegratedCareBoard icb) {
    PlanPublication publication = publications.publication(icb.code());
    if (!publication.published()) {
      throw new NotFoundException(icb.shortName() + " has not published its fourth-purpose plan");
    }
    return publication;
  }

  private static ResponseEntity<byte[]> pdf(IntegratedCareBoard icb, byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("fourth-purpose-plan-" + icb.odsCode() + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }
}
