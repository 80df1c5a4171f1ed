package org.fourthpurpose.anchor;

/**
 * Published after any change to a workspace's organisations, strategies, commitments or progression
 * levels, once the change is committed; what caches or summarises them listens.
 */
public record CommitmentsChanged(String icbCode) {}
