/**
 * The chart kit: every chart and map in the product is drawn here, as server-side SVG through the
 * Thymeleaf fragments under {@code templates/chart/}, from small layout records whose scales, ticks
 * and positions are worked out in Java. Each chart has a title, a description and a table
 * alternative, and takes its colours from CSS classes so forced-colours and print work.
 *
 * <p>It depends on nothing else of ours: a feature maps its domain objects into the kit's records
 * and gives it a number format.
 */
@ApplicationModule(allowedDependencies = {})
package org.fourthpurpose.chart;

import org.springframework.modulith.ApplicationModule;
