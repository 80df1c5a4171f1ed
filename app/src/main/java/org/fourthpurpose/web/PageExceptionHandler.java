package org.fourthpurpose.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Shows the NHS-style error pages for failures in page controllers. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  ModelAndView notFound(NotFoundException e) {
    ModelAndView view = new ModelAndView("error/404");
    view.addObject("detail", e.getMessage());
    return view;
  }

  @ExceptionHandler(InvalidParameterException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ModelAndView badRequest(InvalidParameterException e) {
    ModelAndView view = new ModelAndView("error/400");
    view.addObject("detail", e.getMessage());
    return view;
  }
}
