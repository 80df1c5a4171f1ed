package org.fourthpurpose.question.proposition;

import java.util.List;
import java.util.Optional;
import org.fourthpurpose.question.Policy;
import org.fourthpurpose.question.PolicyCatalogue;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.WorkspaceQuestions;
import org.springframework.stereotype.Component;

/** Step 2's questions and policy catalogue, read through the question bank's API. */
@Component
class QuestionBankSources implements StepTwoSources {

  private final WorkspaceQuestions questions;
  private final PolicyCatalogue catalogue;

  QuestionBankSources(WorkspaceQuestions questions, PolicyCatalogue catalogue) {
    this.questions = questions;
    this.catalogue = catalogue;
  }

  @Override
  public List<QuestionRef> questions(String icbCode) {
    return questions.list(icbCode).stream().map(QuestionBankSources::ref).toList();
  }

  @Override
  public Optional<QuestionRef> question(String icbCode, long id) {
    return questions.find(icbCode, id).map(QuestionBankSources::ref);
  }

  @Override
  public List<PolicyRef> policies() {
    return catalogue.policies().stream().map(QuestionBankSources::ref).toList();
  }

  @Override
  public Optional<PolicyRef> policy(String id) {
    return catalogue.find(id).map(QuestionBankSources::ref);
  }

  private static QuestionRef ref(WorkspaceQuestion q) {
    return new QuestionRef(
        q.id(),
        q.theme(),
        q.transformational(),
        q.priority(),
        q.rank(),
        q.priorityRationale(),
        q.indicatorIds());
  }

  private static PolicyRef ref(Policy p) {
    return new PolicyRef(p.id(), p.kind(), p.name(), p.status(), p.checked(), p.sourceUrl());
  }
}
