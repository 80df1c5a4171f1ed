package org.fourthpurpose.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place page failures become NHS-style error pages: a 404 page for something that does not
 * exist, and a page with the problem's title and what to do for the rest. Forms that can show the
 * problem beside the field catch it themselves and re-render with an error summary.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

  @ExceptionHandler(UserProblem.class)
  ModelAndView problem(UserProblem e) {
    ModelAndView view =
        new ModelAndView(
            switch (e.status()) {
              case 404 -> "error/404";
              case 400 -> "error/400";
              default -> "error/problem";
            });
    view.addObject("detail", e.getMessage());
    view.addObject("problem", e);
    view.setStatus(HttpStatus.valueOf(e.status()));
    return view;
  }

  /** A page whose figures are not loaded yet says so, instead of showing empty tables. */
  @ExceptionHandler(StillLoadingException.class)
  ModelAndView stillLoading(
      StillLoadingException e,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    ModelAndView view = new ModelAndView("error/loading");
    String query = request.getQueryString();
    view.addObject("retry", request.getRequestURI() + (query == null ? "" : "?" + query));
    view.addObject("detail", e.getMessage());
    view.addObject("failed", e.failed());
    view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
    if (!e.failed()) {
      response.setHeader("Retry-After", String.valueOf(StillLoadingException.RETRY_AFTER_SECONDS));
    }
    return view;
  }
}
