package org.fourthpurpose.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A map of rendered pages that holds at most a number of entries and of bytes, forgetting the page
 * used least recently when a new one would not fit, so that memory stays bounded however many URLs
 * or audiences visitors ask for.
 *
 * <p>Access order is kept by a {@link LinkedHashMap} under one lock; a look-up costs well under a
 * microsecond, small next to writing the page.
 */
final class PageStore<V> {

  private final int maxEntries;
  private final long maxBytes;
  private final ToLongFunction<V> size;
  private final LinkedHashMap<String, V> pages = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  PageStore(int maxEntries, long maxBytes, ToLongFunction<V> size) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.size = size;
  }

  synchronized V get(String key) {
    return pages.get(key);
  }

  /**
   * Keeps a page, forgetting older ones to make room; a page larger than the budget is not kept.
   */
  synchronized void put(String key, V page) {
    long length = size.applyAsLong(page);
    if (length > maxBytes) {
      return;
    }
    V previous = pages.remove(key);
    if (previous != null) {
      bytes -= size.applyAsLong(previous);
    }
    Iterator<Map.Entry<String, V>> oldest = pages.entrySet().iterator();
    while (oldest.hasNext() && (pages.size() >= maxEntries || bytes + length > maxBytes)) {
      bytes -= size.applyAsLong(oldest.next().getValue());
      oldest.remove();
    }
    pages.put(key, page);
    bytes += length;
  }

  /** Forgets every page whose key {@code forget} accepts. */
  synchronized void removeKeys(Predicate<String> forget) {
    Iterator<Map.Entry<String, V>> all = pages.entrySet().iterator();
    while (all.hasNext()) {
      Map.Entry<String, V> page = all.next();
      if (forget.test(page.getKey())) {
        bytes -= size.applyAsLong(page.getValue());
        all.remove();
      }
    }
  }

  synchronized void clear() {
    pages.clear();
    bytes = 0;
  }

  synchronized int size() {
    return pages.size();
  }

  synchronized long bytes() {
    return bytes;
  }
}
