package org.fourthpurpose.maturity;

import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Inserts a row with an identity key and returns the key (works on H2 and PostgreSQL). */
final class Inserts {

  private Inserts() {}

  static long returningId(JdbcClient jdbc, String sql, Object... params) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return Objects.requireNonNull(keys.getKey(), "no generated key").longValue();
  }
}
