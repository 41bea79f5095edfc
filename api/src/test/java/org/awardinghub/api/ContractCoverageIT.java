package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The contract test has exercised every operation of the OpenAPI document at least once (issue 17, ADR 0151). Runs
 * after surefire ({@code mvn verify}) and reads what {@link ContractRecording} wrote at the end of the surefire run:
 * the operations of the served document under {@code /api/} and those the HTTP tests exercised.
 *
 * <p>Only a whole surefire run can say so: when the recorded run planned fewer test classes than surefire finds
 * ({@code -Dtest=...}, say), the test is skipped, saying why.
 */
class ContractCoverageIT {

    /** Surefire's own default includes: what a whole run of the module's tests runs. */
    private static final Pattern SUREFIRE_INCLUDES = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

    @Test
    void givenWholeSurefireRun_whenItsRecordIsRead_thenEveryOperationOfTheDocumentWasExercised()
            throws IOException, URISyntaxException {
        Path record = Path.of(System.getProperty("contract.recorded", "target/contract-coverage.txt"));
        assumeTrue(
                Files.isRegularFile(record),
                "No record of a surefire run at " + record
                        + ": coverage is judged after the surefire run of mvn verify");
        List<String> lines = Files.readAllLines(record);
        SortedSet<String> planned = entries(lines, ContractRecording.CLASS);
        SortedSet<String> documented = entries(lines, ContractRecording.DOCUMENTED);
        SortedSet<String> exercised = entries(lines, ContractRecording.EXERCISED).stream()
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .collect(Collectors.toCollection(TreeSet::new));

        SortedSet<String> left = surefireTestClasses();
        left.removeAll(planned);
        assumeTrue(
                left.isEmpty(),
                () -> "The record comes from a run of " + planned.size() + " test classes, not the whole suite ("
                        + left.size() + " left out, such as "
                        + left.stream().limit(3).toList()
                        + "): every operation is asked for only after a whole surefire run");

        SortedSet<String> notExercised = documented.stream()
                .filter(operation -> operation.contains(" /api/"))
                .filter(operation -> !exercised.contains(operation))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("operations of the served document").isNotEmpty();
        assertThat(notExercised)
                .as("operations of the document that no HTTP test exercised (see target/contract-report.md)")
                .isEmpty();
    }

    private static SortedSet<String> entries(List<String> lines, String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The classes a whole surefire run plans: those of the test classes' directory whose names surefire includes, as
     * the JUnit Platform discovers them (abstract classes and classes without tests are not planned).
     */
    private static SortedSet<String> surefireTestClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(ContractCoverageIT.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<ClassSelector> selectors;
        try (Stream<Path> files = Files.walk(classes)) {
            selectors = files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .filter(name -> SUREFIRE_INCLUDES
                            .matcher(name.substring(name.lastIndexOf('.') + 1))
                            .matches())
                    .map(name -> selectClass(name))
                    .toList();
        }
        TestPlan plan =
                LauncherFactory.create().discover(request().selectors(selectors).build());
        SortedSet<String> found = new TreeSet<>();
        plan.getRoots()
                .forEach(root -> plan.getDescendants(root)
                        .forEach(test -> test.getSource()
                                .filter(ClassSource.class::isInstance)
                                .map(source -> ((ClassSource) source).getClassName())
                                .ifPresent(found::add)));
        return found;
    }
}
