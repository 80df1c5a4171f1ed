package org.fourthpurpose.question.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.PageAudience;
import org.springframework.stereotype.Component;

/**
 * The audience of a relationship audit's results page: the workspace's members. The page has no
 * form and nothing that depends on the member's role, so {@code web.PublicPageCache} renders it
 * once (with 2,000 responses it is about 2 MB) and keeps it until anything in the workspace changes
 * ({@code web.WorkspaceChanged}: each response publishes it, and every audited change to the audit
 * does through the audit log).
 *
 * <p>Anyone who is not a member, or who names the system other than by its exact code, gets no
 * audience: their page is rendered from scratch (with its 403 or 404).
 */
@Component
class AuditResultsAudience implements PageAudience {

  private final WorkspaceAccess access;
  private final Geography geography;

  AuditResultsAudience(WorkspaceAccess access, Geography geography) {
    this.access = access;
    this.geography = geography;
  }

  @Override
  public List<String> pages() {
    return List.of("/workspaces/*/audits/*/results");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    if (path.length != 6) {
      return Optional.empty();
    }
    Optional<IntegratedCareBoard> icb = geography.icb(path[2]);
    if (icb.isEmpty() || !icb.get().code().equals(path[2]) || !access.canView(path[2])) {
      return Optional.empty();
    }
    return Optional.of("members of " + path[2]);
  }
}
