package org.fourthpurpose.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, with a 400 naming the parameter, a parameter, form field or path variable holding the
 * NUL character: no text anyone types has one, and PostgreSQL cannot store it, so it would
 * otherwise fail as a 500 deep inside whatever tried to save it.
 */
@Component
class NulCharacterInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod)) {
      // Static files: nothing is stored, and the advices that show the 400 are for controllers.
      return true;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      refuseNul(parameter.getKey(), parameter.getKey());
      for (String value : parameter.getValue()) {
        refuseNul(parameter.getKey(), value);
      }
    }
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> variables) {
      variables.forEach((name, value) -> refuseNul(String.valueOf(name), String.valueOf(value)));
    }
    return true;
  }

  private static void refuseNul(String name, String text) {
    if (text != null && text.indexOf('\u0000') >= 0) {
      throw InvalidInputException.parameter(
          name.replace('\u0000', '\uFFFD'),
          "The parameter '"
              + name.replace('\u0000', '\uFFFD')
              + "' holds a NUL character, which no value may contain");
    }
  }
}
