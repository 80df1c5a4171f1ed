package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.fourthpurpose.audit.AuditLog;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-30T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();
  private final AuditLog auditLog = mock(AuditLog.class);
  private final SignInThrottle throttle = new SignInThrottle(clock, auditLog);

  @Test
  void fiveFailuresAreFreeThenTheWaitDoublesThenTheAccountLocks() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("Ada@Example.org", "10.0.0.1");
    }
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.2")).isZero();
    throttle.failed("ada@example.org", "10.0.0.1");
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("ada@example.org", "10.0.0.1");
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
    throttle.failed("ada@example.org", "10.0.0.1");
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.2")).isEqualTo(Duration.ofSeconds(4));
    throttle.failed("ada@example.org", "10.0.0.1");
    throttle.failed("ada@example.org", "10.0.0.1");
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.2")).isEqualTo(Duration.ofMinutes(15));
    // Another account from another address is not held up.
    assertThat(throttle.waitFor("grace@example.org", "10.0.0.3")).isZero();
    // The lock is recorded once, when it starts, with the email address tried as the actor.
    verify(auditLog)
        .recordAs(
            "ada@example.org",
            null,
            "sign-in.locked",
            "the account ada@example.org",
            null,
            "locked for 15 minutes after 10 failures");
    verifyNoMoreInteractions(auditLog);

    clock.now = clock.now.plus(Duration.ofMinutes(15));
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.2")).isZero();
  }

  @Test
  void oneAddressGuessingManyAccountsIsLockedToo() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("person" + i + "@example.org", "10.9.9.9");
    }
    assertThat(throttle.waitFor("new@example.org", "10.9.9.9")).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.waitFor("new@example.org", "10.9.9.8")).isZero();
    verify(auditLog)
        .recordAs(
            "person49@example.org",
            null,
            "sign-in.locked",
            "the address 10.9.9.9",
            null,
            "locked for 15 minutes after 50 failures");
    verifyNoMoreInteractions(auditLog);
  }

  @Test
  void successClearsTheAccountAndOldFailuresAreForgotten() {
    for (int i = 0; i < 7; i++) {
      throttle.failed("ada@example.org", "10.0.0.1");
    }
    throttle.succeeded("ada@example.org");
    assertThat(throttle.waitFor("ada@example.org", "10.0.0.9")).isZero();

    for (int i = 0; i < 5; i++) {
      throttle.failed("grace@example.org", "10.0.0.1");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    throttle.failed("grace@example.org", "10.0.0.1");
    assertThat(throttle.waitFor("grace@example.org", "10.0.0.9")).isZero();
  }

  @Test
  void theWaitIsTheSameForAnEmailThatHasNoAccount() {
    assertThat(SignInThrottle.ACCOUNT.waitAfter(6)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SignInThrottle.ACCOUNT.waitAfter(9)).isEqualTo(Duration.ofSeconds(8));
    assertThat(SignInThrottle.ACCOUNT.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
    assertThat(SignInThrottle.ADDRESS.waitAfter(20)).isZero();
    assertThat(SignInThrottle.ADDRESS.waitAfter(30)).isEqualTo(Duration.ofMinutes(2));
  }
}
