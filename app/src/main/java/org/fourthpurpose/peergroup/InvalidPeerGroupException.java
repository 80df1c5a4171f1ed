package org.fourthpurpose.peergroup;

/** A peer group or comparison request is not valid; names the field to correct. */
public final class InvalidPeerGroupException extends RuntimeException {

  private final String field;

  public InvalidPeerGroupException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
