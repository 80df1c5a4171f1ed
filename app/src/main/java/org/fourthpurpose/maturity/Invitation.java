package org.fourthpurpose.maturity;

import java.util.Optional;

/**
 * A new assessor and, for a personal link, the link's secret token. The token is shown once and
 * never stored; only its hash is kept.
 */
public record Invitation(Assessor assessor, Optional<String> linkToken) {}
