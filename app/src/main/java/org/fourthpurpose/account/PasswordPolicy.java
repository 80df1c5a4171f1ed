package org.fourthpurpose.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.fourthpurpose.web.InvalidInputException;

/**
 * The password rules, in the style the NCSC recommends: long enough (12 to 128 characters), no
 * composition rules, and refused when it is a common password or a usual variant of one (from a
 * bundled list), one character repeated, or contains the person's email address or its name part.
 */
final class PasswordPolicy {

  static final int MINIMUM_LENGTH = 12;
  static final int MAXIMUM_LENGTH = 128;

  /** Name parts shorter than this are too common inside passwords to refuse on. */
  private static final int SHORTEST_NAME_PART = 4;

  private static final Set<String> COMMON = load("/account/common-passwords.txt");

  private PasswordPolicy() {}

  /**
   * Refuses a password that breaks a rule, naming the rule; the message never repeats the password.
   *
   * @param email the account's email address, normalised, or null when not known yet
   */
  static void check(String password, String email) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MINIMUM_LENGTH) {
      throw refuse("Password must be " + MINIMUM_LENGTH + " characters or more");
    }
    if (length > MAXIMUM_LENGTH) {
      throw refuse("Password must be " + MAXIMUM_LENGTH + " characters or fewer");
    }
    if (password.codePoints().distinct().count() == 1) {
      throw refuse("Password must not be one character repeated");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || COMMON.contains(lower.strip())) {
      throw refuse(
          "This password is too common and easy to guess: try three or more random words together");
    }
    if (email != null && !email.isBlank()) {
      String address = email.toLowerCase(Locale.ROOT);
      String name = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
      if (lower.contains(address)
          || (name.length() >= SHORTEST_NAME_PART && lower.contains(name))) {
        throw refuse("Password must not contain your email address");
      }
    }
  }

  private static InvalidInputException refuse(String message) {
    return new InvalidInputException("password", message);
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The common password list " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
