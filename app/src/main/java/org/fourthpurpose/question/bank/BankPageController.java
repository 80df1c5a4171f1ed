package org.fourthpurpose.question.bank;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page of the question bank, by Step 1 theme. */
@NeedsReferenceData("indicators")
@Controller
class BankPageController {

  static final String VIEW = "question/bank";

  private final ShippedQuestionBank bank;
  private final QuestionLabels labels;

  BankPageController(ShippedQuestionBank bank, QuestionLabels labels) {
    this.bank = bank;
    this.labels = labels;
  }

  /** A bank entry with the names of what it links to. */
  record Entry(
      BankQuestion question,
      List<QuestionLabels.Label> partners,
      List<QuestionLabels.Label> indicators,
      List<QuestionLabels.Label> areas,
      List<QuestionLabels.Label> policies) {}

  /** A theme and its entries. */
  record ThemeEntries(String code, String title, List<Entry> entries) {}

  @GetMapping("/questions")
  String bank(Model model) {
    List<ThemeEntries> themes = new ArrayList<>();
    bank.themes()
        .forEach(
            (code, title) ->
                themes.add(
                    new ThemeEntries(
                        code, title, bank.byTheme(code).stream().map(this::entry).toList())));
    model.addAttribute("themes", themes);
    model.addAttribute("version", bank.version());
    model.addAttribute("total", bank.questions().size());
    return VIEW;
  }

  Entry entry(BankQuestion q) {
    return new Entry(
        q,
        labels.partners(q.partners()),
        labels.indicators(q.indicatorIds()),
        labels.areas(q.maturityAreas()),
        labels.policies(q.policyIds()));
  }
}
