package org.awardinghub.api.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most so many requests per client address and clock minute, for the endpoints anyone may call that must not be
 * tried in bulk: public certificate verification, failed sign-ins, password-reset requests. Counted in memory, per
 * node: a restart or a second node gives a caller a fresh minute, which still keeps guessing hopeless.
 *
 * <p>Each address has a Bucket4j bucket (ADR 0133) of that many tokens, refilled whole at the start of every clock
 * minute. Memory stays bounded: once more than {@value #SWEEP_ABOVE} addresses are held, the addresses not seen in
 * the current minute are dropped, at most once a minute. Their buckets were full again anyway, so dropping them
 * forgets nothing.
 */
public class AddressRateLimit {

    public static final int SWEEP_ABOVE = 10_000;

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    /** An address's bucket and when it was last asked for, in the clock's milliseconds. */
    private record Entry(Bucket bucket, long lastSeen) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong sweptMinute = new AtomicLong(Long.MIN_VALUE);
    private final Clock clock;
    private final Bandwidth limit;
    private final TimeMeter time;

    /** {@code setting}: the property that says how many, named when it is below one. */
    public AddressRateLimit(Clock clock, int perMinute, String setting) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1");
        }
        this.clock = clock;
        // every whole minute since the epoch is a refill: the buckets fill up together as each clock minute starts
        this.limit = Bandwidth.builder()
                .capacity(perMinute)
                .refillIntervallyAligned(perMinute, Duration.ofMinutes(1), Instant.EPOCH)
                .build();
        // the application's clock (tests move it), as wall-clock time: aligned refills need one
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Counts this request; answers whether it is within the limit. */
    public boolean allow(String clientAddress) {
        return entry(clientAddress).bucket().tryConsume(1);
    }

    /**
     * Whether the address has any of this minute's allowance left, without spending it: for a limit on failures
     * where a request that succeeds must never wait on the count (a room of candidates starting at once).
     */
    public boolean hasAllowance(String clientAddress) {
        return entry(clientAddress).bucket().getAvailableTokens() > 0;
    }

    /**
     * Spends one of this minute's allowance for a failure that has already happened, with {@link #hasAllowance}
     * asked before the request: nothing is left to decide, and with no allowance left there is nothing to spend.
     */
    public void spend(String clientAddress) {
        entry(clientAddress).bucket().tryConsume(1);
    }

    private Entry entry(String clientAddress) {
        sweep(clock.millis() / MINUTE);
        return entries.compute(key(clientAddress), (address, known) -> {
            long now = clock.millis();
            // A clock set back (by hand, or in tests) would leave a bucket waiting for the time it last refilled;
            // the count starts afresh instead, as a new minute's did before.
            return known == null || known.lastSeen() > now
                    ? new Entry(newBucket(), now)
                    : new Entry(known.bucket(), now);
        });
    }

    /**
     * Gives back what {@link #allow} took, for a request that turned out not to count (a sign-in that succeeded):
     * the limit is on failures, and a room of people signing in behind one address is not an attack.
     */
    public void refund(String clientAddress) {
        Entry entry = entries.get(key(clientAddress));
        if (entry != null) {
            entry.bucket().addTokens(1);
        }
    }

    /** How many addresses are held now. */
    public int addresses() {
        return entries.size();
    }

    private static String key(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build();
    }

    /** Within a minute nobody becomes idle, so one sweep a minute frees all that sweeping can. */
    private void sweep(long minute) {
        if (entries.size() > SWEEP_ABOVE && sweptMinute.getAndSet(minute) != minute) {
            entries.values().removeIf(entry -> entry.lastSeen() / MINUTE != minute);
        }
    }
}
