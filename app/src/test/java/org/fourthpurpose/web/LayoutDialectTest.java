package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fourthpurpose.web.TemplateRendering.between;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.thymeleaf.spring6.SpringTemplateEngine;

class LayoutDialectTest {

  private final String html =
      new TemplateRendering().render("test/fragment-content", Map.of("text", "From the model"));

  @Test
  void insertsTheChildrenOfAOneElementFragmentWithoutTheElement() {
    assertThat(between(html, "<div id=\"one-element\"", "</div>"))
        .isEqualTo("<div id=\"one-element\"><p>From the model</p></div>");
  }

  @Test
  void insertsAFragmentOfSeveralElementsWhole() {
    assertThat(between(html, "<div id=\"two-elements\"", "</div>"))
        .isEqualTo(
            "<div id=\"two-elements\"><section class=\"first\"><p>From the model</p></section>"
                + "<section class=\"second\"><p>Second</p></section></div>");
  }

  @Test
  void leavesTheElementEmptyWhenThereIsNoFragment() {
    assertThat(html).contains("<div id=\"nothing\"></div>");
  }

  @Test
  void removesItsOwnAttributesAndNamespace() {
    assertThat(html).doesNotContain("fp:", "xmlns:fp");
  }

  @Test
  void isAddedToSpringBootsTemplateEngineAsABean() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class))
        .withBean(LayoutDialect.class)
        .run(
            context ->
                assertThat(context.getBean(SpringTemplateEngine.class).getDialects())
                    .hasAtLeastOneElementOfType(LayoutDialect.class));
  }
}
