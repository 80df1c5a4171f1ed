package org.fourthpurpose.anchor.network;

import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The connected anchor system of a workspace (viewers and above). */
@NeedsReferenceData("indicators")
@Controller
class SystemPageController {

  static final String VIEW = "anchor/network/system";

  private final ConnectedSystems systems;
  private final WorkspaceAccess access;
  private final Geography geography;

  SystemPageController(ConnectedSystems systems, WorkspaceAccess access, Geography geography) {
    this.systems = systems;
    this.access = access;
    this.geography = geography;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/system")
  String page(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    ConnectedSystem system = systems.system(icb.code());
    model.addAllAttributes(SystemText.model(system));
    model.addAttribute("icb", icb);
    return VIEW;
  }
}
