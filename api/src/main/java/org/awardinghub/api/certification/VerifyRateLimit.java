package org.awardinghub.api.certification;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public verification answers at most {@code awarding.certification.verify-per-minute} requests per client address
 * and minute, so that certificate numbers and codes cannot be tried in bulk. Counted in memory, per node: a
 * restart or a second node gives a caller a fresh minute, which still keeps guessing a 50-bit code hopeless.
 */
@Component
public class VerifyRateLimit {

    private record Window(long minute, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perMinute;

    public VerifyRateLimit(Clock clock, @Value("${awarding.certification.verify-per-minute:30}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("awarding.certification.verify-per-minute must be at least 1");
        }
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts this request; answers whether it is within the limit. */
    public boolean allow(String clientAddress) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(window -> window.minute() < minute);
        }
        Window window = windows.merge(
                clientAddress == null ? "unknown" : clientAddress,
                new Window(minute, 1),
                (old, first) -> old.minute() == minute ? new Window(minute, old.count() + 1) : first);
        return window.count() <= perMinute;
    }
}
