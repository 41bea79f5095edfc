package org.awardinghub.command.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published assessments' rules and item banks, with the answer key, kept in the transaction of the
 * qualification's events (tables {@code assessment_rules}, {@code bank_items}, {@code bank_item_options}). Attempts
 * draw their forms from here and are marked against it; nothing here is ever answered to a client. Banks do not
 * change once published; the pass mark does, and an attempt keeps the one it was opened with.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class ItemDirectoryTable implements ItemDirectory {

    private final JdbcTemplate jdbc;

    ItemDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QualificationPublished event) {
        for (QualificationPublished.Assessment assessment : event.assessments()) {
            jdbc.update(
                    "INSERT INTO assessment_rules (assessment_code, qualification_code, question_count,"
                            + " duration_minutes, pass_percent) VALUES (?, ?, ?, ?, ?)",
                    assessment.code(),
                    event.code(),
                    assessment.questionCount(),
                    assessment.durationMinutes(),
                    assessment.passPercent());
            List<Object[]> items = new ArrayList<>();
            List<Object[]> options = new ArrayList<>();
            for (int position = 0; position < assessment.items().size(); position++) {
                QualificationPublished.Item item = assessment.items().get(position);
                items.add(
                        new Object[] {item.itemId(), assessment.code(), position + 1, item.stem(), item.correctOption()
                        });
                for (int index = 0; index < item.options().size(); index++) {
                    options.add(
                            new Object[] {item.itemId(), index, item.options().get(index)});
                }
            }
            jdbc.batchUpdate(
                    "INSERT INTO bank_items (item_id, assessment_code, item_position, stem, correct_option)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    items);
            jdbc.batchUpdate(
                    "INSERT INTO bank_item_options (item_id, option_index, option_text) VALUES (?, ?, ?)", options);
        }
    }

    @EventHandler
    void on(PassMarkChanged event) {
        jdbc.update(
                "UPDATE assessment_rules SET pass_percent = ? WHERE assessment_code = ?",
                event.passPercent(),
                event.assessmentCode());
    }

    @Override
    public Optional<AssessmentRules> rules(String assessmentCode) {
        return jdbc
                .query(
                        "SELECT assessment_code, qualification_code, question_count, duration_minutes,"
                                + " pass_percent FROM assessment_rules WHERE assessment_code = ?",
                        (row, n) -> new AssessmentRules(
                                row.getString(1), row.getString(2), row.getInt(3), row.getInt(4), row.getInt(5)),
                        assessmentCode)
                .stream()
                .findFirst();
    }

    @Override
    public List<BankItem> items(String assessmentCode) {
        Map<String, String> stems = new LinkedHashMap<>();
        Map<String, List<String>> options = new HashMap<>();
        jdbc.query(
                "SELECT i.item_id, i.stem, o.option_text FROM bank_items i"
                        + " JOIN bank_item_options o ON o.item_id = i.item_id"
                        + " WHERE i.assessment_code = ? ORDER BY i.item_position, o.option_index",
                row -> {
                    String itemId = row.getString(1);
                    stems.putIfAbsent(itemId, row.getString(2));
                    options.computeIfAbsent(itemId, id -> new ArrayList<>()).add(row.getString(3));
                },
                assessmentCode);
        List<BankItem> items = new ArrayList<>(stems.size());
        stems.forEach((itemId, stem) -> items.add(new BankItem(itemId, stem, options.get(itemId))));
        return List.copyOf(items);
    }

    @Override
    public Map<String, Integer> answerKey(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> key = new HashMap<>();
        jdbc.query(
                "SELECT item_id, correct_option FROM bank_items WHERE item_id IN ("
                        + String.join(", ", Collections.nCopies(itemIds.size(), "?")) + ")",
                row -> {
                    key.put(row.getString(1), row.getInt(2));
                },
                itemIds.toArray());
        return Map.copyOf(key);
    }
}
