package org.fourthpurpose.question.audit;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what would name a person from a free-text answer before it is shown: email addresses, UK
 * phone numbers, a capitalised name of one or two words after "I am", "I'm", "my name is" or "this
 * is", and any word that is part of the name of someone with a role in the workspace.
 *
 * <p>It is a safety net, not a guarantee: a name written any other way ("ask Priya in
 * procurement"), a job title that identifies one person ("our chief executive") or a distinctive
 * story still gets through. That is why free text is shown only in groups of 5 or more and the
 * survey asks people not to name individuals.
 */
public final class TextRedaction implements UnaryOperator<String> {

  static final String EMAIL_REMOVED = "[email removed]";
  static final String PHONE_REMOVED = "[phone number removed]";
  static final String NAME_REMOVED = "[name removed]";

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\p{N}])(?:\\+44\\s?\\(?0?\\)?|0)(?:[\\s-]?\\p{N}){9,10}(?![\\p{N}])");
  private static final Pattern INTRODUCTION =
      Pattern.compile(
          "(?i:\\b(?:i\\s+am|i'm|i’m|my\\s+name\\s+is|this\\s+is|name:)\\s+)"
              + "(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)");

  private final Pattern members;

  private TextRedaction(Pattern members) {
    this.members = members;
  }

  /**
   * A redaction that also removes every word (two letters or more) of these people's names,
   * whatever its case.
   */
  public static TextRedaction removingNamesOf(Collection<String> names) {
    Set<String> words =
        new TreeSet<>(
            (a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
    for (String name : names) {
      if (name == null) {
        continue;
      }
      for (String word : name.split("[\\s,.()]+")) {
        String w = word.strip();
        if (w.codePointCount(0, w.length()) >= 2 && !w.contains("@")) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    if (words.isEmpty()) {
      return new TextRedaction(null);
    }
    StringBuilder alternatives = new StringBuilder();
    for (String w : words) {
      if (alternatives.length() > 0) {
        alternatives.append('|');
      }
      alternatives.append(Pattern.quote(w));
    }
    return new TextRedaction(
        Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** A redaction of emails, phone numbers and introduced names only. */
  public static TextRedaction basic() {
    return new TextRedaction(null);
  }

  @Override
  public String apply(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = EMAIL.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL_REMOVED));
    out = PHONE.matcher(out).replaceAll(Matcher.quoteReplacement(PHONE_REMOVED));
    Matcher intro = INTRODUCTION.matcher(out);
    StringBuilder kept = new StringBuilder();
    while (intro.find()) {
      String whole = intro.group();
      String lead = whole.substring(0, intro.start(1) - intro.start());
      intro.appendReplacement(kept, Matcher.quoteReplacement(lead + NAME_REMOVED));
    }
    intro.appendTail(kept);
    out = kept.toString();
    if (members != null) {
      out = members.matcher(out).replaceAll(Matcher.quoteReplacement(NAME_REMOVED));
    }
    return out;
  }
}
