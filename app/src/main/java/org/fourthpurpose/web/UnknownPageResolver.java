package org.fourthpurpose.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Shows the NHS-style 404 page to a browser that asks for an address nothing serves.
 *
 * <p>Spring Boot's problem-details handler answers such a request with problem JSON whatever the
 * client accepts, so a person who mistypes an address would see raw JSON. This resolver runs before
 * it, and only for clients that name HTML in their Accept header, as browsers do; API clients
 * (including those that accept anything) still get problem JSON.
 */
@Component
class UnknownPageResolver implements HandlerExceptionResolver, Ordered {

  private final BrandingProperties branding;

  UnknownPageResolver(BrandingProperties branding) {
    this.branding = branding;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(ex instanceof NoResourceFoundException)
        || !namesHtml(request.getHeader(HttpHeaders.ACCEPT))) {
      return null;
    }
    return new ModelAndView(
        "error/404", Map.of(BrandingAdvice.MODEL_ATTRIBUTE, branding), HttpStatus.NOT_FOUND);
  }

  /** Whether an Accept header asks for HTML by name (a wildcard alone does not count). */
  static boolean namesHtml(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(
              type -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  // After Boot's DefaultErrorAttributes (which only records the exception), before the
  // @ExceptionHandler resolvers, where the problem-details handler would answer.
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
