package org.fourthpurpose.indicator.importing;

/**
 * One row of an imported file before checking: the text of each field and the column heading to
 * name in an error.
 */
record RawRow(
    long line,
    String indicator,
    String areaCode,
    String period,
    String value,
    String numerator,
    String denominator,
    String lowerCi,
    String upperCi) {}
