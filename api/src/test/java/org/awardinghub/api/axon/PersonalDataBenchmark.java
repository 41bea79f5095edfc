package org.awardinghub.api.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awardinghub.api.Migrations;
import org.awardinghub.command.privacy.PersonalDataCipher;
import org.awardinghub.command.privacy.SubjectKeys;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What sealing personal data costs per event (issue 19, ADR 0163), beside Axon's Jackson serializer alone in the same
 * run: 2,000 candidates each registered and amended four times (10,000 events), serialized as the event store stores
 * them and read back as a processor reads them, with the key store in H2 (each new subject's key written, then read
 * from the database once and from the cache after). Run with
 * {@code mvn -B -pl api -am verify -Dbenchmark=true -Dtest=PersonalDataBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs};
 * the figures go to {@code api/target/personal-data-benchmark.md} and the output.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PersonalDataBenchmark {

    private static final int CANDIDATES = 2_000;
    private static final int AMENDMENTS = 4;
    private static final int ROUNDS = 5;

    @Test
    void sealingAgainstJacksonAlone() throws IOException {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", true);
        Migrations.apply(dataSource);
        JacksonSerializer jackson = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
                .build();
        Serializer sealing = new PersonalDataSerializer(
                jackson, new PersonalDataCipher(new SubjectKeys(new JdbcTemplate(dataSource), Clock.systemUTC())));

        StringBuilder report = new StringBuilder("| round | Jackson write µs/event | sealed write µs/event | ratio |"
                + " Jackson read µs/event | sealed read µs/event | ratio |\n|---|---|---|---|---|---|---|\n");
        for (int round = 1; round <= ROUNDS; round++) {
            List<Object> events = events();
            long start = System.nanoTime();
            List<SerializedObject<byte[]>> plain = write(jackson, events);
            double plainWrite = perEvent(start, events.size());
            start = System.nanoTime();
            List<SerializedObject<byte[]>> sealed = write(sealing, events);
            double sealedWrite = perEvent(start, events.size());
            start = System.nanoTime();
            read(jackson, plain);
            double plainRead = perEvent(start, events.size());
            start = System.nanoTime();
            List<Object> opened = read(sealing, sealed);
            double sealedRead = perEvent(start, events.size());
            assertThat(opened).isEqualTo(events);
            report.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %.1f | %.1f× | %.1f | %.1f | %.1f× |%n",
                    round,
                    plainWrite,
                    sealedWrite,
                    sealedWrite / plainWrite,
                    plainRead,
                    sealedRead,
                    sealedRead / plainRead));
        }
        dataSource.destroy();
        System.out.println(report);
        Files.writeString(Path.of("target", "personal-data-benchmark.md"), report);
    }

    /** Each candidate registered, then amended: new subjects, each with a key written once and read back. */
    private static List<Object> events() {
        List<Object> events = new ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            String id = UUID.randomUUID().toString();
            events.add(new CandidateRegistered(
                    id,
                    "centre-1",
                    "7KQ3MZ9B",
                    "Robin",
                    "Candidate" + c,
                    LocalDate.of(2005, 4, 3),
                    "1234567899",
                    "LV2-MAINT",
                    LocalDate.of(2026, 9, 1),
                    LocalDate.of(2026, 9, 8),
                    false,
                    false));
            for (int a = 0; a < AMENDMENTS; a++) {
                events.add(new CandidateNameAmended(
                        id, "centre-1", "Robin", "Candidate" + c, "Robin", "Candidate" + c + a, "As on the passport"));
            }
        }
        return events;
    }

    private static List<SerializedObject<byte[]>> write(Serializer serializer, List<Object> events) {
        List<SerializedObject<byte[]>> written = new ArrayList<>(events.size());
        for (Object event : events) {
            written.add(serializer.serialize(event, byte[].class));
        }
        return written;
    }

    private static List<Object> read(Serializer serializer, List<SerializedObject<byte[]>> written) {
        List<Object> read = new ArrayList<>(written.size());
        for (SerializedObject<byte[]> event : written) {
            read.add(serializer.deserialize(event));
        }
        return read;
    }

    private static double perEvent(long start, int events) {
        return (System.nanoTime() - start) / 1e3 / events;
    }
}
