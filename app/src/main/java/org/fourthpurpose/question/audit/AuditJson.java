package org.fourthpurpose.question.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.web.InvalidInputException;
import tools.jackson.databind.JsonNode;

/** The relationship audit's API shapes, and strict reading of request bodies. */
final class AuditJson {

  private AuditJson() {}

  /** An audit with its questions, links per sector and respondents (null below 5). */
  @Schema(name = "RelationshipAudit")
  record Audit(
      long id,
      String icbCode,
      String title,
      String status,
      Instant createdAt,
      Instant openedAt,
      Instant closedAt,
      Integer respondents,
      Map<String, Integer> linksBySector,
      List<Question> questions,
      String resultsLink) {}

  /** A question as respondents and editors see it. */
  @Schema(name = "RelationshipAuditQuestion")
  record Question(
      long id,
      int position,
      String type,
      String text,
      String hint,
      List<String> options,
      String lowLabel,
      String highLabel,
      boolean appetite) {

    static Question of(AuditQuestion q) {
      return new Question(
          q.id(),
          q.position(),
          q.type(),
          q.text(),
          q.hint(),
          q.options(),
          q.lowLabel(),
          q.highLabel(),
          q.appetite());
    }
  }

  /** What a personal link opens. */
  @Schema(name = "RelationshipAuditSurvey")
  record Survey(String title, String sector, String sectorLabel, List<Question> questions) {}

  /** A personal link, returned once. */
  @Schema(name = "RelationshipAuditLink")
  record Link(String token, String sector, String url) {}

  /** The results with the audit they belong to. */
  @Schema(name = "RelationshipAuditResults")
  record Results(
      long auditId,
      String title,
      String status,
      Integer respondents,
      int minimumGroup,
      AuditResults.Group overall,
      List<AuditResults.SectorGroup> bySector,
      List<String> notes) {

    static Results of(RelationshipAudit audit, AuditResults r) {
      return new Results(
          audit.id(),
          audit.title(),
          audit.status().code(),
          r.respondents(),
          r.minimumGroup(),
          r.overall(),
          r.bySector(),
          r.notes());
    }
  }

  static Audit audit(RelationshipAudit a, PartnerAudits audits) {
    return new Audit(
        a.id(),
        a.icbCode(),
        a.title(),
        a.status().code(),
        a.createdAt(),
        a.openedAt(),
        a.closedAt(),
        audits.respondentsShown(a),
        audits.linksBySector(a),
        audits.questions(a).stream().map(Question::of).toList(),
        "/workspaces/" + a.icbCode() + "/audits/" + a.id() + "/results");
  }

  static JsonNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", "Send a JSON object");
    }
    return body;
  }

  /** A string property, or null when missing or null; refused when of another type. */
  static String string(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new InvalidInputException(name, "'" + name + "' must be a string");
    }
    return v.stringValue();
  }

  /** A whole-number property, or null when missing; refused when of another type or too big. */
  static Integer integer(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidInputException(name, v.toString(), "'" + name + "' must be a whole number");
    }
    return v.intValue();
  }

  /** The {@code answers} object as plain Java values, keys in order. */
  static Map<String, Object> answers(JsonNode body) {
    JsonNode answers = object(body).get("answers");
    if (answers == null || !answers.isObject()) {
      throw new InvalidInputException(
          "answers", "Send 'answers' as an object of question id to answer");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : answers.properties()) {
      JsonNode v = e.getValue();
      Object value;
      if (v.isNull()) {
        value = null;
      } else if (v.isIntegralNumber()) {
        value =
            v.canConvertToInt()
                ? (Object) v.intValue()
                : (Object) BigInteger.ZERO.add(v.bigIntegerValue());
      } else if (v.isString()) {
        value = v.stringValue();
      } else if (v.isNumber()) {
        value = v.doubleValue();
      } else if (v.isBoolean()) {
        value = v.booleanValue();
      } else {
        value = v; // an object or array: the wrong type for every question
      }
      out.put(e.getKey(), value);
    }
    return out;
  }
}
