package org.fourthpurpose.question.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
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

  AuditResultsAudience(WorkspaceAccess access) {
    this.access = access;
  }

  @Override
  public List<String> pages() {
    return List.of("/workspaces/*/audits/*/results");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    return access.viewableWorkspacePage(request, 6).map(code -> "members of " + code);
  }
}
