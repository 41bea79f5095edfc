package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.command.assessment.SampleBank.A1;
import static org.awardinghub.command.assessment.SampleBank.A1_ITEMS;
import static org.awardinghub.command.assessment.SampleBank.A2;
import static org.awardinghub.command.assessment.SampleBank.MVR_L2;
import static org.awardinghub.command.assessment.SampleBank.MVR_L2_PUBLISHED;
import static org.awardinghub.command.assessment.SampleBank.MVR_L3_PUBLISHED;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemDirectoryTest {

    LookupDatabase database;
    ItemDirectory bank;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        bank = database.lookup(ItemDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void givenNothingPublished_whenAsked_thenNoRulesAndNoItems() {
        assertThat(bank.rules(A1)).isEmpty();
        assertThat(bank.items(A1)).isEmpty();
        assertThat(bank.answerKey(List.of(A1 + "-Q001"))).isEmpty();
    }

    @Test
    void givenQualificationPublished_whenRulesAsked_thenEachAssessmentsRulesWithItsQualification() {
        database.apply(MVR_L2_PUBLISHED);
        database.apply(MVR_L3_PUBLISHED);

        assertThat(bank.rules(A1)).contains(new AssessmentRules(A1, MVR_L2, 3, 60, 60));
        assertThat(bank.rules(A2)).contains(new AssessmentRules(A2, MVR_L2, 1, 30, 50));
        assertThat(bank.rules("MVR-L3-A1")).contains(new AssessmentRules("MVR-L3-A1", "MVR-L3", 1, 45, 70));
        assertThat(bank.rules("MVR-L2-A9")).isEmpty();
    }

    @Test
    void givenQualificationPublished_whenItemsAsked_thenInBankOrderWithOptionsInOrder() {
        database.apply(MVR_L2_PUBLISHED);

        assertThat(bank.items(A1)).containsExactlyElementsOf(SampleBank.bankOf(A1_ITEMS));
        assertThat(bank.items(A2)).extracting(BankItem::itemId).containsExactly(A2 + "-Q001", A2 + "-Q002");
    }

    /** Ten or more items: positions must order as numbers, not as text. */
    @Test
    void givenTwelveItems_whenItemsAsked_thenInPublishedOrder() {
        List<Item> items = IntStream.rangeClosed(1, 12)
                .mapToObj(n -> new Item(String.format("BIG-A1-Q%03d", 13 - n), "Stem " + n, List.of("x", "y"), 0))
                .toList();
        database.apply(new QualificationPublished(
                "BIG",
                "Big",
                2,
                List.of(new Unit("BIG-U1", "Unit")),
                List.of(new Assessment("BIG-A1", "Test", "BIG-U1", 12, 60, 50, items))));

        assertThat(bank.items("BIG-A1"))
                .extracting(BankItem::stem)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 12).mapToObj(n -> "Stem " + n).toList());
    }

    @Test
    void givenQualificationPublished_whenAnswerKeyAsked_thenRightOptionPerItemAndUnknownItemsLeftOut() {
        database.apply(MVR_L2_PUBLISHED);

        assertThat(bank.answerKey(List.of(A1 + "-Q001", A1 + "-Q004", A2 + "-Q002", "NO-SUCH-ITEM")))
                .isEqualTo(Map.of(A1 + "-Q001", 2, A1 + "-Q004", 5, A2 + "-Q002", 0));
        assertThat(bank.answerKey(List.of())).isEmpty();
    }

    @Test
    void givenPassMarkChanged_whenRulesAsked_thenTheNewPassMarkForThatAssessmentOnly() {
        database.apply(MVR_L2_PUBLISHED);
        database.apply(new PassMarkChanged(MVR_L2, A1, 60, 75, "Standard-setting review"));

        assertThat(bank.rules(A1)).contains(new AssessmentRules(A1, MVR_L2, 3, 60, 75));
        assertThat(bank.rules(A2)).contains(new AssessmentRules(A2, MVR_L2, 1, 30, 50));
    }

    /** The longest stem and option texts publication accepts, six options, and characters beyond Latin. */
    @Test
    void givenLargestItemsPublicationAllows_whenStored_thenReadBackWhole() {
        String stem = "Ł".repeat(1000);
        List<String> options = IntStream.range(0, 6)
                .mapToObj(n -> (char) ('a' + n) + "é".repeat(999))
                .toList();
        database.apply(new QualificationPublished(
                "LONG",
                "Long",
                2,
                List.of(new Unit("LONG-U1", "Unit")),
                List.of(new Assessment(
                        "LONG-A1",
                        "Test",
                        "LONG-U1",
                        1,
                        300,
                        100,
                        List.of(new Item("LONG-A1-Q001", stem, options, 5))))));

        assertThat(bank.items("LONG-A1")).containsExactly(new BankItem("LONG-A1-Q001", stem, options));
    }
}
