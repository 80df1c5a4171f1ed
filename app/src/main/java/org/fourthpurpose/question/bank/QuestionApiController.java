package org.fourthpurpose.question.bank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The question bank (public) and a workspace's questions through the API: viewers read them;
 * editors adopt from the bank, add their own, edit, remove and agree priorities.
 */
@Tag(name = "Step 2 questions")
@RestController
class QuestionApiController {

  private final ShippedQuestionBank bank;
  private final StoredWorkspaceQuestions questions;
  private final WorkspaceAccess access;
  private final Geography geography;

  QuestionApiController(
      ShippedQuestionBank bank,
      StoredWorkspaceQuestions questions,
      WorkspaceAccess access,
      Geography geography) {
    this.bank = bank;
    this.questions = questions;
    this.access = access;
    this.geography = geography;
  }

  @Operation(
      summary = "The question bank (public)",
      description =
          "Every entry: id, theme (a Step 1 theme code), transactional and transformational"
              + " questions, why it matters, partner sectors (organisation type codes), the"
              + " indicators that evidence it, the maturity areas it advances, the policies and"
              + " funding programmes that can help, and its source.")
  @GetMapping(value = "/api/v1/questions", produces = "application/json")
  List<BankQuestion> bank() {
    return bank.questions();
  }

  @Operation(summary = "One entry of the question bank (public)")
  @GetMapping(value = "/api/v1/questions/{id}", produces = "application/json")
  BankQuestion entry(@PathVariable String id) {
    return bank.find(id)
        .orElseThrow(() -> new NotFoundException("id", id, "The question bank has no entry " + id));
  }

  /**
   * A question to add: {@code bankId} alone adopts a bank entry; otherwise the workspace's own
   * question.
   */
  record NewQuestion(
      String bankId,
      String theme,
      String transactional,
      String transformational,
      List<String> indicatorIds,
      List<String> policyIds) {}

  /** A question's new wording and links. */
  record ChangedQuestion(
      String theme,
      String transactional,
      String transformational,
      List<String> indicatorIds,
      List<String> policyIds) {}

  /** An agreed priority: why, and its place among the priorities (last when left out). */
  record AgreedPriority(String rationale, Integer rank) {}

  @Operation(summary = "The workspace's questions (viewers)")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/questions", produces = "application/json")
  List<WorkspaceQuestion> list(@PathVariable String icbCode) {
    IntegratedCareBoard icb = view(icbCode);
    return questions.list(icb.code());
  }

  @Operation(summary = "One of the workspace's questions (viewers)")
  @GetMapping(value = "/api/v1/workspaces/{icbCode}/questions/{id}", produces = "application/json")
  WorkspaceQuestion one(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = view(icbCode);
    return questions.require(icb.code(), id);
  }

  @Operation(
      summary = "Adopts a bank entry or adds the workspace's own question (editors)",
      description =
          "With bankId: adopts that bank entry in the bank's wording (409 when adopted already)."
              + " Without: theme and transformational are required, transactional optional,"
              + " indicatorIds and policyIds lists of catalogue codes. Answers 201 with the"
              + " question.")
  @NeedsReferenceData("indicators")
  @PostMapping(
      value = "/api/v1/workspaces/{icbCode}/questions",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<WorkspaceQuestion> add(
      @PathVariable String icbCode, @RequestBody NewQuestion body) {
    IntegratedCareBoard icb = edit(icbCode);
    if (body == null) {
      throw new InvalidInputException("transformational", "Send the question as JSON");
    }
    WorkspaceQuestion added;
    if (body.bankId() != null) {
      if (body.theme() != null || body.transformational() != null || body.transactional() != null) {
        throw new InvalidInputException(
            "bankId",
            body.bankId(),
            "Send either bankId (to adopt a bank entry) or your own question, not both");
      }
      added = questions.adopt(icb.code(), body.bankId());
    } else {
      try {
        added =
            questions.add(
                icb.code(),
                new QuestionDraft(
                    body.theme(),
                    body.transactional(),
                    body.transformational(),
                    body.indicatorIds(),
                    body.policyIds()));
      } catch (QuestionProblems e) {
        throw e.asInvalidInput();
      }
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(added);
  }

  @Operation(
      summary = "Changes a question's wording and links (editors)",
      description = "An adopted question keeps its bankId. All fields as for a new question.")
  @NeedsReferenceData("indicators")
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/questions/{id}",
      consumes = "application/json",
      produces = "application/json")
  WorkspaceQuestion change(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody ChangedQuestion body) {
    IntegratedCareBoard icb = edit(icbCode);
    if (body == null) {
      throw new InvalidInputException("transformational", "Send the question as JSON");
    }
    try {
      return questions.edit(
          icb.code(),
          id,
          new QuestionDraft(
              body.theme(),
              body.transactional(),
              body.transformational(),
              body.indicatorIds(),
              body.policyIds()));
    } catch (QuestionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "Removes a question with its scores (editors)")
  @DeleteMapping("/api/v1/workspaces/{icbCode}/questions/{id}")
  ResponseEntity<Void> remove(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = edit(icbCode);
    questions.remove(icb.code(), id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Agrees a question as a priority (editors)",
      description =
          "rationale is required; rank (1 = first) places it among the agreed priorities and"
              + " moves the others down; without rank it goes last.")
  @PutMapping(
      value = "/api/v1/workspaces/{icbCode}/questions/{id}/priority",
      consumes = "application/json",
      produces = "application/json")
  WorkspaceQuestion agree(
      @PathVariable String icbCode, @PathVariable long id, @RequestBody AgreedPriority body) {
    IntegratedCareBoard icb = edit(icbCode);
    try {
      return questions.agree(
          icb.code(),
          id,
          body == null ? null : body.rationale(),
          body == null ? null : body.rank());
    } catch (QuestionProblems e) {
      throw e.asInvalidInput();
    }
  }

  @Operation(summary = "Withdraws a question from the agreed priorities (editors)")
  @DeleteMapping(
      value = "/api/v1/workspaces/{icbCode}/questions/{id}/priority",
      produces = "application/json")
  WorkspaceQuestion withdraw(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = edit(icbCode);
    return questions.withdraw(icb.code(), id);
  }

  private IntegratedCareBoard view(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return icb;
  }

  private IntegratedCareBoard edit(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    return icb;
  }
}
