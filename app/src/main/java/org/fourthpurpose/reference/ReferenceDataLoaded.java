package org.fourthpurpose.reference;

import java.util.List;

/**
 * Published after start-up has checked the reference data; {@code reloaded} names the datasets that
 * changed.
 */
public record ReferenceDataLoaded(List<String> reloaded) {}
