package org.fourthpurpose.maturity;

import java.util.List;

/** A group of areas of focus, e.g. "Relationships". */
public record FrameworkDomain(String id, String title, List<FocusArea> areas) {}
