package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.awardinghub.query.audit.rules.Rule;
import org.awardinghub.query.audit.rules.RuleEngine;
import org.awardinghub.query.audit.rules.RuleLibrary;
import org.awardinghub.query.audit.rules.RuleOutcome;
import org.awardinghub.query.audit.rules.RuleParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long each ready-made rule takes over a generated audit log of about {@code rules.benchmark.events} rows
 * (default 100,000) on H2 in memory, in microseconds per row of the log. Run with {@code -Dbenchmark=true}; the
 * figures are printed, and the only check is that every rule found its planted breaches.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RuleEngineBenchmarkTest {

    private static final int EVENTS = Integer.getInteger("rules.benchmark.events", 100_000);

    @Test
    void everyRuleOverTheGeneratedLog() {
        RuleHistory generated = new RuleHistory(EVENTS / 12, 7);
        try (AuditStore store = new AuditStore()) {
            store.deliverInBatches(
                    generated.history.events().stream()
                            .map(AuditHistory.Stored::tracked)
                            .toList(),
                    1000);
            long head = store.log.head().orElseThrow().position();
            RuleEngine engine = new RuleEngine(store.jdbc);
            for (int round = 0; round < 2; round++) {
                for (Rule rule : RuleLibrary.RULES) {
                    long started = System.nanoTime();
                    RuleOutcome outcome = engine.run(rule, RuleParameters.of(rule, Map.of()), null, null, head);
                    long micros = (System.nanoTime() - started) / 1000;
                    System.out.printf(
                            "round %d %-24s %,d rows, %,d read, %,d breaches: %,d ms, %.2f µs per row%n",
                            round,
                            rule.id(),
                            head,
                            outcome.eventsScanned(),
                            outcome.totals().breaches(),
                            micros / 1000,
                            micros / (double) head);
                    assertThat(outcome.totals().breaches()).isPositive();
                }
            }
        }
    }
}
