package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Null checking at build time (decision 0024) cannot be switched off quietly: the main compilation runs Error Prone
 * with NullAway as an error over all of {@code org.marugoto}. A change that drops or weakens it fails here.
 */
class NullCheckingTests {

    private final String pom = read();

    private static String read() {
        try {
            return Files.readString(Path.of("pom.xml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String errorProneArguments() {
        Matcher m = Pattern.compile("<arg>(-Xplugin:ErrorProne[^<]*)</arg>").matcher(pom);
        assertThat(m.find())
                .as("-Xplugin:ErrorProne among the compiler arguments")
                .isTrue();
        return m.group(1);
    }

    @Test
    void theMainCompilationRunsNullAwayAsAnError() {
        String args = errorProneArguments();
        assertThat(args).contains("-Xep:NullAway:${nullaway.level}");
        assertThat(pom).contains("<nullaway.level>ERROR</nullaway.level>");
        assertThat(pom).contains("<artifactId>nullaway</artifactId>");
        assertThat(pom).contains("<artifactId>error_prone_core</artifactId>");
        // inside <execution><id>default-compile</id>: the compilation of src/main/java
        int execution = pom.indexOf("<id>default-compile</id>");
        assertThat(execution).isPositive();
        assertThat(pom.indexOf("-Xplugin:ErrorProne")).isGreaterThan(execution);
    }

    @Test
    void allOfTheApplicationIsChecked() {
        String args = errorProneArguments();
        assertThat(args).contains("-XepOpt:NullAway:AnnotatedPackages=org.marugoto");
        assertThat(args).doesNotContain("-XepDisableWarningsInGeneratedCode:org.marugoto");
        assertThat(args).doesNotContain("UnannotatedSubPackages");
        assertThat(args).doesNotContain("ExcludedClasses");
    }

    @Test
    void everySuppressedNullWarningSaysWhyTheValueCannotBeNull() throws java.io.IOException {
        java.util.List<String> unexplained = new java.util.ArrayList<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("\"NullAway")) {
                        boolean explained = lines.get(i).contains("//")
                                || (i > 0 && lines.get(i - 1).strip().startsWith("//"));
                        if (!explained) {
                            unexplained.add(file + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(unexplained)
                .as("@SuppressWarnings(\"NullAway\") without a comment saying why")
                .isEmpty();
    }
}
