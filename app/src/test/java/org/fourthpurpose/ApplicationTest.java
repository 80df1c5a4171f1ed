package org.fourthpurpose;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole application on a real port and a real database (H2 in memory by default; PostgreSQL
 * when the build's postgres profile sets {@code spring.datasource.url}). Every integration test
 * uses exactly this, so they share one Spring context and the national reference data loads once
 * per run. {@link LocalAuthorizationServer} starts first and is the application's OpenID Connect
 * provider.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextCustomizerFactories(LocalAuthorizationServer.Factory.class)
public @interface ApplicationTest {}
