package org.fourthpurpose.maturity;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns maturity problems on the API into RFC 9457 problem JSON naming the field and value. */
@RestControllerAdvice(assignableTypes = {MaturityApiController.class, BoardReportController.class})
class MaturityApiProblems {

  @ExceptionHandler(MaturityProblem.class)
  ResponseEntity<ProblemDetail> problem(MaturityProblem problem) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.valueOf(problem.status()), problem.getMessage());
    body.setTitle(problem.title());
    body.setType(URI.create("https://fourthpurpose.org/problems/" + slug(problem)));
    if (problem.field() != null) {
      body.setProperty("field", problem.field());
    }
    if (problem.value() != null) {
      body.setProperty("value", problem.value());
    }
    return ResponseEntity.status(problem.status()).body(body);
  }

  private static String slug(MaturityProblem problem) {
    return FrameworkCatalogue.slug(
        problem
            .getClass()
            .getSimpleName()
            .replace("Exception", "")
            .replaceAll("([a-z])([A-Z])", "$1-$2"));
  }
}
