package org.fourthpurpose.question.plan;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The workspace plan page's sections as HTML, rendered once for each plan {@link Plans} keeps and
 * reused while it keeps the same one: they depend on the plan alone (and the link base), and they
 * are most of the page's rendering. The page around them (the publishing card with its forms, the
 * header) is rendered per request.
 */
@Component
class PlanSectionsHtml {

  static final String TEMPLATE = "question/plan/sections-live";

  private record Rendered(Plan plan, String linkBase, String html) {}

  private final ITemplateEngine templates;
  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

  PlanSectionsHtml(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The sections of the plan, with links under {@code linkBase} (the context path). */
  String html(Plan plan, String linkBase) {
    Rendered last = rendered.get(plan.icbCode());
    // The same instance: Plans hands out a new one whenever anything in the workspace changed.
    if (last != null && last.plan() == plan && last.linkBase().equals(linkBase)) {
      return last.html();
    }
    Context context = new Context(Locale.UK);
    context.setVariable("plan", plan);
    context.setVariable("linkBase", linkBase);
    String html = templates.process(TEMPLATE, context);
    rendered.put(plan.icbCode(), new Rendered(plan, linkBase, html));
    return html;
  }
}
