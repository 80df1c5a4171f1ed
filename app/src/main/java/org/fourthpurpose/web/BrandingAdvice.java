package org.fourthpurpose.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the {@link BrandingProperties} to the model of every view as {@code branding}, for the
 * layout's header and for page titles, including the error pages.
 *
 * <p>It enables the properties itself, rather than a separate configuration class doing so, because
 * {@code @WebMvcTest} slices load controller advice but not configuration classes.
 */
@ControllerAdvice
@EnableConfigurationProperties(BrandingProperties.class)
class BrandingAdvice {

  static final String MODEL_ATTRIBUTE = "branding";

  private final BrandingProperties branding;

  BrandingAdvice(BrandingProperties branding) {
    this.branding = branding;
  }

  @ModelAttribute(MODEL_ATTRIBUTE)
  BrandingProperties branding() {
    return branding;
  }
}
