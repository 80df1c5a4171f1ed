/**
 * The public CSV API for confidence intervals: {@code POST /api/v1/statistics/{method}} takes a CSV
 * of proportions, rates or means and returns it with value and 95% / 99.8% limits added, so that
 * analysts can reproduce Fingertips-style statistics without R. Malformed requests get RFC 9457
 * problem details naming the line and column.
 */
package org.fourthpurpose.statistics.web;
