package org.fourthpurpose.web;

import java.net.URI;
import org.fourthpurpose.csv.CsvFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place API failures become RFC 9457 problem responses that say what is wrong: the type and
 * title of the problem, and the field, value, file, line and column where they apply.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

  static final String TYPES = "https://fourthpurpose.org/problems/";

  @ExceptionHandler(UserProblem.class)
  ResponseEntity<ProblemDetail> problem(UserProblem e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
    problem.setTitle(e.title());
    problem.setType(URI.create(TYPES + e.type()));
    if (e.field() != null) {
      problem.setProperty("field", e.field());
      // The public read API has named it "parameter" since its first release; both stay.
      problem.setProperty("parameter", e.field());
    }
    if (e.value() != null) {
      problem.setProperty("value", e.value());
    }
    UserProblem.Location at = e.location();
    if (at != null) {
      if (at.file() != null) {
        problem.setProperty("file", at.file());
      }
      if (at.line() != null) {
        problem.setProperty("line", at.line());
      }
      if (at.column() != null) {
        problem.setProperty("column", at.column());
      }
    }
    return respond(problem);
  }

  @ExceptionHandler(StillLoadingException.class)
  ResponseEntity<ProblemDetail> stillLoading(StillLoadingException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle(e.failed() ? "Figures unavailable" : "Still loading");
    problem.setType(URI.create(TYPES + (e.failed() ? "reference-data-failed" : "still-loading")));
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (!e.failed()) {
      response.header("Retry-After", String.valueOf(StillLoadingException.RETRY_AFTER_SECONDS));
    }
    return response.body(problem);
  }

  @ExceptionHandler(CsvFormatException.class)
  ResponseEntity<ProblemDetail> malformedCsv(CsvFormatException e) {
    return problem(
        InvalidInputException.inFile(
            "malformed-csv",
            "Malformed CSV",
            null,
            e.line(),
            e.column(),
            "malformed CSV: " + e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return problem(
        InvalidInputException.parameter(
            e.getParameterName(), "The parameter '" + e.getParameterName() + "' is required"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        InvalidInputException.parameter(
            e.getName(),
            "The parameter '"
                + e.getName()
                + "' has a value that is not allowed: "
                + e.getValue()));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
