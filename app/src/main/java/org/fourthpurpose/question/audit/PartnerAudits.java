package org.fourthpurpose.question.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.question.audit.PartnerAuditStore.StoredLink;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.fourthpurpose.web.WorkspaceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's relationship audits: made from the template, edited while a draft, opened by the
 * first personal links, answered once per link without an account, closed, and read only through
 * disclosure control. Workspace calls check the person's role; respondent calls are granted by the
 * link alone.
 */
@Service
public class PartnerAudits {

  /** The most links one request makes. */
  public static final int MAX_LINKS_PER_REQUEST = 500;

  /** The most links an audit may have. */
  public static final int MAX_LINKS_PER_AUDIT = 10_000;

  /** The most questions an audit may have. */
  public static final int MAX_QUESTIONS = 40;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PartnerAuditStore store;
  private final WorkspaceAccess access;
  private final AccountService accounts;
  private final AuditLog log;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<Long, AuditResults> results = new ConcurrentHashMap<>();

  PartnerAudits(
      PartnerAuditStore store,
      WorkspaceAccess access,
      AccountService accounts,
      AuditLog log,
      TransactionTemplate transaction,
      Clock clock,
      ApplicationEventPublisher events) {
    this.store = store;
    this.access = access;
    this.accounts = accounts;
    this.log = log;
    this.transaction = transaction;
    this.clock = clock;
    this.events = events;
  }

  /** A link made for a sector: its secret, shown once and never stored. */
  public record IssuedLink(String token, String sector) {}

  /** What a personal link opens: the audit, its questions and the link's sector. */
  public record LinkView(RelationshipAudit audit, List<AuditQuestion> questions, String sector) {}

  // ---- the workspace's side ------------------------------------------------------------------

  /** A new draft audit with the template's questions (editors). */
  public RelationshipAudit create(String icbCode, String title) {
    access.requireEdit(icbCode);
    String clean = AuditText.required("title", title, 200, "Enter a title for the audit");
    return transaction.execute(
        status -> {
          long id = store.insertAudit(icbCode, clean, log.currentActor(), clock.instant());
          int position = 1;
          for (AuditTemplate.TemplateQuestion q : AuditTemplate.QUESTIONS) {
            store.insertQuestion(
                id,
                position++,
                q.kind(),
                q.text(),
                q.hint(),
                q.options(),
                q.lowLabel(),
                q.highLabel(),
                q.appetite(),
                q.code());
          }
          log.record(icbCode, "relationship-audit.created", subject(id, clean), null, clean);
          return store.audit(icbCode, id).orElseThrow();
        });
  }

  /** The workspace's audits, newest first (viewers). */
  public List<RelationshipAudit> audits(String icbCode) {
    access.requireView(icbCode);
    return store.audits(icbCode);
  }

  /** One audit of the workspace (viewers); another workspace's audit is not found. */
  public RelationshipAudit audit(String icbCode, long id) {
    access.requireView(icbCode);
    return find(icbCode, id);
  }

  public List<AuditQuestion> questions(RelationshipAudit audit) {
    return store.questions(audit.id());
  }

  /** Links made so far, per sector code, in the order of the sector list. */
  public Map<String, Integer> linksBySector(RelationshipAudit audit) {
    Map<String, Integer> made = store.linksBySector(audit.id());
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (OrganisationType t : OrganisationType.values()) {
      if (made.containsKey(t.code())) {
        ordered.put(t.code(), made.get(t.code()));
      }
    }
    return ordered;
  }

  /** How many have responded: never shown to anyone below 5 (null then). */
  public Integer respondentsShown(RelationshipAudit audit) {
    int n = store.responseCount(audit.id());
    return n >= AuditDisclosure.MINIMUM ? n : null;
  }

  /** Changes a draft's title (editors). */
  public void retitle(String icbCode, long id, String title) {
    RelationshipAudit audit = editableDraft(icbCode, id);
    String clean = AuditText.required("title", title, 200, "Enter a title for the audit");
    transaction.executeWithoutResult(
        status -> {
          store.updateTitle(id, clean);
          log.record(
              icbCode, "relationship-audit.retitled", subject(id, clean), audit.title(), clean);
        });
  }

  /** Adds a question at the end of a draft (editors); its id. */
  public long addQuestion(String icbCode, long id, QuestionDraft draft) {
    RelationshipAudit audit = editableDraft(icbCode, id);
    QuestionDraft.Checked q = draft.check();
    return transaction.execute(
        status -> {
          List<AuditQuestion> existing = store.questions(id);
          if (existing.size() >= MAX_QUESTIONS) {
            throw new InvalidInputException(
                "questions", "An audit has at most " + MAX_QUESTIONS + " questions");
          }
          long qid =
              store.insertQuestion(
                  id,
                  existing.size() + 1,
                  q.kind(),
                  q.text(),
                  q.hint(),
                  q.options(),
                  q.lowLabel(),
                  q.highLabel(),
                  false,
                  null);
          log.record(
              icbCode,
              "relationship-audit.question-added",
              subject(id, audit.title()),
              null,
              q.text());
          return qid;
        });
  }

  /** Changes a draft question's wording, hint, options or scale labels (editors). */
  public void updateQuestion(String icbCode, long id, long questionId, QuestionDraft draft) {
    RelationshipAudit audit = editableDraft(icbCode, id);
    AuditQuestion before = question(audit, questionId);
    QuestionDraft.Checked q = draft.withKind(before.kind()).check();
    transaction.executeWithoutResult(
        status -> {
          store.updateQuestion(
              questionId, q.text(), q.hint(), q.options(), q.lowLabel(), q.highLabel());
          log.record(
              icbCode,
              "relationship-audit.question-changed",
              subject(id, audit.title()),
              before.text(),
              q.text());
        });
  }

  /** Removes a draft question (editors). */
  public void removeQuestion(String icbCode, long id, long questionId) {
    RelationshipAudit audit = editableDraft(icbCode, id);
    AuditQuestion before = question(audit, questionId);
    if (store.questions(id).size() <= 1) {
      throw new InvalidInputException("question", "An audit needs at least one question");
    }
    transaction.executeWithoutResult(
        status -> {
          store.deleteQuestion(id, questionId);
          log.record(
              icbCode,
              "relationship-audit.question-removed",
              subject(id, audit.title()),
              before.text(),
              null);
        });
  }

  /** Moves a draft question up (-1) or down (+1) (editors). */
  public void moveQuestion(String icbCode, long id, long questionId, int delta) {
    RelationshipAudit audit = editableDraft(icbCode, id);
    question(audit, questionId);
    transaction.executeWithoutResult(status -> store.moveQuestion(id, questionId, delta));
  }

  /**
   * Makes personal links for a sector (editors): each secret is 256 random bits, returned once and
   * stored only as its SHA-256. The first links open a draft, fixing its questions.
   */
  public List<IssuedLink> makeLinks(String icbCode, long id, Integer count, String sector) {
    access.requireEdit(icbCode);
    RelationshipAudit audit = find(icbCode, id);
    if (count == null) {
      throw new InvalidInputException("count", "Enter how many links to make, from 1 to 500");
    }
    if (count < 1 || count > MAX_LINKS_PER_REQUEST) {
      throw new InvalidInputException(
          "count", String.valueOf(count), "Make from 1 to 500 links at a time");
    }
    OrganisationType type =
        OrganisationType.find(sector)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "sector",
                        sector,
                        "Not a partner sector; use one of: "
                            + String.join(
                                ", ",
                                java.util.Arrays.stream(OrganisationType.values())
                                    .map(OrganisationType::code)
                                    .toList())));
    if (audit.status() == AuditStatus.CLOSED) {
      throw new ConflictException(
          "audit-closed",
          "Audit closed",
          "auditId",
          String.valueOf(id),
          "This audit is closed: it takes no more responses, so no new links can be made");
    }
    int existing = store.linksBySector(id).values().stream().mapToInt(Integer::intValue).sum();
    if (existing + count > MAX_LINKS_PER_AUDIT) {
      throw new InvalidInputException(
          "count",
          String.valueOf(count),
          "An audit has at most " + MAX_LINKS_PER_AUDIT + " links; it has " + existing);
    }
    List<IssuedLink> issued = new ArrayList<>(count);
    List<String> hashes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      issued.add(new IssuedLink(token, type.code()));
      hashes.add(hash(token));
    }
    transaction.executeWithoutResult(
        status -> {
          store.insertLinks(id, type.code(), hashes, clock.instant());
          boolean opened = store.open(id, clock.instant());
          log.record(
              icbCode,
              "relationship-audit.links-made",
              subject(id, audit.title()),
              opened ? "draft" : null,
              count + " links for " + type.code());
        });
    results.remove(id);
    return issued;
  }

  /** Closes an open audit (editors): no more responses. */
  public RelationshipAudit close(String icbCode, long id) {
    access.requireEdit(icbCode);
    RelationshipAudit audit = find(icbCode, id);
    if (audit.status() != AuditStatus.OPEN) {
      throw new ConflictException(
          "audit-not-open",
          "Audit not open",
          "auditId",
          String.valueOf(id),
          audit.status() == AuditStatus.CLOSED
              ? "This audit is already closed"
              : "This audit has not been sent yet: make links first, or simply leave the draft");
    }
    transaction.executeWithoutResult(
        status -> {
          store.close(id, clock.instant());
          log.record(
              icbCode, "relationship-audit.closed", subject(id, audit.title()), "open", "closed");
        });
    results.remove(id);
    return store.audit(icbCode, id).orElseThrow();
  }

  /** The audit's results after disclosure control (viewers). */
  public AuditResults results(String icbCode, long id) {
    access.requireView(icbCode);
    RelationshipAudit audit = find(icbCode, id);
    return resultsOf(audit);
  }

  /**
   * Results without the access check, for the module's own API (the caller has checked). Kept until
   * a response, a link or a change arrives on this instance.
   */
  AuditResults resultsOf(RelationshipAudit audit) {
    return results.computeIfAbsent(audit.id(), k -> compute(audit));
  }

  private AuditResults compute(RelationshipAudit audit) {
    List<AuditQuestion> questions = store.questions(audit.id());
    List<String> sectors = List.copyOf(linksBySector(audit).keySet());
    return AuditDisclosure.results(
        questions,
        sectors,
        code -> OrganisationType.find(code).map(OrganisationType::label).orElse(code),
        store.responses(audit.id()),
        TextRedaction.removingNamesOf(memberNames(audit.icbCode())));
  }

  /** The names of everyone with a role in the workspace, to remove from free text. */
  private List<String> memberNames(String icbCode) {
    return accounts.accounts().stream()
        .filter(a -> accounts.roleOf(a.id(), icbCode).isPresent())
        .map(org.fourthpurpose.account.Account::displayName)
        .toList();
  }

  // ---- the respondent's side ---------------------------------------------------------------

  /**
   * What a personal link opens; not found for an unknown link, a conflict for a used one or a
   * closed audit.
   */
  public LinkView open(String token) {
    StoredLink link = link(token);
    RelationshipAudit audit = store.audit(link.auditId()).orElseThrow();
    if (link.used()) {
      throw used();
    }
    if (audit.status() == AuditStatus.CLOSED) {
      throw new ConflictException(
          "audit-closed",
          "Audit closed",
          "token",
          null,
          "This survey has closed and takes no more responses. Thank you for your interest.");
    }
    return new LinkView(audit, store.questions(audit.id()), link.sector());
  }

  /**
   * Stores a response: every answer checked first (a problem names the question and nothing is
   * stored), then the link marked used, the response and its answers in one transaction. The link's
   * primary key in {@code question_audit_link_use} makes a second response fail, even at the same
   * moment.
   */
  public void respond(String token, Map<String, Object> answers, boolean fromForm) {
    LinkView view = open(token);
    StoredLink link = link(token);
    Map<Long, Object> checked =
        AnswerCheck.check(view.questions(), answers, fromForm).orElseThrowFirst();
    try {
      transaction.executeWithoutResult(
          status -> {
            store.useLink(link.id());
            long responseId =
                store.insertResponse(link.auditId(), link.sector(), LocalDate.now(clock));
            checked.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> store.insertAnswer(responseId, e.getKey(), e.getValue()));
          });
    } catch (DuplicateKeyException e) {
      throw used();
    }
    results.remove(link.auditId());
    // Responses are anonymous, so not in the audit log: tell the workspace's pages (the plan) here.
    events.publishEvent(new WorkspaceChanged(view.audit().icbCode()));
  }

  /** Checks answers without storing them: the problems by question, for the form. */
  public AnswerCheck.Outcome check(String token, Map<String, Object> answers) {
    LinkView view = open(token);
    return AnswerCheck.check(view.questions(), answers, true);
  }

  private StoredLink link(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      throw unknownLink();
    }
    return store.link(hash(token)).orElseThrow(PartnerAudits::unknownLink);
  }

  private static NotFoundException unknownLink() {
    return new NotFoundException(
        "token",
        null,
        "This survey link is not recognised. Check that the whole link was copied, or ask the"
            + " person who sent it for a new one.");
  }

  private static ConflictException used() {
    return new ConflictException(
        "link-used",
        "Link already used",
        "token",
        null,
        "This survey link has already been used to respond. Each link takes one response.");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private RelationshipAudit find(String icbCode, long id) {
    return store
        .audit(icbCode, id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "auditId", String.valueOf(id), "No relationship audit " + id + " here"));
  }

  private RelationshipAudit editableDraft(String icbCode, long id) {
    access.requireEdit(icbCode);
    RelationshipAudit audit = find(icbCode, id);
    if (!audit.editable()) {
      throw new ConflictException(
          "audit-not-draft",
          "Questions fixed",
          "auditId",
          String.valueOf(id),
          "Questions can only be changed before any links are made: people may already be"
              + " answering these");
    }
    return audit;
  }

  private AuditQuestion question(RelationshipAudit audit, long questionId) {
    return store.questions(audit.id()).stream()
        .filter(q -> q.id() == questionId)
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "questionId", String.valueOf(questionId), "No such question in this audit"));
  }

  /** Empties the kept results of every audit, e.g. after a restore. */
  void forgetResults() {
    results.clear();
  }

  private static String subject(long id, String title) {
    return "relationship audit " + id + " (" + title + ")";
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
