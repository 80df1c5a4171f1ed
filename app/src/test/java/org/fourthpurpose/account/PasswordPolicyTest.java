package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fourthpurpose.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final String EMAIL = "ada.lovelace@example.org";

  @Test
  void refusesTheCommonPasswordsAndRepeatsThatThePreviousRulesAccepted() {
    for (String weak :
        new String[] {
          "password1234",
          "123456789012",
          " ".repeat(12),
          "Password1234",
          "PASSWORD2024!",
          "qwertyuiop12",
          "iloveyou1234",
          "aaaaaaaaaaaaaaaa",
          "welcome12345"
        }) {
      assertThatThrownBy(() -> PasswordPolicy.check(weak, EMAIL))
          .as(weak)
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).field())
          .isEqualTo("password");
    }
  }

  @Test
  void refusesPasswordsThatAreTooShortTooLongOrContainTheEmail() {
    assertThatThrownBy(() -> PasswordPolicy.check("short pass", EMAIL))
        .hasMessage("Password must be 12 characters or more");
    assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(64) + "y".repeat(65), EMAIL))
        .hasMessage("Password must be 128 characters or fewer");
    assertThatThrownBy(() -> PasswordPolicy.check("my Ada.Lovelace@example.org!", EMAIL))
        .hasMessage("Password must not contain your email address");
    assertThatThrownBy(() -> PasswordPolicy.check("ada.lovelace rocks 7", EMAIL))
        .hasMessage("Password must not contain your email address");
    assertThatThrownBy(() -> PasswordPolicy.check(null, EMAIL))
        .hasMessage("Password must be 12 characters or more");
  }

  @Test
  void acceptsLongPassphrasesWithoutCompositionRules() {
    assertThatCode(() -> PasswordPolicy.check("correct horse battery", EMAIL))
        .doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("tea kettle orchard lamp", EMAIL))
        .doesNotThrowAnyException();
    // Twelve characters counted as people see them, not as UTF-16 units.
    assertThatCode(() -> PasswordPolicy.check("ééééééééééé1", null)).doesNotThrowAnyException();
  }
}
