package org.fourthpurpose.indicator.importing;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to long values, for remembering on which line each key of a
 * large import first appeared without boxing a million objects (about 32 bytes a key).
 */
final class LongLongMap {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private long[] values;
  private int size;

  LongLongMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[capacity];
    values = new long[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** Stores {@code value} under {@code key} if absent; returns the earlier value, or -1. */
  long putIfAbsent(long key, long value) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("reserved key");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return -1;
  }

  /** The value stored under {@code key}, or -1. */
  long get(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
