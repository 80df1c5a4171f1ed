package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class BrandingPropertiesTest {

  private static BrandingProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("fp.branding", BrandingProperties.class);
  }

  @Test
  void bindsTheDeployingOrganisationsNameAndLogo() {
    BrandingProperties branding =
        bind(
            Map.of(
                "fp.branding.service-name", "Population health",
                "fp.branding.organisation-name", "NHS Example Integrated Care Board",
                "fp.branding.logo-url", "/branding/logo.png"));

    assertThat(branding)
        .isEqualTo(
            new BrandingProperties(
                "Population health", "NHS Example Integrated Care Board", "/branding/logo.png"));
    assertThat(branding.hasLogo()).isTrue();
  }

  @Test
  void isFourthPurposeWithNoLogoWhenNothingIsSet() {
    BrandingProperties branding = bind(Map.of());

    assertThat(branding).isEqualTo(BrandingProperties.defaults());
    assertThat(branding.serviceName()).isEqualTo("Fourth Purpose");
    assertThat(branding.organisationName()).isEmpty();
    assertThat(branding.logoUrl()).isEmpty();
    assertThat(branding.hasLogo()).isFalse();
  }

  @Test
  void treatsBlankValuesAsNotSet() {
    // application.properties sets each one from an environment variable that defaults to empty.
    BrandingProperties branding =
        bind(
            Map.of(
                "fp.branding.service-name", " ",
                "fp.branding.organisation-name", "",
                "fp.branding.logo-url", "  "));

    assertThat(branding).isEqualTo(BrandingProperties.defaults());
  }

  @Test
  void isWhatTheAdviceAddsToEveryModel() {
    BrandingProperties branding = new BrandingProperties("Population health", "", "");

    assertThat(new BrandingAdvice(branding).branding()).isSameAs(branding);
    assertThat(BrandingAdvice.MODEL_ATTRIBUTE).isEqualTo("branding");
  }

  @Test
  void isBoundFromApplicationPropertiesWhereverTheAdviceIsLoaded() {
    // The advice enables the properties itself, so @WebMvcTest slices (which load controller
    // advice but not configuration classes) get them too.
    new WebApplicationContextRunner()
        .withUserConfiguration(BrandingAdvice.class)
        .withPropertyValues("fp.branding.service-name=Population health")
        .run(
            context ->
                assertThat(context.getBean(BrandingAdvice.class).branding())
                    .isEqualTo(new BrandingProperties("Population health", "", "")));
  }
}
