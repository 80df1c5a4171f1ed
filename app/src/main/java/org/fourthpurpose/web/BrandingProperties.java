package org.fourthpurpose.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the deploying organisation names and marks the service in the page header: its service name,
 * its organisation name and, optionally, the URL of its own logo image.
 *
 * <p>Fourth Purpose is not an official NHS service, so it shows no NHS logo by default; an
 * integrated care board that deploys it may show its own. Bound from {@code fp.branding.*}, for
 * example {@code fp.branding.logo-url=/branding/logo.png}; blank values mean "not set".
 *
 * @param serviceName shown in the header and page titles; "Fourth Purpose" when blank
 * @param organisationName the logo's alternative text; empty when not set
 * @param logoUrl the logo image shown before the service name, empty for no logo; a landscape
 *     image, which NHS.UK frontend shows 280 pixels wide (220 for SVG, 150 on small screens)
 */
@ConfigurationProperties(prefix = "fp.branding")
public record BrandingProperties(String serviceName, String organisationName, String logoUrl) {

  /** The product's own name, used when no service name is configured. */
  public static final String DEFAULT_SERVICE_NAME = "Fourth Purpose";

  public BrandingProperties {
    serviceName = isBlank(serviceName) ? DEFAULT_SERVICE_NAME : serviceName.strip();
    organisationName = isBlank(organisationName) ? "" : organisationName.strip();
    logoUrl = isBlank(logoUrl) ? "" : logoUrl.strip();
  }

  /** The product's defaults: named "Fourth Purpose", with no organisation and no logo. */
  public static BrandingProperties defaults() {
    return new BrandingProperties(null, null, null);
  }

  /** Whether a logo image is configured; if not, the header shows the service name alone. */
  public boolean hasLogo() {
    return !logoUrl.isEmpty();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
