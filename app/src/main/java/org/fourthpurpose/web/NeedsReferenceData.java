package org.fourthpurpose.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller, or one handler, whose answers are built from reference datasets that load in
 * the background after a first start (by {@code ReferenceDataset.name()}, e.g. {@code
 * "indicators"}). Until every named dataset has been loaded once, the handler does not run: a page
 * says the figures are still loading and the API answers 503 with {@code Retry-After}, so nobody
 * reads an empty table as "no difference from England".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NeedsReferenceData {

  /** The names of the datasets the answers are built from. */
  String[] value();
}
