package org.fourthpurpose.question.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.question.WorkspaceQuestion;

/** The prioritisation in words, the same on the page and in the API. */
public final class PriorityText {

  private PriorityText() {}

  /** How stable the top of the ranking is, a sentence per question in the top. */
  public static List<String> stability(PriorityView view) {
    PriorityModel.Stability s = view.stability();
    List<String> lines = new ArrayList<>();
    if (s.top().isEmpty()) {
      lines.add("No question has a score yet, so there is no ranking to test.");
      return lines;
    }
    if (s.trivial()) {
      lines.add(
          "Only "
              + s.top().size()
              + (s.top().size() == 1 ? " question has" : " questions have")
              + " a score, so "
              + (s.top().size() == 1 ? "it is" : "all are")
              + " in the top "
              + PriorityModel.TOP
              + " whatever the weights.");
      return lines;
    }
    Map<Long, WorkspaceQuestion> byId = new java.util.HashMap<>();
    view.rows().forEach(r -> byId.put(r.question().id(), r.question()));
    for (PriorityModel.Staying staying : s.top()) {
      WorkspaceQuestion q = byId.get(staying.id());
      String verdict =
          staying.stays() == staying.scenarios()
              ? "a robust place"
              : staying.stays() * 3 >= staying.scenarios() * 2
                  ? "a fairly stable place"
                  : "a fragile place";
      lines.add(
          "Number "
              + staying.rank()
              + ", \""
              + (q == null ? "question " + staying.id() : q.transformational())
              + "\", stays in the top "
              + PriorityModel.TOP
              + " in "
              + staying.stays()
              + " of "
              + staying.scenarios()
              + " changed weightings: "
              + verdict
              + ".");
    }
    return lines;
  }

  /** How the stability was tested, in a sentence. */
  public static String method() {
    return "Each criterion with a weight is in turn halved, increased by half and left out (weight"
        + " 0), the other weights unchanged, and the ranking worked out again; we count how often"
        + " each question now in the top "
        + PriorityModel.TOP
        + " stays there.";
  }
}
