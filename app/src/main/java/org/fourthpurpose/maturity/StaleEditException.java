package org.fourthpurpose.maturity;

/** Someone saved a newer version of the same record since it was read; reload and try again. */
public class StaleEditException extends MaturityProblem {

  public StaleEditException(String field, String value, String message) {
    super(409, field, value, message);
  }

  @Override
  public String title() {
    return "Edited elsewhere";
  }
}
