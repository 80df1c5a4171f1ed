package org.fourthpurpose.indicator;

import java.util.List;

/**
 * A theme of social and economic development, such as housing, with a short description and the
 * questions a system might ask itself about it.
 */
public record Theme(
    String code, String title, String description, List<String> guidingQuestions, int position) {}
