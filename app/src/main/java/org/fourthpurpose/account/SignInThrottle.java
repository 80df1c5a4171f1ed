package org.fourthpurpose.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing per account and per network address: a few free failures, then a wait
 * that doubles with each failure, then a temporary lock. While a wait or lock holds, no password is
 * checked at all, so even the right one is refused. The same happens for an email address that has
 * no account, so the throttle never tells anyone whether an account exists.
 *
 * <p>Addresses get more free failures than accounts, since a whole trust may sign in from one
 * address. State is kept in memory for this process and bounded in size.
 */
@Component
class SignInThrottle {

  private static final Logger audit = LoggerFactory.getLogger("org.fourthpurpose.audit");

  /** How failures turn into waits for one kind of key. */
  record Rule(int freeFailures, int lockAfter, Duration longestWait, Duration lock) {

    /** The wait after this many failures in a row: none, doubling from one second, or the lock. */
    Duration waitAfter(int failures) {
      if (failures >= lockAfter) {
        return lock;
      }
      if (failures <= freeFailures) {
        return Duration.ZERO;
      }
      long seconds = 1L << Math.min(20, failures - freeFailures - 1);
      return Duration.ofSeconds(Math.min(seconds, longestWait.toSeconds()));
    }
  }

  static final Rule ACCOUNT = new Rule(5, 10, Duration.ofMinutes(2), Duration.ofMinutes(15));
  static final Rule ADDRESS = new Rule(20, 50, Duration.ofMinutes(2), Duration.ofMinutes(15));

  /** The most keys remembered; past it, keys whose wait has passed are forgotten first. */
  static final int MAXIMUM_KEYS = 100_000;

  /** Failures further apart than this start the count again. */
  static final Duration FORGET_AFTER = Duration.ofMinutes(30);

  private record State(int failures, Instant lastFailure, Instant blockedUntil) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AuditLog auditLog;

  SignInThrottle(Clock clock, AuditLog auditLog) {
    this.clock = clock;
    this.auditLog = auditLog;
  }

  /** How long the person must wait before a password is checked again; zero when they need not. */
  Duration waitFor(String email, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(email, address)) {
      State state = states.get(key);
      if (state != null && state.blockedUntil().isAfter(now)) {
        Duration left = Duration.between(now, state.blockedUntil());
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait;
  }

  /** How many failures in a row are counted against an email address (for tests and support). */
  int failures(String email) {
    State state = states.get(keys(email, null)[0]);
    return state == null ? 0 : state.failures();
  }

  /** Counts a wrong password (or an unknown email) against the account and the address. */
  void failed(String email, String address) {
    Instant now = clock.instant();
    String[] keys = keys(email, address);
    for (int i = 0; i < keys.length; i++) {
      Rule rule = i == 0 ? ACCOUNT : ADDRESS;
      State state =
          states.merge(
              keys[i],
              new State(1, now, now.plus(rule.waitAfter(1))),
              (old, one) -> {
                if (old.lastFailure().plus(FORGET_AFTER).isBefore(now)) {
                  return one;
                }
                int failures = old.failures() + 1;
                return new State(failures, now, now.plus(rule.waitAfter(failures)));
              });
      if (state.failures() == rule.lockAfter()) {
        audit.warn(
            "sign-in locked for {} after {} failures: {}", rule.lock(), state.failures(), keys[i]);
        auditLog.recordAs(
            SignInAudit.tried(email),
            null,
            "sign-in.locked",
            (i == 0 ? "the account " : "the address ")
                + keys[i].substring(keys[i].indexOf(':') + 1),
            null,
            "locked for "
                + rule.lock().toMinutes()
                + " minutes after "
                + state.failures()
                + " failures");
      }
    }
    if (states.size() > MAXIMUM_KEYS) {
      states.values().removeIf(s -> s.lastFailure().plus(FORGET_AFTER).isBefore(now));
    }
  }

  /**
   * A successful sign-in clears the account's failures (not the address's: one good account must
   * not let an address guess others' passwords afresh).
   */
  void succeeded(String email) {
    states.remove(keys(email, null)[0]);
  }

  private static String[] keys(String email, String address) {
    String account = "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    return new String[] {account, "address:" + address};
  }
}
