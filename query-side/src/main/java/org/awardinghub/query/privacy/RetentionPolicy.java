package org.awardinghub.query.privacy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How long a candidate's record is kept before an IMI decision about erasing it falls due (ADR 0166), by
 * {@link RetentionBasis}: {@code afterCertification} for a certificated candidate, {@code afterWithdrawal} for a
 * withdrawn one, {@code afterLastActivity} for any other. Each is counted from the record's last activity (the
 * certification or the withdrawal itself, or anything later: a replacement certificate, an appeal). The application
 * makes it from {@code awarding.retention.candidate.*}.
 */
public record RetentionPolicy(Period afterCertification, Period afterWithdrawal, Period afterLastActivity) {

    public RetentionPolicy {
        check("afterCertification", afterCertification);
        check("afterWithdrawal", afterWithdrawal);
        check("afterLastActivity", afterLastActivity);
    }

    public Period periodOf(RetentionBasis basis) {
        return switch (basis) {
            case CERTIFICATION -> afterCertification;
            case WITHDRAWAL -> afterWithdrawal;
            case LAST_ACTIVITY -> afterLastActivity;
        };
    }

    /**
     * The first day a decision is due: the period after {@code countedFrom}, or the day after {@code keepUntil}
     * (null: none) when IMI decided to keep the record longer.
     */
    public LocalDate dueOn(RetentionBasis basis, LocalDate countedFrom, LocalDate keepUntil) {
        LocalDate due = countedFrom.plus(periodOf(basis));
        if (keepUntil != null && !keepUntil.isBefore(due)) {
            return keepUntil.plusDays(1);
        }
        return due;
    }

    /** The periods in one string: what a due date stored was counted with. */
    public String fingerprint() {
        return afterCertification + "/" + afterWithdrawal + "/" + afterLastActivity;
    }

    private static void check(String name, Period period) {
        Objects.requireNonNull(period, name);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The retention period " + name + " must be longer than nothing");
        }
    }
}
