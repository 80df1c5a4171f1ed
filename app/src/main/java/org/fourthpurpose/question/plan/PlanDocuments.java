package org.fourthpurpose.question.plan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.fourthpurpose.web.PdfDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a plan as a PDF (A4 portrait) from the same sections as its pages. A published snapshot's
 * PDF is kept while the snapshot stands (rendering takes a second or so); a live plan's is rendered
 * each time, since the plan may have changed.
 */
@Component
class PlanDocuments {

  static final String TEMPLATE = "question/plan/plan-document";

  private final ITemplateEngine templates;
  private final Map<String, byte[]> kept =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
              return size() > 50;
            }
          });

  PlanDocuments(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The live plan as a PDF. */
  byte[] pdf(Plan plan) {
    return render(plan, "As it stands on " + plan.generatedOn() + ".");
  }

  /** A published snapshot as a PDF, kept until another snapshot replaces it. */
  byte[] published(PlanPublication publication) {
    String key = publication.icbCode() + "|" + publication.publishedAt();
    byte[] hit = kept.get(key);
    if (hit != null) {
      return hit;
    }
    byte[] pdf =
        render(
            publication.plan(),
            "Published by the partnership on "
                + org.fourthpurpose.question.proposition.PropositionView.day(
                    publication.publishedAt())
                + ", as the plan stood on "
                + publication.plan().generatedOn()
                + ".");
    kept.put(key, pdf);
    return pdf;
  }

  /** The document's HTML, for tests. */
  String html(Plan plan, String asOf) {
    Context context = new Context(Locale.UK);
    context.setVariable("plan", plan);
    context.setVariable("asOf", asOf);
    return templates.process(TEMPLATE, context);
  }

  private byte[] render(Plan plan, String asOf) {
    return PdfDocuments.render(html(plan, asOf), false, "The plan");
  }
}
