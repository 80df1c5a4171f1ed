package org.fourthpurpose.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Something worked out per workspace and kept until the workspace changes ({@link
 * WorkspaceChanged}): the owner forgets it from its listener. A value worked out while a change was
 * committing is used once but not kept, so the memo never holds what was true before the last
 * change: each workspace has a generation, read before the work starts and compared before the
 * value is kept.
 *
 * @param <V> what is kept
 */
public final class WorkspaceMemo<V> {

  private record Kept<V>(String key, V value) {}

  private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

  /**
   * The value kept for the workspace under {@code key} (for instance the day, for a value that
   * depends on the date), or the one {@code work} makes, kept when nothing changed meanwhile.
   */
  public V get(String icbCode, String key, Supplier<V> work) {
    Kept<V> k = kept.get(icbCode);
    if (k != null && k.key().equals(key)) {
      return k.value();
    }
    long generation = generation(icbCode).get();
    V value = work.get();
    synchronized (this) {
      if (generation(icbCode).get() == generation) {
        kept.put(icbCode, new Kept<>(key, value));
      }
    }
    return value;
  }

  /** Forgets the workspace's value; one being worked out now will not be kept. */
  public void forget(String icbCode) {
    synchronized (this) {
      generation(icbCode).incrementAndGet();
      kept.remove(icbCode);
    }
  }

  /** Forgets every workspace's value. */
  public void forgetAll() {
    synchronized (this) {
      generations.values().forEach(AtomicLong::incrementAndGet);
      kept.clear();
    }
  }

  private AtomicLong generation(String icbCode) {
    return generations.computeIfAbsent(icbCode, c -> new AtomicLong());
  }
}
