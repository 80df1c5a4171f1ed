package org.fourthpurpose.question.audit;

import java.util.List;

/**
 * The questions every new relationship audit starts from, in the product's own words. They follow
 * the relationship audit Step 2 of the NHS Confederation's framing tool asks integrated care
 * partnerships to run (<i>Unlocking the NHS's social and economic potential: creating a productive
 * system</i>, 2022): how partners see the NHS, where working with it is and is not working, what
 * they would ask of the ICB, which of the NHS's skills, knowledge and architecture appeal to them,
 * and where NHS impact might accrue. A workspace edits them before sending links.
 */
public final class AuditTemplate {

  private AuditTemplate() {}

  /** The source the template follows, as pages cite it. */
  public static final String SOURCE =
      "NHS Confederation (2022), Unlocking the NHS's social and economic potential: creating a"
          + " productive system, Step 2: the relationship audit";

  /** One template question; {@code code} stays the same across versions of the template. */
  public record TemplateQuestion(
      String code,
      QuestionKind kind,
      String text,
      String hint,
      List<String> options,
      String lowLabel,
      String highLabel,
      boolean appetite) {}

  /** The code of the appetite question, the one {@code AuditSignals} reads. */
  public static final String APPETITE = "appetite";

  public static final List<TemplateQuestion> QUESTIONS =
      List.of(
          new TemplateQuestion(
              APPETITE,
              QuestionKind.SCALE,
              "How much appetite does your organisation have for working more closely with the"
                  + " NHS and the integrated care board (ICB) in this area?",
              "1 means none at all, 5 means a great deal.",
              List.of(),
              "None at all",
              "A great deal",
              true),
          new TemplateQuestion(
              "perception",
              QuestionKind.CHOICE,
              "Which of these comes closest to how your organisation sees the NHS locally?",
              null,
              List.of(
                  "A partner we plan and act with",
                  "A large organisation we deal with when we have to",
                  "A service our staff and communities use, little more",
                  "Hard to reach or to influence",
                  "We have little or no contact with it"),
              null,
              null,
              false),
          new TemplateQuestion(
              "understanding",
              QuestionKind.SCALE,
              "How well does the NHS in this area understand what your organisation does and"
                  + " what it needs?",
              "1 means not at all, 5 means very well.",
              List.of(),
              "Not at all",
              "Very well",
              false),
          new TemplateQuestion(
              "shared-priorities",
              QuestionKind.SCALE,
              "How easy is it to work with the NHS on shared priorities for the place, such as"
                  + " jobs, skills, housing, the high street or net zero?",
              "1 means very hard, 5 means very easy.",
              List.of(),
              "Very hard",
              "Very easy",
              false),
          new TemplateQuestion(
              "working",
              QuestionKind.TEXT,
              "Where is working with the NHS working well? An example helps.",
              "Please do not name individuals.",
              List.of(),
              null,
              null,
              false),
          new TemplateQuestion(
              "not-working",
              QuestionKind.TEXT,
              "Where is working with the NHS not working, or could work much better?",
              "Please do not name individuals.",
              List.of(),
              null,
              null,
              false),
          new TemplateQuestion(
              "explains-agenda",
              QuestionKind.SCALE,
              "How well does the NHS explain its own plans and priorities to partners like you,"
                  + " including its purpose of supporting social and economic development?",
              "1 means not at all, 5 means very well.",
              List.of(),
              "Not at all",
              "Very well",
              false),
          new TemplateQuestion(
              "ask-of-icb",
              QuestionKind.TEXT,
              "If you could ask one thing of the integrated care board, what would it be?",
              "Please do not name individuals.",
              List.of(),
              null,
              null,
              false),
          new TemplateQuestion(
              "appealing-assets",
              QuestionKind.CHOICE,
              "Which of the NHS's skills, knowledge or architecture would be most useful to your"
                  + " organisation?",
              "Choose the one that matters most.",
              List.of(
                  "Its workforce, training and careers (skills)",
                  "Its data and knowledge of local people's health",
                  "Its land and buildings",
                  "Its buying power and supply chains",
                  "Its research and innovation",
                  "Its ability to convene partners across the place"),
              null,
              null,
              false),
          new TemplateQuestion(
              "sharing",
              QuestionKind.TEXT,
              "What could the NHS share more widely with partners like you: skills, knowledge,"
                  + " data, space or ways of working?",
              "Please do not name individuals.",
              List.of(),
              null,
              null,
              false),
          new TemplateQuestion(
              "impact",
              QuestionKind.CHOICE,
              "Where could the NHS make the biggest difference to the local economy and"
                  + " community?",
              null,
              List.of(
                  "Jobs and skills for local people",
                  "Buying locally and social value",
                  "Land, buildings and the high street",
                  "Net zero and the local environment",
                  "Research, innovation and new industries",
                  "Housing and healthy places"),
              null,
              null,
              false),
          new TemplateQuestion(
              "anything-else",
              QuestionKind.TEXT,
              "Is there anything else the partnership should know?",
              "Please do not name individuals.",
              List.of(),
              null,
              null,
              false));
}
