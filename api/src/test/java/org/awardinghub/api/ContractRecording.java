package org.awardinghub.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes what the {@link ContractCheck} saw when a test run ends (registered with the JUnit Platform through
 * {@code META-INF/services}, so every run of the tests has it):
 *
 * <ul>
 *   <li>the report, {@code target/contract-report.md} or {@code -Dcontract.report=}: the document's operations, those
 *       exercised with the statuses they answered, and the violations, operation by operation;
 *   <li>in the surefire run only ({@code -Dcontract.record=}, set in the pom): the record {@link ContractCoverageIT}
 *       reads, the operations documented and exercised and the test classes the run planned, so that it can tell a
 *       whole run from one of a few classes.
 * </ul>
 */
public final class ContractRecording implements TestExecutionListener {

    static final String RECORD_PROPERTY = "contract.record";
    static final String CLASS = "class ";
    static final String DOCUMENTED = "documented ";
    static final String EXERCISED = "exercised ";

    private static final Set<String> PLANNED_CLASSES = new ConcurrentSkipListSet<>();
    private static final int EXAMPLES_PER_OPERATION = 10;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots()
                .forEach(root -> plan.getDescendants(root)
                        .forEach(test -> test.getSource()
                                .filter(ClassSource.class::isInstance)
                                .map(source -> ((ClassSource) source).getClassName())
                                .ifPresent(PLANNED_CLASSES::add)));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        write(Path.of(System.getProperty("contract.report", "target/contract-report.md")), report());
        String record = System.getProperty(RECORD_PROPERTY);
        if (record != null) {
            write(Path.of(record), record());
        }
    }

    private static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String record() {
        StringBuilder text = new StringBuilder(
                "# What the contract check saw in one surefire run (ContractRecording); ContractCoverageIT reads it\n");
        PLANNED_CLASSES.forEach(name -> text.append(CLASS).append(name).append('\n'));
        ContractCheck.documented()
                .forEach(op -> text.append(DOCUMENTED).append(op).append('\n'));
        ContractCheck.exercised()
                .forEach((op, statuses) -> text.append(EXERCISED)
                        .append(op)
                        .append(' ')
                        .append(statuses.stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .append('\n'));
        return text.toString();
    }

    static String report() {
        SortedSet<String> documented = ContractCheck.documented();
        Map<String, SortedSet<Integer>> exercised = ContractCheck.exercised();
        List<ContractCheck.Violation> violations = ContractCheck.violations();
        StringBuilder text = new StringBuilder("# Contract check\n\n");
        text.append("Every exchange of the HTTP tests checked against the served OpenAPI document (ADR 0151); mode `")
                .append(ContractCheck.MODE.name().toLowerCase(java.util.Locale.ROOT))
                .append("`.\n\n");
        long succeeded = exercised.values().stream()
                .filter(statuses -> statuses.stream().anyMatch(s -> s >= 200 && s < 300))
                .count();
        text.append("- operations in the document: ")
                .append(documented.size())
                .append("\n- operations exercised: ")
                .append(exercised.size())
                .append(" (with a 2xx answer: ")
                .append(succeeded)
                .append(")\n- violations: ")
                .append(violations.size())
                .append("\n- exchanges not checked (the application did not serve its document yet): ")
                .append(ContractCheck.unchecked())
                .append("\n\n");

        Map<String, Long> byKind = violations.stream()
                .collect(Collectors.groupingBy(ContractCheck.Violation::key, TreeMap::new, Collectors.counting()));
        if (!byKind.isEmpty()) {
            text.append("## Violations by kind\n\n| kind | count |\n|---|---|\n");
            byKind.forEach((kind, count) ->
                    text.append("| `").append(kind).append("` | ").append(count).append(" |\n"));
            text.append('\n');
        }
        Map<String, Integer> tolerated = ContractCheck.tolerated();
        if (!tolerated.isEmpty()) {
            text.append("## Tolerated\n\n| kind | count | why |\n|---|---|---|\n");
            tolerated.forEach((kind, count) -> text.append("| `")
                    .append(kind)
                    .append("` | ")
                    .append(count)
                    .append(" | ")
                    .append(ContractCheck.TOLERATED.get(kind))
                    .append(" |\n"));
            text.append('\n');
        }

        Map<String, List<ContractCheck.Violation>> byOperation = new TreeMap<>();
        violations.forEach(v -> byOperation
                .computeIfAbsent(v.operation(), o -> new ArrayList<>())
                .add(v));
        text.append("## Operations\n\n| operation | statuses answered | violations |\n|---|---|---|\n");
        SortedSet<String> all = new TreeSet<>(documented);
        all.addAll(exercised.keySet());
        all.addAll(byOperation.keySet());
        for (String operation : all) {
            SortedSet<Integer> statuses = exercised.get(operation);
            text.append("| `")
                    .append(operation)
                    .append("` | ")
                    .append(statuses == null ? "not exercised" : statuses.toString())
                    .append(" | ")
                    .append(byOperation.getOrDefault(operation, List.of()).size())
                    .append(" |\n");
        }
        if (!byOperation.isEmpty()) {
            text.append("\n## Violations per operation\n");
            byOperation.forEach((operation, found) -> {
                text.append("\n### `").append(operation).append("`\n\n");
                Map<String, List<ContractCheck.Violation>> distinct = new LinkedHashMap<>();
                found.forEach(v -> distinct.computeIfAbsent(v.key() + " " + v.message(), k -> new ArrayList<>())
                        .add(v));
                distinct.values().stream().limit(EXAMPLES_PER_OPERATION).forEach(same -> {
                    ContractCheck.Violation first = same.get(0);
                    text.append("- `")
                            .append(first.key())
                            .append("` ")
                            .append(first.message())
                            .append(" — `")
                            .append(first.request())
                            .append("` answered ")
                            .append(first.status())
                            .append(same.size() > 1 ? " (" + same.size() + " times)" : "")
                            .append('\n');
                });
                if (distinct.size() > EXAMPLES_PER_OPERATION) {
                    text.append("- and ")
                            .append(distinct.size() - EXAMPLES_PER_OPERATION)
                            .append(" more\n");
                }
            });
        }
        return text.toString();
    }
}
