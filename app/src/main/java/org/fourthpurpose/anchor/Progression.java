package org.fourthpurpose.anchor;

import java.time.LocalDate;

/** How far an organisation has come under one pillar, as last assessed. */
public record Progression(
    long organisationId,
    Pillar pillar,
    ProgressionLevel level,
    String note,
    LocalDate assessedOn) {}
