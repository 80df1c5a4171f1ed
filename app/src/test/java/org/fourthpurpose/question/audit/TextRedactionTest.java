package org.fourthpurpose.question.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What free-text redaction removes, and what it knowingly lets through. */
class TextRedactionTest {

  private final TextRedaction redact =
      TextRedaction.removingNamesOf(List.of("Priya Shah", "Tom O'Neill", "x"));

  @Test
  void removesEmailAddressesAndUkPhoneNumbers() {
    assertThat(redact.apply("Write to jo.bloggs+ics@council.gov.uk or call 01632 960 123."))
        .isEqualTo("Write to [email removed] or call [phone number removed].");
    assertThat(redact.apply("Mobile +44 7700 900123 works"))
        .isEqualTo("Mobile [phone number removed] works");
  }

  @Test
  void removesANameOfOneOrTwoCapitalisedWordsAfterAnIntroduction() {
    assertThat(redact.apply("Hello, I am Jo Bloggs from the college."))
        .isEqualTo("Hello, I am [name removed] from the college.");
    assertThat(redact.apply("my name is Sam and I run a charity"))
        .isEqualTo("my name is [name removed] and I run a charity");
    assertThat(redact.apply("I'm Alex Kim")).isEqualTo("I'm [name removed]");
    // "I am very happy" is not a name: the word after the introduction is not capitalised.
    assertThat(redact.apply("I am very happy")).isEqualTo("I am very happy");
  }

  @Test
  void removesEveryWordOfAWorkspaceMembersNameWhateverItsCase() {
    assertThat(redact.apply("PRIYA was great; shah too. Tom O'Neill less so."))
        .isEqualTo(
            "[name removed] was great; [name removed] too. [name removed] [name removed] less so.");
    // Single letters are never removed, and words merely containing a name stay.
    assertThat(redact.apply("x marks Priyanka's tomato")).isEqualTo("x marks Priyanka's tomato");
  }

  @Test
  void knowinglyLetsThroughNamesWrittenOtherwise() {
    // The documented limit: a name with no introduction and not a member's is not recognised.
    assertThat(redact.apply("Ask Morgan in procurement")).isEqualTo("Ask Morgan in procurement");
  }
}
