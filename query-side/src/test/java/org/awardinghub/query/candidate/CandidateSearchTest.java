package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.candidate.CandidateHistories.registered;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The search semantics, the same for both search indexes: every test runs against each. */
@SuppressWarnings("unchecked") // SearchCandidates is answered by a raw Page, see CandidateProjection
class CandidateSearchTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    enum Implementation {
        MEMORY {
            @Override
            CandidateSearchIndex create(MongoDatabase database) {
                return new MemoryCandidateSearchIndex();
            }
        },
        MONGO {
            @Override
            CandidateSearchIndex create(MongoDatabase database) {
                return new MongoCandidateSearchIndex(database);
            }
        };

        abstract CandidateSearchIndex create(MongoDatabase database);
    }

    private CandidateProjection projection;

    /** Nine candidates at centre c1 (one withdrawn, two namesakes) and three at c2. */
    private void given(Implementation implementation) {
        MongoDatabase database = mongo.freshDatabase();
        projection = new CandidateProjection(database, implementation.create(database));
        register("a1", "c1", "Q7M2K9XA", "Zoë", "O'Brien-Łukasiewicz", "1000000001", "MV3");
        register("a2", "c1", "B4N8R3TZ", "Zoe", "Adams", null, "MV3");
        register("a3", "c1", "H6W9P2DC", "John", "Smith", null, "HV2");
        register("a4", "c1", "K3V7Y2QM", "Jonathan", "Smithers", null, "MV3");
        register("a5", "c1", "P9R4T6WX", "Søren", "Kierkegaard", null, "MV3");
        register("a6", "c1", "M2X8C5NJ", "Anne-Marie", "de Vere", null, "HV2");
        register("a7", "c1", "T5G3Z7HB", "Mary", "Withers", null, "MV3");
        projection.on(new CandidateWithdrawn("a7", "c1", "left"), 1, AT);
        register("a8", "c1", "W8E4R6TY", "John", "Smith", null, "HV2");
        register("a9", "c1", "R3D5F7GH", "Gøran", "Straße", null, "MV3");
        register("b1", "c2", "C5D7E9FG", "Zoë", "Brown", "1000000001", "MV3");
        register("b2", "c2", "N4M6K8J2", "Stephen", "Stephens", null, "MV3");
        register("b3", "c2", "J2K4M6N8", "Đorđe", "Nøkleby", null, "HV2");
    }

    private void register(
            String id,
            String centreId,
            String registrationNumber,
            String firstName,
            String lastName,
            String uln,
            String qualificationCode) {
        projection.on(registered(id, centreId, registrationNumber, firstName, lastName, uln, qualificationCode), 0, AT);
    }

    private Page<CandidateSummary> search(
            String centreId, String text, CandidateStatus status, String qualificationCode, int page, int size) {
        return projection.handle(new SearchCandidates(centreId, text, status, qualificationCode, page, size));
    }

    private List<String> ids(String centreId, String text) {
        return ids(search(centreId, text, null, null, 0, 50));
    }

    private static List<String> ids(Page<CandidateSummary> page) {
        return page.items().stream().map(CandidateSummary::candidateId).toList();
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenCandidatesRegisteredOnDifferentDays_whenSearchedByTheDaysRegistered_thenBothEndsIncluded(
            Implementation implementation) {
        given(implementation);
        for (int day = 1; day <= 3; day++) {
            CandidateRegistered later =
                    registered("d" + day, "c2", "D" + day + "A2B3C4", "Ada", "Day" + day, null, "MV3");
            projection.on(
                    new CandidateRegistered(
                            later.candidateId(),
                            later.centreId(),
                            later.registrationNumber(),
                            later.firstName(),
                            later.lastName(),
                            later.dateOfBirth(),
                            later.uln(),
                            later.qualificationCode(),
                            later.startDate(),
                            LocalDate.of(2026, 4, day),
                            false,
                            false),
                    0,
                    AT);
        }

        assertThat(ids(registeredBetween("c2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2))))
                .containsExactly("d1", "d2");
        assertThat(ids(registeredBetween(null, LocalDate.of(2026, 4, 2), null))).containsExactly("d2", "d3");
        assertThat(ids(registeredBetween("c2", null, LocalDate.of(2026, 3, 31))))
                .as("registered before April: the three of the start")
                .containsExactlyInAnyOrder("b1", "b2", "b3");
        Page<CandidateSummary> dayThree = projection.handle(new SearchCandidates(
                null, "day", null, null, LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 3), 0, 50));
        assertThat(dayThree.items())
                .extracting(CandidateSummary::candidateId, CandidateSummary::registeredOn)
                .containsExactly(tuple("d3", LocalDate.of(2026, 4, 3)));
        assertThat(registeredBetween(null, LocalDate.of(2026, 4, 4), null).total())
                .isZero();
    }

    private Page<CandidateSummary> registeredBetween(String centreId, LocalDate from, LocalDate to) {
        return projection.handle(new SearchCandidates(centreId, null, null, null, from, to, 0, 50));
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenAccentedNames_whenSearchedWithoutAccents_thenFound(Implementation implementation) {
        given(implementation);

        assertThat(ids("c1", "zoe")).containsExactly("a2", "a1");
        assertThat(ids("c1", "ZOË")).containsExactly("a2", "a1");
        assertThat(ids("c1", "lukas")).containsExactly("a1");
        assertThat(ids("c1", "Łukas")).containsExactly("a1");
        assertThat(ids("c1", "soren")).containsExactly("a5");
        assertThat(ids("c1", "goran strasse")).containsExactly("a9");
        assertThat(ids("c2", "dorde nokl")).containsExactly("b3");
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenApostrophesAndHyphens_whenSearched_thenEachPartAndTheApostropheLessWholeFound(
            Implementation implementation) {
        given(implementation);

        assertThat(ids("c1", "obrien")).containsExactly("a1");
        assertThat(ids("c1", "O'Brien")).containsExactly("a1");
        assertThat(ids("c1", "o’bri")).containsExactly("a1");
        assertThat(ids("c1", "brien")).containsExactly("a1");
        assertThat(ids("c1", "marie")).containsExactly("a6");
        assertThat(ids("c1", "Anne-Marie")).containsExactly("a6");
        assertThat(ids("c1", "de vere")).containsExactly("a6");
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenSeveralWords_whenSearched_thenEveryWordStartsOneOfTheNames(Implementation implementation) {
        given(implementation);

        assertThat(ids("c1", "smith jo")).containsExactly("a3", "a8", "a4");
        assertThat(ids("c1", "Smith, John")).containsExactly("a3", "a8");
        assertThat(ids("c1", "jon smithers")).containsExactly("a4");
        assertThat(ids("c1", "john smithers")).isEmpty();
        assertThat(ids("c1", "zoe luk")).containsExactly("a1");
        assertThat(ids("c1", "  zoe   adams ")).containsExactly("a2");
        assertThat(ids("c1", "zoe x")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenRegistrationNumber_whenSearched_thenThatCandidateOnlyWithinTheCentre(Implementation implementation) {
        given(implementation);

        assertThat(ids("c1", "q7m2k9xa")).containsExactly("a1");
        assertThat(ids(null, "Q7M2K9XA")).containsExactly("a1");
        assertThat(ids("c2", "Q7M2K9XA")).isEmpty();
        assertThat(ids(search("c1", "Q7M2K9XA", CandidateStatus.WITHDRAWN, null, 0, 10)))
                .isEmpty();
        assertThat(ids("c1", "Q7M2K9XB")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenEightLetterNameShapedLikeARegistrationNumber_whenSearched_thenFoundByName(Implementation implementation) {
        given(implementation);

        assertThat(ids("c2", "STEPHENS")).containsExactly("b2");
        assertThat(ids(null, "stephens")).containsExactly("b2");
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenUln_whenSearched_thenCandidatesWithThatUlnInTheCentre(Implementation implementation) {
        given(implementation);

        assertThat(ids("c1", "1000000001")).containsExactly("a1");
        assertThat(ids("c2", "1000000001")).containsExactly("b1");
        assertThat(ids(null, " 1000000001 ")).containsExactly("b1", "a1");
        assertThat(ids(null, "1000000009")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenStatusAndQualificationFilters_whenSearched_thenOnlyThoseThatPassEvery(Implementation implementation) {
        given(implementation);

        assertThat(ids(search("c1", null, CandidateStatus.WITHDRAWN, null, 0, 10)))
                .containsExactly("a7");
        assertThat(ids(search("c1", null, null, "HV2", 0, 10))).containsExactly("a6", "a3", "a8");
        assertThat(ids(search(null, null, null, "HV2", 0, 10))).containsExactly("a6", "b3", "a3", "a8");
        assertThat(ids(search("c1", "zo", CandidateStatus.REGISTERED, "MV3", 0, 10)))
                .containsExactly("a2", "a1");
        assertThat(ids(search("c1", "withers", CandidateStatus.REGISTERED, null, 0, 10)))
                .isEmpty();
        assertThat(ids(search(null, null, CandidateStatus.CERTIFICATED, null, 0, 10)))
                .isEmpty();
        assertThat(ids(search("c1", null, null, "XX9", 0, 10))).isEmpty();
        assertThat(ids(search("c1", null, null, " ", 0, 10))).hasSize(9);
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenTwoCentres_whenOneCentreSearches_thenNeverTheOthersCandidates(Implementation implementation) {
        given(implementation);

        assertThat(ids("c1", null)).hasSize(9).allMatch(id -> id.startsWith("a"));
        assertThat(ids("c2", null)).containsExactly("b1", "b3", "b2");
        assertThat(ids("c2", "zoe")).containsExactly("b1");
        assertThat(ids("c1", "stephen")).isEmpty();
        assertThat(search("c9", null, null, null, 0, 10).total()).isZero();
        assertThat(ids("c9", "zoe")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenCentre_whenPagedWithoutText_thenByLastNameFirstNameAndIdWithTotal(Implementation implementation) {
        given(implementation);

        Page<CandidateSummary> first = search("c1", "", null, null, 0, 4);
        Page<CandidateSummary> second = search("c1", null, null, null, 1, 4);
        Page<CandidateSummary> third = search("c1", null, null, null, 2, 4);
        Page<CandidateSummary> beyond = search("c1", null, null, null, 5, 4);

        assertThat(ids(first)).containsExactly("a2", "a6", "a5", "a1");
        assertThat(ids(second)).containsExactly("a3", "a8", "a4", "a9");
        assertThat(ids(third)).containsExactly("a7");
        assertThat(ids(beyond)).isEmpty();
        assertThat(List.of(first, second, third, beyond))
                .extracting(Page::total)
                .containsOnly(9L);
        assertThat(third.page()).isEqualTo(2);
        assertThat(third.size()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenEveryCentre_whenPagedByAPrefix_thenPagesJoinUpInOrder(Implementation implementation) {
        given(implementation);

        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Page<CandidateSummary> answer = search(null, "s", null, null, page, 2);
            assertThat(answer.total()).isEqualTo(6);
            pages.addAll(ids(answer));
        }

        assertThat(pages).containsExactly("a5", "a3", "a8", "a4", "b2", "a9");
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenOutOfRangePaging_whenSearched_thenClamped(Implementation implementation) {
        given(implementation);

        Page<CandidateSummary> clamped = search("c1", null, null, null, -1, 0);
        Page<CandidateSummary> large = search(null, null, null, null, 0, 1000);

        assertThat(ids(clamped)).containsExactly("a2");
        assertThat(clamped.page()).isZero();
        assertThat(clamped.size()).isOne();
        assertThat(large.size()).isEqualTo(200);
        assertThat(large.items()).hasSize(12);
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenTextWithoutWords_whenSearched_thenEveryoneOfTheCentre(Implementation implementation) {
        given(implementation);

        assertThat(ids("c2", " - ' ")).containsExactly("b1", "b3", "b2");
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void givenCandidate_whenSearchedFound_thenItsSummary(Implementation implementation) {
        given(implementation);

        assertThat(search("c1", "obrien", null, null, 0, 10).items())
                .containsExactly(new CandidateSummary(
                        "a1",
                        "Q7M2K9XA",
                        "c1",
                        "Zoë",
                        "O'Brien-Łukasiewicz",
                        java.time.LocalDate.of(2001, 2, 3),
                        "1000000001",
                        "MV3",
                        CandidateStatus.REGISTERED,
                        false,
                        LocalDate.of(2026, 3, 2)));
    }

    /** A cross-check on many more cases than the above: both indexes answer every search identically. */
    @Test
    void givenRandomCandidatesAndChanges_whenSearchedThroughBothIndexes_thenIdenticalAnswers() {
        MongoDatabase memoryDatabase = mongo.freshDatabase();
        MongoDatabase mongoDatabase = mongo.freshDatabase();
        CandidateProjection memory = new CandidateProjection(memoryDatabase, new MemoryCandidateSearchIndex());
        CandidateProjection mongoIndexed =
                new CandidateProjection(mongoDatabase, new MongoCandidateSearchIndex(mongoDatabase));
        String[] first = {"Zoë", "Zoe", "John", "Jon", "Anne-Marie", "Søren", "Łukasz", "Siobhán", "Chloé", "Ali"};
        String[] last = {
            "O'Brien", "Smith", "Smithers", "de Vere", "Łukasiewicz", "Müller", "Ng", "Straße", "D'Arcy", "Núñez-García"
        };
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            String id = "r" + (1000 + i);
            var event = registered(
                    id,
                    "c" + random.nextInt(4),
                    String.format("%08d", i).replace('0', 'A').replace('1', 'B'),
                    first[random.nextInt(first.length)],
                    last[random.nextInt(last.length)],
                    random.nextInt(5) == 0 ? "10000000" + (10 + random.nextInt(5)) : null,
                    random.nextBoolean() ? "MV3" : "HV2");
            memory.on(event, 0, AT);
            mongoIndexed.on(event, 0, AT);
            Object change = switch (random.nextInt(6)) {
                case 0 -> new CandidateWithdrawn(id, event.centreId(), "left");
                case 1 -> new CandidateTransferred(id, event.centreId(), "c" + random.nextInt(4), "moved");
                case 2 ->
                    new CandidateNameAmended(
                            id,
                            event.centreId(),
                            event.firstName(),
                            event.lastName(),
                            event.firstName(),
                            last[random.nextInt(last.length)],
                            "married");
                default -> null;
            };
            if (change instanceof CandidateWithdrawn withdrawn) {
                memory.on(withdrawn, 1, AT);
                mongoIndexed.on(withdrawn, 1, AT);
            } else if (change instanceof CandidateTransferred transferred) {
                memory.on(transferred, 1, AT);
                mongoIndexed.on(transferred, 1, AT);
            } else if (change instanceof CandidateNameAmended amended) {
                memory.on(amended, 1, AT);
                mongoIndexed.on(amended, 1, AT);
            }
        }
        String[] texts = {
            null,
            "",
            "z",
            "zo",
            "zoe",
            "s",
            "sm",
            "smi",
            "smith",
            "o",
            "obr",
            "d",
            "darcy",
            "d'a",
            "de",
            "j",
            "jo",
            "jon",
            "john",
            "lu",
            "luk",
            "lukasz",
            "nunez",
            "garcia",
            "strasse",
            "muller",
            "ng",
            "a",
            "anne marie",
            "s j",
            "smith jo",
            "zoe o",
            "1000000012",
            "BBBBBBBB",
            "aaaaab23",
            "AAAAAB23",
            "ali ng"
        };
        CandidateStatus[] statuses = {null, null, CandidateStatus.REGISTERED, CandidateStatus.WITHDRAWN};
        String[] qualifications = {null, null, "MV3", "HV2"};
        String[] centres = {null, "c0", "c1", "c2", "c3"};
        int found = 0;
        for (int i = 0; i < 400; i++) {
            SearchCandidates query = new SearchCandidates(
                    centres[random.nextInt(centres.length)],
                    texts[random.nextInt(texts.length)],
                    statuses[random.nextInt(statuses.length)],
                    qualifications[random.nextInt(qualifications.length)],
                    random.nextInt(3),
                    1 + random.nextInt(30));

            Page<CandidateSummary> answer = memory.handle(query);
            assertThat(answer).as("%s", query).isEqualTo(mongoIndexed.handle(query));
            found += answer.items().isEmpty() ? 0 : 1;
        }
        assertThat(found).as("searches that found someone").isGreaterThan(120);
    }
}
