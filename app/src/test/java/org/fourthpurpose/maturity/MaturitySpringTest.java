package org.fourthpurpose.maturity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one application context every maturity integration test shares (so reference data loads
 * once): a real server on a random port, MockMvc, and an in-memory H2 database unless
 * FP_TEST_POSTGRES_URL points at PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=${FP_TEST_POSTGRES_URL:jdbc:h2:mem:maturity;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1}",
      "fp.data-dir=${java.io.tmpdir}/fp-maturity-test"
    })
@AutoConfigureMockMvc
@interface MaturitySpringTest {}
