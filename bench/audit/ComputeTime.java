import java.util.*;
import java.util.function.UnaryOperator;
import org.fourthpurpose.question.audit.*;

/** CPU time of working out the disclosure-controlled results of 2,000 responses (see README.md). */
public class ComputeTime {
  public static void main(String[] a) {
    Random r = new Random(2026);
    List<AuditQuestion> qs = new ArrayList<>();
    int id = 1;
    for (AuditTemplate.TemplateQuestion t : AuditTemplate.QUESTIONS) {
      qs.add(new AuditQuestion(id, id, t.kind(), t.text(), t.hint(), t.options(), t.lowLabel(), t.highLabel(), t.appetite(), t.code()));
      id++;
    }
    String[] sectors = {"local-authority","nhs-trust","vcse","university","employer","police-fire"};
    double[] share = {0.35,0.25,0.2,0.195,0.0035,0.0015};
    List<AuditResponse> rs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double x = r.nextDouble(), c = 0; String s = sectors[5];
      for (int k = 0; k < 6; k++) { c += share[k]; if (x < c) { s = sectors[k]; break; } }
      Map<Long,Object> ans = new HashMap<>();
      for (AuditQuestion q : qs) {
        if (r.nextInt(6) == 0) continue;
        ans.put(q.id(), switch (q.kind()) { case SCALE -> 1 + r.nextInt(5); case CHOICE -> q.options().get(r.nextInt(q.options().size())); case TEXT -> "partnership estates jobs housing data training procurement net zero " + i; });
      }
      rs.add(new AuditResponse(s, ans));
    }
    TextRedaction red = TextRedaction.removingNamesOf(List.of("Ana Anchor", "Priya Shah", "Tom O'Neill", "Sam Lee"));
    long[] t = new long[30];
    for (int k = 0; k < 30; k++) {
      long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      AuditDisclosure.results(qs, List.of(sectors), UnaryOperator.identity(), rs, red);
      t[k] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0;
    }
    Arrays.sort(t);
    System.out.printf("2000 responses x %d questions: median %.1f ms, p95 %.1f ms, max %.1f ms CPU time over 30 runs (first runs include JIT warm-up)%n", qs.size(), t[15]/1e6, t[28]/1e6, t[29]/1e6);
  }
}
