package org.fourthpurpose.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.job.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads every {@link ReferenceDataset} whose checksum has changed, all in one transaction, before
 * the web server starts. A failure stops start-up and rolls everything back. Datasets that load in
 * the background load once the application is ready, as a job ({@link Jobs}, kind {@value
 * #JOB_KIND}).
 */
@Component
public class ReferenceDataLoader implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

  /** The kind of the job that loads the background datasets. */
  static final String JOB_KIND = "reference-load";

  private final List<ReferenceDataset> datasets;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ReferenceFile.ResourceOpener opener;
  private final Jobs jobs;

  @org.springframework.beans.factory.annotation.Autowired
  ReferenceDataLoader(
      List<ReferenceDataset> datasets,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock,
      Jobs jobs) {
    this(datasets, jdbc, transaction, events, clock, ReferenceDataLoader::openFromClassPath, jobs);
  }

  /** A loader of the given files that loads every dataset in the foreground (for tests). */
  ReferenceDataLoader(
      List<ReferenceDataset> datasets,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock,
      ReferenceFile.ResourceOpener opener) {
    this(datasets, jdbc, transaction, events, clock, opener, null);
    this.backgroundLoading = false;
  }

  private ReferenceDataLoader(
      List<ReferenceDataset> datasets,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock,
      ReferenceFile.ResourceOpener opener,
      Jobs jobs) {
    this.datasets = inDependencyOrder(datasets);
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
    this.opener = opener;
    this.jobs = jobs;
  }

  private static java.io.InputStream openFromClassPath(String name) {
    return ReferenceDataLoader.class.getClassLoader().getResourceAsStream("reference/" + name);
  }

  private boolean backgroundLoading = true;
  private volatile String backgroundStatus = "not started";
  private final java.util.Set<String> available =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @org.springframework.beans.factory.annotation.Value("${fp.reference.background-loading:true}")
  void setBackgroundLoading(boolean backgroundLoading) {
    this.backgroundLoading = backgroundLoading;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> reloaded = backgroundLoading ? loadChanged(false) : loadChanged();
    available.addAll(storedDatasets().keySet());
    events.publishEvent(new ReferenceDataLoaded(reloaded));
  }

  /** Starts loading the background datasets once the application is ready to serve. */
  @org.springframework.context.event.EventListener(
      org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void loadInBackground() {
    if (!backgroundLoading || datasets.stream().noneMatch(ReferenceDataset::loadsInBackground)) {
      backgroundStatus = "complete";
      return;
    }
    backgroundStatus = "loading";
    jobs.submit(
        JOB_KIND,
        null,
        null,
        context -> {
          try {
            List<String> reloaded = loadChanged();
            backgroundStatus = "complete";
            context.message("Loaded " + (reloaded.isEmpty() ? "nothing new" : reloaded));
            events.publishEvent(new ReferenceDataLoaded(reloaded));
          } catch (RuntimeException | Error e) {
            // Errors too: the about page must not say "loading" for ever.
            backgroundStatus = "failed: " + e.getMessage();
            log.error("Background reference data could not be loaded; nothing was changed", e);
            throw e;
          }
        });
  }

  /**
   * Whether {@code dataset} has values to serve: loaded by this start or an earlier one. A dataset
   * loading in the background for the first time has none yet; one being replaced by a new version
   * keeps serving the old values until the new ones commit.
   */
  public boolean isAvailable(String dataset) {
    return available.contains(dataset);
  }

  /** Treats {@code dataset} as never loaded: for tests of what pages say while it loads. */
  void forget(String dataset) {
    available.remove(dataset);
  }

  /** Undoes {@link #forget} once the dataset is stored. */
  void recall() {
    available.addAll(storedDatasets().keySet());
  }

  /** "loading", "complete" or "failed: …" for the datasets that load in the background. */
  public String backgroundStatus() {
    return backgroundStatus;
  }

  /**
   * Loads every dataset that changed and returns the names of the datasets that were (re)loaded.
   */
  public List<String> loadChanged() {
    return loadChanged(true);
  }

  /** Loads what changed, leaving out background datasets unless {@code includeBackground}. */
  List<String> loadChanged(boolean includeBackground) {
    Map<String, String> checksums = new HashMap<>();
    Map<String, LoadedDataset> stored = storedDatasets();
    // Every shipped file is read whole at each start to see whether it changed: tens of megabytes,
    // so the files are hashed on every core at once.
    Map<String, String> fileChecksums =
        datasets.stream().flatMap(d -> d.files().stream()).distinct().toList().parallelStream()
            .collect(
                java.util.stream.Collectors.toConcurrentMap(
                    file -> file, file -> new ReferenceFile(file, opener).checksum()));
    List<ReferenceDataset> changed = new ArrayList<>();
    for (ReferenceDataset dataset : datasets) {
      String checksum = checksumOf(dataset, checksums, fileChecksums);
      checksums.put(dataset.name(), checksum);
      LoadedDataset current = stored.get(dataset.name());
      boolean wanted = includeBackground || !dataset.loadsInBackground();
      if (wanted && (current == null || !current.checksum().equals(checksum))) {
        changed.add(dataset);
      }
    }
    if (changed.isEmpty()) {
      log.info("Reference data is up to date ({} datasets checked)", datasets.size());
      return List.of();
    }
    transaction.executeWithoutResult(
        status -> {
          for (ReferenceDataset dataset : changed) {
            long started = System.nanoTime();
            long rows = dataset.replace(name -> fileOf(dataset, name));
            record(dataset, checksums.get(dataset.name()), rows);
            log.info(
                "Loaded reference dataset {} version {}: {} rows in {} ms",
                dataset.name(),
                dataset.version(),
                rows,
                (System.nanoTime() - started) / 1_000_000);
          }
        });
    List<String> names = changed.stream().map(ReferenceDataset::name).toList();
    available.addAll(names);
    return names;
  }

  /** What is loaded now, by dataset name. */
  public Map<String, LoadedDataset> storedDatasets() {
    Map<String, LoadedDataset> stored = new LinkedHashMap<>();
    jdbc.sql(
            "select name, version, checksum, row_count, loaded_at from reference_dataset order by name")
        .query(
            rs -> {
              stored.put(
                  rs.getString("name"),
                  new LoadedDataset(
                      rs.getString("name"),
                      rs.getString("version"),
                      rs.getString("checksum"),
                      rs.getLong("row_count"),
                      rs.getTimestamp("loaded_at").toInstant()));
            });
    return stored;
  }

  private ReferenceFile fileOf(ReferenceDataset dataset, String name) {
    if (!dataset.files().contains(name)) {
      throw new IllegalArgumentException(dataset.name() + " does not declare the file " + name);
    }
    return new ReferenceFile(name, opener);
  }

  private String checksumOf(
      ReferenceDataset dataset, Map<String, String> known, Map<String, String> fileChecksums) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((dataset.name() + "@" + dataset.version()).getBytes(StandardCharsets.UTF_8));
      for (String file : dataset.files()) {
        digest.update(fileChecksums.get(file).getBytes(StandardCharsets.UTF_8));
      }
      for (String dependency : dataset.dependsOn()) {
        String upstream = known.get(dependency);
        if (upstream == null) {
          throw new IllegalStateException(
              dataset.name() + " depends on " + dependency + ", which is not a known dataset");
        }
        digest.update(upstream.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(ReferenceDataset dataset, String checksum, long rows) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    int updated =
        jdbc.sql(
                "update reference_dataset set version = ?, checksum = ?, row_count = ?, loaded_at = ?"
                    + " where name = ?")
            .params(dataset.version(), checksum, rows, now, dataset.name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into reference_dataset (name, version, checksum, row_count, loaded_at)"
                  + " values (?, ?, ?, ?, ?)")
          .params(dataset.name(), dataset.version(), checksum, rows, now)
          .update();
    }
  }

  static List<ReferenceDataset> inDependencyOrder(List<ReferenceDataset> datasets) {
    Map<String, ReferenceDataset> byName = new LinkedHashMap<>();
    datasets.stream()
        .sorted(java.util.Comparator.comparing(ReferenceDataset::name))
        .forEach(d -> byName.put(d.name(), d));
    List<ReferenceDataset> ordered = new ArrayList<>();
    java.util.Set<String> visiting = new java.util.HashSet<>();
    for (ReferenceDataset dataset : byName.values()) {
      visit(dataset, byName, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(
      ReferenceDataset dataset,
      Map<String, ReferenceDataset> byName,
      java.util.Set<String> visiting,
      List<ReferenceDataset> ordered) {
    if (ordered.contains(dataset)) {
      return;
    }
    if (!visiting.add(dataset.name())) {
      throw new IllegalStateException(
          "Reference datasets depend on each other in a cycle at " + dataset.name());
    }
    for (String dependency : dataset.dependsOn()) {
      ReferenceDataset upstream = byName.get(dependency);
      if (upstream == null) {
        throw new IllegalStateException(
            dataset.name() + " depends on unknown dataset " + dependency);
      }
      visit(upstream, byName, visiting, ordered);
    }
    ordered.add(dataset);
  }
}
