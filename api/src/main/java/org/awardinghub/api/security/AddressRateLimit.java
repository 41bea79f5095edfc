package org.awardinghub.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At most so many requests per client address and clock minute, for the endpoints anyone may call that must not be
 * tried in bulk: public certificate verification, failed sign-ins, password-reset requests, wrong access keys.
 *
 * <p>Counted in the relational database (table {@code address_limit_use}, one row per limit, address and clock
 * minute), so that every node of a cluster counts against the same allowance: counted per node, two nodes behind a
 * balancer gave a caller twice the limit (ADR 0144). A request is counted by one conditional update, which never takes
 * the count past the limit; the first of a minute inserts the row. Rows of minutes gone by are deleted by the next
 * request of a later minute on the node, once a minute.
 */
public class AddressRateLimit {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final int ADDRESS_LENGTH = 64;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String name;
    private final int perMinute;
    private final AtomicLong sweptMinute = new AtomicLong(Long.MIN_VALUE);

    /** {@code name}: the limit's row key; {@code setting}: the property that says how many, named when below one. */
    public AddressRateLimit(JdbcTemplate jdbc, Clock clock, String name, int perMinute, String setting) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.name = name;
        this.perMinute = perMinute;
    }

    /** Counts this request; answers whether it is within the limit (a request past it is not counted). */
    public boolean allow(String clientAddress) {
        long minute = minute();
        String address = key(clientAddress);
        if (countOneMore(address, minute)) {
            return true;
        }
        try {
            jdbc.update(
                    "INSERT INTO address_limit_use (limit_name, client_address, clock_minute, used) VALUES (?, ?, ?, 1)",
                    name,
                    address,
                    minute);
            return true;
        } catch (DuplicateKeyException countedMeanwhile) {
            // the row is there: at the limit, or inserted by another request (or node) since the update
            return countOneMore(address, minute);
        }
    }

    /**
     * Whether the address has any of this minute's allowance left, without spending it: for a limit on failures
     * where a request that succeeds must never wait on the count (a room of candidates starting at once).
     */
    public boolean hasAllowance(String clientAddress) {
        Integer used = jdbc.query(
                "SELECT used FROM address_limit_use WHERE limit_name = ? AND client_address = ? AND clock_minute = ?",
                rows -> rows.next() ? rows.getInt(1) : null,
                name,
                key(clientAddress),
                minute());
        return used == null || used < perMinute;
    }

    /**
     * Spends one of this minute's allowance for a failure that has already happened, with {@link #hasAllowance}
     * asked before the request: nothing is left to decide, and with no allowance left there is nothing to spend.
     */
    public void spend(String clientAddress) {
        allow(clientAddress);
    }

    /**
     * Gives back what {@link #allow} took, for a request that turned out not to count (a sign-in that succeeded):
     * the limit is on failures, and a room of people signing in behind one address is not an attack.
     */
    public void refund(String clientAddress) {
        jdbc.update(
                "UPDATE address_limit_use SET used = used - 1"
                        + " WHERE limit_name = ? AND client_address = ? AND clock_minute = ? AND used > 0",
                name,
                key(clientAddress),
                minute());
    }

    private boolean countOneMore(String address, long minute) {
        return jdbc.update(
                        "UPDATE address_limit_use SET used = used + 1"
                                + " WHERE limit_name = ? AND client_address = ? AND clock_minute = ? AND used < ?",
                        name,
                        address,
                        minute,
                        perMinute)
                == 1;
    }

    /** This clock minute, counted from the epoch; the rows of earlier ones go, once a minute. */
    private long minute() {
        long minute = clock.millis() / MINUTE;
        if (sweptMinute.getAndSet(minute) != minute) {
            jdbc.update("DELETE FROM address_limit_use WHERE limit_name = ? AND clock_minute <> ?", name, minute);
        }
        return minute;
    }

    private static String key(String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        return address.length() > ADDRESS_LENGTH ? address.substring(0, ADDRESS_LENGTH) : address;
    }
}
