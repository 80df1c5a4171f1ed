package org.fourthpurpose.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "About the data" page: every shipped source, its licence and attribution, and what is loaded
 * now.
 */
@Controller
class AboutDataController {

  private final ReferenceDataLoader loader;
  private final List<DataSource> sources;

  AboutDataController(ReferenceDataLoader loader) throws IOException {
    this.loader = loader;
    this.sources = readSources();
  }

  /**
   * Reads every {@code reference/*sources.json} registry, so each feature can list what it ships.
   */
  static List<DataSource> readSources() throws IOException {
    List<DataSource> all = new ArrayList<>();
    JsonMapper json = JsonMapper.builder().build();
    for (Resource resource :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:reference/*sources.json")) {
      try (InputStream in = resource.getInputStream()) {
        all.addAll(json.readValue(in, new TypeReference<List<DataSource>>() {}));
      }
    }
    return List.copyOf(all);
  }

  @GetMapping("/about/data")
  String about(Model model) {
    model.addAttribute("sources", sources);
    model.addAttribute("datasets", loader.storedDatasets().values());
    model.addAttribute("backgroundStatus", loader.backgroundStatus());
    return "about/data";
  }
}
