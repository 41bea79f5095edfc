package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.awardinghub.api.HttpClientForTests;

/** The audit chain after a restore or an upgrade: intact, as long as it was, and matching the seal taken before. */
final class SealedChain {

    private SealedChain() {}

    /** Answers what {@code /api/audit/verify} said, for what a test checks besides. */
    static JsonNode assertIntactAsSealed(HttpClientForTests http, String admin, JsonNode seal, String sealedWhen) {
        JsonNode verified = http.get("/api/audit/verify", admin).json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("verified").asLong())
                .isGreaterThanOrEqualTo(seal.get("eventCount").asLong());
        JsonNode sealed = http.post(
                        "/api/audit/seal/check",
                        admin,
                        Map.of(
                                "position",
                                seal.get("position").asLong(),
                                "hash",
                                seal.get("hash").asText()))
                .json();
        assertThat(sealed.get("matches").asBoolean())
                .as("the chain as sealed " + sealedWhen)
                .isTrue();
        return verified;
    }
}
