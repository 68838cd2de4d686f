package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries, and docs/modules describes them. The documenter writes its diagrams in an order
 * that varies from run to run, so the docs are generated into target/ and the committed copy is replaced only when
 * its content (its lines, in any order) changed; the test then fails once, naming the files to commit.
 */
class ModularityTests {

    private static final Path COMMITTED = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modules-docs");

    private final ApplicationModules modules = ApplicationModules.of(MarugotoApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsCurrent() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(COMMITTED);
        List<String> changed = new ArrayList<>();
        Set<String> generated;
        try (Stream<Path> files = Files.list(GENERATED)) {
            generated = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        for (String name : generated) {
            Path committed = COMMITTED.resolve(name);
            if (!Files.exists(committed) || !sameLines(GENERATED.resolve(name), committed)) {
                Files.copy(GENERATED.resolve(name), committed, StandardCopyOption.REPLACE_EXISTING);
                changed.add(name);
            }
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            for (Path stale : files.filter(
                            p -> !generated.contains(p.getFileName().toString()))
                    .toList()) {
                Files.delete(stale);
                changed.add(stale.getFileName() + " (removed)");
            }
        }
        assertThat(changed)
                .as("docs/modules was out of date and has been regenerated: commit these files")
                .isEmpty();
    }

    private static boolean sameLines(Path a, Path b) throws IOException {
        return Files.readAllLines(a).stream()
                .sorted()
                .toList()
                .equals(Files.readAllLines(b).stream().sorted().toList());
    }
}
