package org.fourthpurpose.chart;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders one of the app's Thymeleaf fragments on its own, as a page would include it: {@code
 * render("chart/interval :: interval(${c}, 'x', 'Title', 'Desc')", Map.of("c", chart))}. Needs no
 * servlet request, since the chart fragments use none.
 */
public final class FragmentRendering {

  private static final TemplateEngine ENGINE = engine();

  private FragmentRendering() {}

  /** The markup of {@code fragment} (a fragment expression without {@code ~{}}) with the model. */
  public static String render(String fragment, Map<String, ?> model) {
    Context context = new Context(Locale.UK);
    model.forEach(context::setVariable);
    return ENGINE.process("<th:block th:replace=\"~{" + fragment + "}\"></th:block>", context);
  }

  private static TemplateEngine engine() {
    // Files first (templates/chart/…); any other name is the text of an inline template.
    ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
    files.setPrefix("templates/");
    files.setSuffix(".html");
    files.setTemplateMode(TemplateMode.HTML);
    files.setCharacterEncoding("UTF-8");
    files.setCheckExistence(true);
    files.setOrder(1);
    StringTemplateResolver inline = new StringTemplateResolver();
    inline.setTemplateMode(TemplateMode.HTML);
    inline.setOrder(2);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(files);
    engine.addTemplateResolver(inline);
    return engine;
  }
}
