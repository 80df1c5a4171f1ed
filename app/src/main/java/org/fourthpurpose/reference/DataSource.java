package org.fourthpurpose.reference;

import java.util.List;

/**
 * Where a shipped dataset comes from, under what licence, and the attribution the licence asks for.
 */
public record DataSource(
    String id,
    String title,
    String publisher,
    String vintage,
    String licence,
    String attribution,
    List<String> files,
    String via,
    String use) {}
