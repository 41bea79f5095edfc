package org.awardinghub.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.awardinghub.events.AuditMetadata;

/**
 * What an export leaves out of the fields it copies, so that it holds nothing about anyone but its subject:
 * <ul>
 *   <li>another user's id ({@code ...UserId} fields): staff appear by PIN only, and their user ids, names and email
 *       addresses are theirs, not the subject's; the subject's own ids and "system" stay;</li>
 *   <li>in a record of several candidates (an incident: {@code candidateIds} with {@code attemptIds} in the same
 *       order), the other candidates and their attempts, and the free-text description, which may name them;</li>
 *   <li>the text of the questions and options of an assessment form ({@code questions[].stem}, {@code options}):
 *       the awarding organisation's confidential item bank, not the subject's data; which questions were drawn and
 *       the options chosen stay.</li>
 * </ul>
 */
final class SubjectAccessRedaction {

    /** What an incident's description reads as in the export of one of several candidates it concerns. */
    static final String SHARED_TEXT_WITHHELD = "(withheld: it also concerns other candidates)";

    /** The subject's own identifiers: their candidate id (none for a user) and their user ids. */
    record Own(String candidateId, Set<String> userIds) {

        boolean user(String userId) {
            return userIds.contains(userId) || AuditMetadata.SYSTEM_ACTOR.equals(userId);
        }
    }

    private SubjectAccessRedaction() {}

    /** A redacted copy of the fields. */
    static JsonNode redacted(JsonNode fields, Own own) {
        JsonNode copy = fields.deepCopy();
        redact(copy, own);
        return copy;
    }

    /** Whether the fields name candidates besides the subject ({@code candidateIds}). */
    static boolean shared(JsonNode fields, Own own) {
        JsonNode candidates = fields.path("candidateIds");
        if (!candidates.isArray()) {
            return false;
        }
        for (JsonNode candidate : candidates) {
            if (!candidate.asText().equals(own.candidateId())) {
                return true;
            }
        }
        return false;
    }

    private static void redact(JsonNode node, Own own) {
        if (node instanceof ObjectNode object) {
            if (shared(object, own)) {
                keepOwnCandidate(object, own);
            }
            List<String> others = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).endsWith("userid")
                        && field.getValue().isTextual()
                        && !own.user(field.getValue().asText())) {
                    others.add(field.getKey());
                }
            }
            object.remove(others);
            JsonNode questions = object.get("questions");
            if (questions != null && questions.isArray()) {
                questions.forEach(question -> {
                    if (question instanceof ObjectNode form) {
                        form.remove(List.of("stem", "options"));
                    }
                });
            }
            object.elements().forEachRemaining(child -> redact(child, own));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> redact(child, own));
        }
    }

    /**
     * The subject's own entries of {@code candidateIds} and of {@code attemptIds} (the same order), and no
     * description: the record also concerns other candidates.
     */
    private static void keepOwnCandidate(ObjectNode object, Own own) {
        ArrayNode candidates = (ArrayNode) object.get("candidateIds");
        JsonNode attempts = object.path("attemptIds");
        ArrayNode ownCandidates = object.arrayNode();
        ArrayNode ownAttempts = object.arrayNode();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).asText().equals(own.candidateId())) {
                ownCandidates.add(candidates.get(i));
                if (attempts.isArray() && i < attempts.size()) {
                    ownAttempts.add(attempts.get(i));
                }
            }
        }
        object.set("candidateIds", ownCandidates);
        if (attempts.isArray()) {
            object.set("attemptIds", ownAttempts);
        }
        if (object.has("description")) {
            object.put("description", SHARED_TEXT_WITHHELD);
        }
    }
}
