package example.modularity;

import org.springframework.modulith.Modulithic;

/**
 * A two-module application that breaks the rules on purpose, so {@code ModularityTest} can show
 * that a reach into another module's internals fails the build.
 */
@Modulithic
public class ExampleApplication {}
