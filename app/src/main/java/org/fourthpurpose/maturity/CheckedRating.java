package org.fourthpurpose.maturity;

import java.util.List;

/** A rating that has passed every check and may be stored. */
record CheckedRating(
    MaturityLevel level,
    Fulfilment fulfilment,
    Confidence confidence,
    String evidence,
    List<String> evidenceLinks) {}
