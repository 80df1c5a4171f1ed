package org.fourthpurpose.question;

import java.util.List;
import java.util.Optional;

/**
 * The shipped question bank: for every Step 1 theme, transactional questions a system usually asks
 * and their transformational reframings (Step 2 of the NHS Confederation's model framing tool),
 * each linked to the indicators that evidence it, the maturity areas it advances and the policies
 * and funding programmes that can help. Loaded and checked once at start; it never changes while
 * the application runs.
 */
public interface QuestionBank {

  /** The bank's version, e.g. {@code 1}. */
  String version();

  /** Every entry, in the order of the catalogue's themes and then as the file lists them. */
  List<BankQuestion> questions();

  /** The entry with this id, e.g. {@code employment-productive-place}. */
  Optional<BankQuestion> find(String id);

  /** The entries under one Step 1 theme (indicator catalogue theme code). */
  default List<BankQuestion> byTheme(String themeCode) {
    return questions().stream().filter(q -> q.theme().equals(themeCode)).toList();
  }
}
