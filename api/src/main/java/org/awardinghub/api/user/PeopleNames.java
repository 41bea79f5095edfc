package org.awardinghub.api.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.api.Queries;
import org.awardinghub.query.user.FindPeopleNames;
import org.awardinghub.query.user.PersonName;
import org.springframework.stereotype.Component;

/**
 * People's display names for the ids and PINs an answer shows, read from the users' read model in one query per
 * answer: so that a list shows "Ann Assessor" beside {@code assessorUserId}, not the id alone. A name is shown, never
 * decided on: nothing here is a security decision. An id or PIN of no user (a candidate's registration number, a
 * system action) has no name.
 */
@Component
public class PeopleNames {

    private final Queries queries;

    public PeopleNames(Queries queries) {
        this.queries = queries;
    }

    /** The names of the users with these ids (nulls ignored), by id. */
    public Names ofUsers(Collection<String> userIds) {
        return find(present(userIds), Set.of());
    }

    /** The names of the users with these PINs (nulls ignored), by PIN. */
    public Names ofPins(Collection<String> pins) {
        return find(Set.of(), present(pins));
    }

    private Names find(Set<String> userIds, Set<String> pins) {
        if (userIds.isEmpty() && pins.isEmpty()) {
            return new Names(Map.of(), Map.of());
        }
        Map<String, String> byId = new HashMap<>();
        Map<String, String> byPin = new HashMap<>();
        for (PersonName person : queries.many(new FindPeopleNames(userIds, pins), PersonName.class)) {
            byId.put(person.userId(), person.name());
            if (person.pin() != null) {
                byPin.put(person.pin(), person.name());
            }
        }
        return new Names(byId, byPin);
    }

    private static Set<String> present(Collection<String> keys) {
        return keys == null ? Set.of() : keys.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The names found; null for an id or PIN of no user. */
    public record Names(Map<String, String> byUserId, Map<String, String> byPin) {

        public String ofUser(String userId) {
            return userId == null ? null : byUserId.get(userId);
        }

        public String ofPin(String pin) {
            return pin == null ? null : byPin.get(pin);
        }
    }
}
