package org.fourthpurpose.indicator.importing;

import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Period;

/** A row that passed every check, ready to store. */
record CheckedRow(
    long line,
    String indicatorId,
    String areaCode,
    AreaLevel level,
    Period period,
    double value,
    Double numerator,
    Double denominator,
    Double lowerCi,
    Double upperCi) {}
