package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.awardinghub.api.HttpClientForTests;

/** The audit chain after a restore or an upgrade: intact, as long as it was, and matching the seal taken before. */
public final class SealedChain {

    private SealedChain() {}

    /** Answers what {@code /api/audit/verify} said, for what a test checks besides. */
    static JsonNode assertIntactAsSealed(HttpClientForTests http, String admin, JsonNode seal, String sealedWhen) {
        JsonNode verified = http.get("/api/audit/verify", admin).json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("verified").asLong())
                .isGreaterThanOrEqualTo(seal.get("eventCount").asLong());
        JsonNode sealed = check(http, admin, seal, seal.get("hash").asText()).json();
        assertThat(sealed.get("matches").asBoolean())
                .as("the chain as sealed " + sealedWhen)
                .isTrue();
        return verified;
    }

    /** Asks {@code /api/audit/seal/check} whether the chain up to the seal's position hashes to {@code hash}. */
    public static HttpClientForTests.Response check(HttpClientForTests http, String token, JsonNode seal, String hash) {
        return http.post(
                "/api/audit/seal/check",
                token,
                Map.of("position", seal.get("position").asLong(), "hash", hash));
    }
}
