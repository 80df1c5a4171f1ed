package org.fourthpurpose.backup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a restore tells the person who asked for it besides the counts: things in the backup that
 * this installation could not take and left out (a member whose account does not exist here), and
 * notes on what changed in passing. Neither stops the restore.
 */
public final class RestoreContext {

  /** At most this many messages of each kind are kept, with a count of the rest. */
  static final int MAX_MESSAGES = 500;

  private final List<String> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long moreSkipped;
  private long moreNotes;

  RestoreContext() {}

  /** Records something in the backup that was left out, saying what and why (once). */
  public void skipped(String message) {
    if (skipped.contains(message)) {
      return;
    }
    if (skipped.size() < MAX_MESSAGES) {
      skipped.add(message);
    } else {
      moreSkipped++;
    }
  }

  /** Records something the person should know about what was restored (once). */
  public void note(String message) {
    if (notes.contains(message)) {
      return;
    }
    if (notes.size() < MAX_MESSAGES) {
      notes.add(message);
    } else {
      moreNotes++;
    }
  }

  List<String> skippedMessages() {
    List<String> all = new ArrayList<>(skipped);
    if (moreSkipped > 0) {
      all.add("and " + moreSkipped + " more left out");
    }
    return Collections.unmodifiableList(all);
  }

  List<String> noteMessages() {
    List<String> all = new ArrayList<>(notes);
    if (moreNotes > 0) {
      all.add("and " + moreNotes + " more notes");
    }
    return Collections.unmodifiableList(all);
  }
}
