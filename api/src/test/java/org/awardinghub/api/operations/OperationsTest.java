package org.awardinghub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.awardinghub.api.ApplicationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** IMI_ADMIN sees where every processor stands and replays one projection while the application serves. */
class OperationsTest extends ApplicationTest {

    @Autowired
    MongoDatabase readStore;

    private static JsonNode processor(JsonNode all, String name) {
        for (JsonNode processor : all) {
            if (name.equals(processor.get("name").asText())) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + all);
    }

    @Test
    void givenProcessors_whenListedAndOneReplayed_thenItRebuildsAndTheOthersRefuse() {
        String admin = adminToken();
        JsonNode all = http.get("/api/admin/processors", admin).json();
        assertThat(processor(all, "portal").get("streaming").asBoolean()).isTrue();
        assertThat(processor(all, "portal").get("replayable").asBoolean()).isTrue();
        assertThat(processor(all, "command-lookups").get("streaming").asBoolean())
                .isFalse();
        assertThat(processor(all, "certification-policy").get("replayable").asBoolean())
                .isFalse();
        assertThat(processor(all, "audit").get("segments").asInt()).isEqualTo(1);

        readStore.getCollection("qualifications").deleteMany(new Document()); // a read model lost
        assertThat(http.get("/api/qualifications", admin).json().size()).isZero();
        var replay = http.post("/api/admin/processors/catalogue/replay", admin, Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        JsonNode[] last = new JsonNode[1];
        try {
            awaitJson("/api/admin/processors", admin, json -> {
                last[0] = processor(json, "catalogue");
                return !last[0].get("replaying").asBoolean();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("still replaying: " + last[0], e);
        }
        JsonNode done = http.get("/api/admin/processors", admin).json();
        assertThat(processor(done, "catalogue").get("error").asBoolean()).isFalse();
        JsonNode qualifications = awaitJson("/api/qualifications", admin, json -> json.size() >= 3);
        assertThat(qualifications.toString()).contains("LV2-MAINT");

        assertThat(http.post("/api/admin/processors/command-lookups/replay", admin, Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(http.post("/api/admin/processors/certification-policy/replay", admin, Map.of())
                        .status())
                .as("a policy that sends commands is never replayed")
                .isEqualTo(409);
        assertThat(http.post("/api/admin/processors/nothing/replay", admin, Map.of())
                        .status())
                .isEqualTo(404);
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        assertThat(http.get("/api/admin/processors", auditor).status()).isEqualTo(403);
    }
}
