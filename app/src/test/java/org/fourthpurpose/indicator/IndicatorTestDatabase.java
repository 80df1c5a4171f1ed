package org.fourthpurpose.indicator;

/** One in-memory database shared by the indicator integration tests (one Spring context). */
final class IndicatorTestDatabase {

  static final String URL =
      "spring.datasource.url=jdbc:h2:mem:indicator;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  private IndicatorTestDatabase() {}
}
