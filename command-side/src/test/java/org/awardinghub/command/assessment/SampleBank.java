package org.awardinghub.command.assessment;

import java.util.List;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.events.qualification.QualificationPublished.Assessment;
import org.awardinghub.events.qualification.QualificationPublished.Item;
import org.awardinghub.events.qualification.QualificationPublished.Unit;

/** A small published catalogue for assessment tests: two qualifications, their assessments and item banks. */
final class SampleBank {

    static final String MVR_L2 = "MVR-L2";
    static final String MVR_L3 = "MVR-L3";
    /** Three questions from five items, 60 minutes, pass mark 60%. */
    static final String A1 = "MVR-L2-A1";
    /** One question from two items, 30 minutes, pass mark 50%. */
    static final String A2 = "MVR-L2-A2";

    static final String L3_A1 = "MVR-L3-A1";

    /** Items of different sizes (2 to 6 options) with the right answer in different places. */
    static final List<Item> A1_ITEMS = List.of(
            new Item(
                    A1 + "-Q001",
                    "Which tool measures tyre tread depth?",
                    List.of("Micrometer", "Feeler gauge", "Tread depth gauge", "Vernier caliper"),
                    2),
            new Item(
                    A1 + "-Q002",
                    "What does ABS prevent?",
                    List.of("Wheel lock under braking", "Engine stall", "Oversteer", "Battery drain"),
                    0),
            new Item(A1 + "-Q003", "Which fluid is hygroscopic?", List.of("Engine oil", "Brake fluid", "Coolant"), 1),
            new Item(
                    A1 + "-Q004",
                    "Which is a personal protective item?",
                    List.of("Torque wrench", "Axle stand", "Trolley jack", "Wheel brace", "Creeper", "Safety glasses"),
                    5),
            new Item(A1 + "-Q005", "A catalytic converter reduces emissions.", List.of("False", "True"), 1));

    static final List<Item> A2_ITEMS = List.of(
            new Item(
                    A2 + "-Q001",
                    "Which way does a standard thread tighten?",
                    List.of("Clockwise", "Anticlockwise"),
                    0),
            new Item(A2 + "-Q002", "What colour is live in UK mains cable?", List.of("Brown", "Blue", "Green"), 0));

    static final QualificationPublished MVR_L2_PUBLISHED = new QualificationPublished(
            MVR_L2,
            "Level 2 Diploma in Light Vehicle Maintenance",
            2,
            List.of(new Unit("MVR-L2-U1", "Health and safety"), new Unit("MVR-L2-U2", "Routine maintenance")),
            List.of(
                    new Assessment(A1, "Routine maintenance test", "MVR-L2-U2", 3, 60, 60, A1_ITEMS),
                    new Assessment(A2, "Workshop safety test", "MVR-L2-U1", 1, 30, 50, A2_ITEMS)));

    static final QualificationPublished MVR_L3_PUBLISHED = new QualificationPublished(
            MVR_L3,
            "Level 3 Diploma in Light Vehicle Maintenance",
            3,
            List.of(new Unit("MVR-L3-U1", "Diagnostics")),
            List.of(new Assessment(
                    L3_A1,
                    "Diagnostics test",
                    "MVR-L3-U1",
                    1,
                    45,
                    70,
                    List.of(new Item(
                            L3_A1 + "-Q001",
                            "What does OBD stand for?",
                            List.of("On-board diagnostics", "Off-board data"),
                            0)))));

    private SampleBank() {}

    /** The bank as {@link ItemDirectory#items} answers it: in order, without the key. */
    static List<BankItem> bankOf(List<Item> items) {
        return items.stream()
                .map(item -> new BankItem(item.itemId(), item.stem(), item.options()))
                .toList();
    }

    /** The right option's bank index for an item of {@link #A1_ITEMS} or {@link #A2_ITEMS}. */
    static int correctOption(String itemId) {
        return java.util.stream.Stream.concat(A1_ITEMS.stream(), A2_ITEMS.stream())
                .filter(item -> item.itemId().equals(itemId))
                .findFirst()
                .orElseThrow()
                .correctOption();
    }
}
