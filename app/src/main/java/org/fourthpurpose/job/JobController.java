package org.fourthpurpose.job;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Follows a job run: a page that refreshes itself until the run ends, and the same as JSON for
 * scripts. Only people who may see the run's workspace see it.
 */
@Controller
class JobController {

  static final String VIEW = "job/job";

  private final Jobs jobs;
  private final JobVisibility visibility;

  JobController(Jobs jobs, JobVisibility visibility) {
    this.jobs = jobs;
    this.visibility = visibility;
  }

  /** A run as the API shows it. */
  record JobJson(
      long id,
      String kind,
      String state,
      long done,
      Long total,
      String message,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {

    static JobJson of(JobRun run) {
      return new JobJson(
          run.id(),
          run.kind(),
          run.state().name(),
          run.done(),
          run.total(),
          run.message(),
          run.createdAt(),
          run.startedAt(),
          run.finishedAt());
    }
  }

  @GetMapping("/api/v1/jobs/{id}")
  @ResponseBody
  JobJson json(@PathVariable long id) {
    return JobJson.of(visible(id));
  }

  @PostMapping("/api/v1/jobs/{id}/cancel")
  @ResponseBody
  JobJson cancel(@PathVariable long id) {
    JobRun run = visible(id);
    visibility.requireCancel(run.owner());
    return JobJson.of(jobs.cancel(id).orElseThrow(() -> notFound(id)));
  }

  @GetMapping("/jobs/{id}")
  String page(@PathVariable long id, Model model, HttpServletResponse response) {
    JobRun run = visible(id);
    if (!run.finished()) {
      // Refreshes without JavaScript, which the content security policy does not allow inline.
      response.setHeader("Refresh", "2");
    }
    model.addAttribute("job", run);
    return VIEW;
  }

  private JobRun visible(long id) {
    JobRun run = jobs.find(id).orElseThrow(() -> notFound(id));
    visibility.requireView(run.owner());
    return run;
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no job " + id);
  }
}
