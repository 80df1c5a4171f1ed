/**
 * Coverage against need: Step 1's themes and indicators where the system is significantly worse
 * than England or its comparator, set against the commitments of the organisations in its anchor
 * register, pillar by pillar. It shows the gaps (need and no commitment), the candidates for joint
 * focus (several organisations committed to the same theme or indicator) and the organisations
 * without an anchor strategy (where support could spread), in a matrix, a few plain sentences, a
 * CSV and the API. Need comes from the ICS profile's public API ({@code profile.IcsProfiles}),
 * never from its tables.
 */
package org.fourthpurpose.anchor.coverage;
