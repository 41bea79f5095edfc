package org.awardinghub.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.awardinghub.query.elsewhere.Elsewhere;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DocumentMapperTest {

    enum Colour {
        RED,
        GREEN
    }

    record Line(String text, int count) {}

    record Stored(
            @DocumentMapper.Id String id,
            String name,
            int number,
            long big,
            double ratio,
            boolean flag,
            Integer maybe,
            Instant at,
            LocalDate day,
            Colour colour,
            Line line,
            List<Line> lines,
            Set<Colour> colours) {}

    private static final DocumentMapper<Stored> MAPPER = DocumentMapper.of(Stored.class);

    private static final Stored FULL = new Stored(
            "s-1",
            "Ada",
            3,
            5_000_000_000L,
            0.75,
            true,
            7,
            Instant.parse("2026-03-01T10:15:30Z"),
            LocalDate.of(2001, 2, 3),
            Colour.GREEN,
            new Line("first", 1),
            List.of(new Line("a", 1), new Line("b", 2)),
            Set.of(Colour.RED));

    @Test
    void storesValuesAsTheReadModelsAlwaysHave() {
        Document document = MAPPER.toDocument(FULL);

        assertThat(document).doesNotContainKey("id").doesNotContainKey(ReadModelCollection.ID);
        assertThat(document.get("at")).isEqualTo(Date.from(FULL.at()));
        assertThat(document.get("day")).isEqualTo("2001-02-03");
        assertThat(document.get("colour")).isEqualTo("GREEN");
        assertThat(document.get("line")).isEqualTo(new Document("text", "first").append("count", 1));
        assertThat(document.getList("lines", Document.class))
                .extracting(line -> line.get("text"))
                .containsExactly("a", "b");
        assertThat(document.getList("colours", String.class)).containsExactly("RED");
    }

    @Test
    void readsBackWhatItStoredWithTheIdFromTheDocumentKey() {
        Document stored =
                MAPPER.toDocument(FULL).append(ReadModelCollection.ID, "s-1").append("seq", 4L);

        assertThat(MAPPER.fromDocument(stored)).isEqualTo(FULL);
    }

    @Test
    void missingFieldsReadAsNullOrZeroSoOlderDocumentsStillRead() {
        Stored read = MAPPER.fromDocument(new Document(ReadModelCollection.ID, "s-2").append("name", "Bo"));

        assertThat(read).isEqualTo(new Stored("s-2", "Bo", 0, 0, 0.0, false, null, null, null, null, null, null, null));
        assertThat(MAPPER.fromDocument(null)).isNull();
    }

    @Test
    void numbersReadAsTheComponentsTypeWhateverWidthTheStoreGaveBack() {
        Stored read = MAPPER.fromDocument(new Document(ReadModelCollection.ID, "s-3")
                .append("number", 3L)
                .append("big", 5)
                .append("ratio", 1)
                .append("maybe", 9L));

        assertThat(read.number()).isEqualTo(3);
        assertThat(read.big()).isEqualTo(5L);
        assertThat(read.ratio()).isEqualTo(1.0);
        assertThat(read.maybe()).isEqualTo(9);
    }

    @Test
    void aChangeOfTheRecordIsAChangeOfTheDocument() {
        Document before = MAPPER.toDocument(FULL);

        Document after = MAPPER.changing(stored -> new Stored(
                        stored.id(),
                        "Changed",
                        stored.number(),
                        stored.big(),
                        stored.ratio(),
                        stored.flag(),
                        stored.maybe(),
                        stored.at(),
                        stored.day(),
                        stored.colour(),
                        stored.line(),
                        stored.lines(),
                        stored.colours()))
                .apply(before);

        assertThat(after.getString("name")).isEqualTo("Changed");
        assertThat(before.getString("name")).isEqualTo("Ada");
        assertThat(after.get("lines")).isEqualTo(before.get("lines"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapsRecordsThatAreNotPublicOfAnyPackage() {
        Record hidden = Elsewhere.hidden("x", 2);
        DocumentMapper<Record> mapper = DocumentMapper.of((Class<Record>) hidden.getClass());

        Document document = mapper.toDocument(hidden);

        assertThat(document).isEqualTo(new Document("name", "x").append("inner", new Document("count", 2)));
        assertThat(mapper.fromDocument(document)).isEqualTo(hidden);
    }
}
