package org.fourthpurpose.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every route with an {@code {icbCode}} path variable (all workspace pages and API routes) gets the
 * system's ONS code, whether the address gave the ONS or the ODS code in any case, so one system's
 * data is never split between two spellings; an unknown code is a 404 before any handler runs.
 */
@Component
class IcsCodeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  static final String VARIABLE = "icbCode";

  // A provider, so web slices that test one controller without geography can still start.
  private final ObjectProvider<Geography> geography;

  IcsCodeInterceptor(ObjectProvider<Geography> geography) {
    this.geography = geography;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Geography areas = geography.getIfAvailable();
    if (variables == null || !variables.containsKey(VARIABLE) || areas == null) {
      return true;
    }
    String canonical = areas.requireIcb(variables.get(VARIABLE)).code();
    if (!canonical.equals(variables.get(VARIABLE))) {
      Map<String, String> normalised = new HashMap<>(variables);
      normalised.put(VARIABLE, canonical);
      request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, normalised);
    }
    return true;
  }
}
