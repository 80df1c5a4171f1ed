package org.fourthpurpose.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.ITemplateEvent;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.model.IText;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.Fragment;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Thymeleaf dialect with the one attribute the layout needs: {@code fp:content}, which inserts the
 * children of a fragment's element, without the element itself.
 *
 * <p>A page passes its whole {@code <main>} to the layout ({@code ~{::main}}), and the layout
 * renders its own {@code <main class="nhsuk-main-wrapper" id="maincontent">} around the page's
 * content. {@code th:insert} would nest one {@code main} in the other, and {@code th:include},
 * which does this, is deprecated and logs a warning on every render. Spring Boot registers the
 * dialect because it is a bean; {@code @WebMvcTest} slices include dialects too.
 */
@Component
final class LayoutDialect extends AbstractProcessorDialect {

  static final String PREFIX = "fp";

  LayoutDialect() {
    super("Fourth Purpose layout", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(
        new FragmentContentProcessor(dialectPrefix),
        new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
  }

  /** {@code fp:content="${fragment}"}: replaces the host's body with the fragment's children. */
  static final class FragmentContentProcessor extends AbstractAttributeTagProcessor {

    static final String ATTRIBUTE_NAME = "content";

    FragmentContentProcessor(String dialectPrefix) {
      super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, 100, true);
    }

    @Override
    protected void doProcess(
        ITemplateContext context,
        IProcessableElementTag tag,
        AttributeName attributeName,
        String attributeValue,
        IElementTagStructureHandler structureHandler) {
      Object value =
          StandardExpressions.getExpressionParser(context.getConfiguration())
              .parseExpression(context, attributeValue)
              .execute(context);
      if (value == null) {
        structureHandler.removeBody();
        return;
      }
      if (!(value instanceof Fragment fragment)) {
        throw new TemplateProcessingException(
            "fp:content needs a fragment such as ~{::main}, but \""
                + attributeValue
                + "\" is a "
                + value.getClass().getName());
      }
      if (fragment == Fragment.EMPTY_FRAGMENT) {
        structureHandler.removeBody();
        return;
      }
      IModel model = fragment.getTemplateModel().cloneModel();
      unwrapSingleElement(model);
      structureHandler.setBody(model, true);
    }

    /**
     * Removes the open and close tags of the model's one top-level element, keeping the template
     * start and end events that tell the engine which template the content came from. A model that
     * is not exactly one element (plus surrounding whitespace) is left whole.
     */
    static void unwrapSingleElement(IModel model) {
      int open = firstNonBlank(model);
      int close = lastNonBlank(model);
      if (open < 0
          || close <= open
          || !(model.get(open) instanceof IOpenElementTag openTag)
          || !(model.get(close) instanceof ICloseElementTag closeTag)
          || !openTag.getElementCompleteName().equals(closeTag.getElementCompleteName())
          || matchingClose(model, open) != close) {
        return;
      }
      model.remove(close);
      model.remove(open);
    }

    private static int firstNonBlank(IModel model) {
      for (int i = 0; i < model.size(); i++) {
        if (!isFraming(model.get(i))) {
          return i;
        }
      }
      return -1;
    }

    private static int lastNonBlank(IModel model) {
      for (int i = model.size() - 1; i >= 0; i--) {
        if (!isFraming(model.get(i))) {
          return i;
        }
      }
      return -1;
    }

    private static boolean isFraming(ITemplateEvent event) {
      return event instanceof ITemplateStart
          || event instanceof ITemplateEnd
          || (event instanceof IText text && text.getText().isBlank());
    }

    private static int matchingClose(IModel model, int open) {
      int depth = 0;
      for (int i = open; i < model.size(); i++) {
        ITemplateEvent event = model.get(i);
        if (event instanceof IOpenElementTag) {
          depth++;
        } else if (event instanceof ICloseElementTag && --depth == 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
