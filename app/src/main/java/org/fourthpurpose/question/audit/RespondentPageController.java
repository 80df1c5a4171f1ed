package org.fourthpurpose.question.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.NotFoundException;
import org.fourthpurpose.web.UserProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a partner opens from their personal link: the survey as an ordinary form (no account, no
 * JavaScript needed), an error summary naming each question to put right, a thank-you page, and a
 * clear page for a link that is unknown, used or closed.
 */
@Controller
class RespondentPageController {

  static final String FORM = "question/audit/respond";
  static final String THANKS = "question/audit/thank-you";
  static final String PROBLEM = "question/audit/link-problem";

  private final PartnerAudits audits;

  RespondentPageController(PartnerAudits audits) {
    this.audits = audits;
  }

  @GetMapping("/audit/{token}")
  String form(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    try {
      return show(audits.open(token), token, Map.of(), Map.of(), model);
    } catch (NotFoundException | ConflictException e) {
      return problem(e, model, response);
    }
  }

  @PostMapping("/audit/{token}")
  String submit(
      @PathVariable String token,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      HttpServletResponse response) {
    noStore(response);
    try {
      PartnerAudits.LinkView view = audits.open(token);
      Map<String, Object> answers = new LinkedHashMap<>();
      Map<String, String> values = new LinkedHashMap<>();
      for (AuditQuestion q : view.questions()) {
        String value = form.getFirst("q" + q.id());
        values.put(String.valueOf(q.id()), value == null ? "" : value);
        answers.put(String.valueOf(q.id()), value);
      }
      AnswerCheck.Outcome outcome = audits.check(token, answers);
      if (!outcome.ok()) {
        response.setStatus(400);
        return show(view, token, values, outcome.problems(), model);
      }
      audits.respond(token, answers, true);
      return "redirect:/audit/thank-you";
    } catch (NotFoundException | ConflictException e) {
      return problem(e, model, response);
    }
  }

  @GetMapping("/audit/thank-you")
  String thanks() {
    return THANKS;
  }

  private static String show(
      PartnerAudits.LinkView view,
      String token,
      Map<String, String> values,
      Map<String, String> problems,
      Model model) {
    model.addAttribute("audit", view.audit());
    model.addAttribute("questions", view.questions());
    model.addAttribute(
        "sectorLabel",
        OrganisationType.find(view.sector()).map(OrganisationType::label).orElse(view.sector()));
    model.addAttribute("token", token);
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    model.addAttribute("maxText", AuditQuestion.MAX_TEXT_ANSWER);
    return FORM;
  }

  private static String problem(UserProblem e, Model model, HttpServletResponse response) {
    response.setStatus(e.status());
    model.addAttribute("problem", e);
    model.addAttribute("used", "link-used".equals(e.type()));
    model.addAttribute("closed", "audit-closed".equals(e.type()));
    return PROBLEM;
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
