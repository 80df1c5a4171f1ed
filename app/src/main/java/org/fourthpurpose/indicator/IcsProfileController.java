package org.fourthpurpose.indicator;

import java.util.List;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An ICS's indicator profile: every indicator by theme against England, with its strengths and
 * needs.
 */
@Controller
class IcsProfileController {

  static final String VIEW = "indicator/profile";

  private final IndicatorValues values;
  private final Geography geography;

  IcsProfileController(IndicatorValues values, Geography geography) {
    this.values = values;
    this.geography = geography;
  }

  @GetMapping("/ics/{code}/profile")
  String profile(@PathVariable String code, Model model) {
    IntegratedCareBoard icb =
        geography
            .icb(code)
            .orElseThrow(
                () ->
                    new NotFoundException("There is no integrated care system with code " + code));
    List<ThemeProfile> themes = values.profile(icb);
    model.addAttribute("icb", icb);
    model.addAttribute("themes", themes);
    model.addAttribute("strengths", themes.stream().flatMap(t -> t.better().stream()).toList());
    model.addAttribute("needs", themes.stream().flatMap(t -> t.worse().stream()).toList());
    model.addAttribute("spineWidth", Spine.WIDTH);
    return VIEW;
  }
}
