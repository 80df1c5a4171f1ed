package org.fourthpurpose.impact.report;

import jakarta.servlet.http.HttpServletRequest;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The impact report's printable page (standalone HTML, the same template as the PDF) and issuing it
 * from the page (editors).
 */
@NeedsReferenceData({"anchor-seed", "indicators"})
@Controller
class ReportPageController {

  static final String PAGES = "/workspaces/{icbCode}/impact";

  private final ImpactReports reports;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final AuditLog audit;

  ReportPageController(
      ImpactReports reports, WorkspaceAccess access, Geography geography, AuditLog audit) {
    this.reports = reports;
    this.access = access;
    this.geography = geography;
    this.audit = audit;
  }

  @ResponseBody
  @GetMapping(value = PAGES + "/report", produces = "text/html;charset=UTF-8")
  String page(@PathVariable String icbCode, HttpServletRequest request) {
    IntegratedCareBoard icb = view(icbCode);
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return reports.html(
        icb.code(),
        request.getContextPath(),
        access.canEdit(icb.code()),
        csrf == null ? null : csrf.getParameterName(),
        csrf == null ? null : csrf.getToken());
  }

  @PostMapping(PAGES + "/report/issue")
  ResponseEntity<Void> issueFromPage(@PathVariable String icbCode, HttpServletRequest request) {
    IntegratedCareBoard icb = edit(icbCode);
    reports.issue(icb.code(), audit.currentActor());
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(
            HttpHeaders.LOCATION,
            request.getContextPath() + "/workspaces/" + icb.code() + "/impact/report?issued")
        .build();
  }

  private IntegratedCareBoard view(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return icb;
  }

  private IntegratedCareBoard edit(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return icb;
  }
}
