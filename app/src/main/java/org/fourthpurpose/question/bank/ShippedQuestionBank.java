package org.fourthpurpose.question.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.question.QuestionBank;
import org.fourthpurpose.question.policy.StoredPolicyCatalogue;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The question bank shipped in {@value #SHIPPED}, read and checked when the application starts
 * against the shipped indicator catalogue, maturity framework (version 1) and policies: a broken
 * bank stops the start with a message naming the entry and the link at fault.
 */
@Component
public class ShippedQuestionBank implements QuestionBank {

  public static final String SHIPPED = "question/bank-v1.json";
  static final String CATALOGUE = "indicator/catalogue.json";
  static final String FRAMEWORK = "maturity/framework-v1.json";

  private final BankFile.Bank bank;
  private final BankFile.Links links;
  private final Map<String, BankQuestion> byId;

  ShippedQuestionBank(StoredPolicyCatalogue policies) {
    this.links = BankFile.catalogueLinks(read(CATALOGUE), read(FRAMEWORK), policies.shippedIds());
    this.bank = BankFile.parse(SHIPPED, read(SHIPPED), links);
    this.byId =
        bank.questions().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(BankQuestion::id, q -> q));
  }

  @Override
  public String version() {
    return bank.version();
  }

  @Override
  public List<BankQuestion> questions() {
    return bank.questions();
  }

  @Override
  public Optional<BankQuestion> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.strip()));
  }

  /** The Step 1 themes, code to title, in catalogue order. */
  public Map<String, String> themes() {
    return links.themes();
  }

  static String read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The shipped file " + resource + " cannot be read", e);
    }
  }
}
