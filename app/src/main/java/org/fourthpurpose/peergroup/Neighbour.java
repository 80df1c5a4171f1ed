package org.fourthpurpose.peergroup;

/** One of an ICB's statistical nearest neighbours: 1 is the most similar. */
public record Neighbour(String icbCode, int rank, double distance) {}
