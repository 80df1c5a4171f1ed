/**
 * The HTTP face of the statistics: {@code POST /api/v1/statistics/{method}} adds confidence
 * intervals to a CSV an analyst sends. Internal to {@code statistics}; the methods themselves stay
 * free of the web.
 */
package org.fourthpurpose.statistics.web;
