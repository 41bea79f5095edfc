package org.awardinghub.query.reports;

import java.time.Instant;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;

/**
 * The fair-access report's events, with what the report reads named and the rest filled in plainly: a reader
 * arrangement, an illness, an enquiry about a fail of 12 out of 30 (a re-check CHANGED finds 13; an appeal UPHELD
 * gives 20, a pass), at LV3-A unless another assessment is named.
 */
final class FairAccessEvents {

    private FairAccessEvents() {}

    static AccessArrangementRequested requested(String arrangement, String candidate, String centre, Instant at) {
        return new AccessArrangementRequested(
                arrangement,
                candidate,
                centre,
                ArrangementKind.READER,
                null,
                null,
                null,
                "Reading age",
                null,
                "u1",
                "10000001",
                at);
    }

    /** Approved by policy ({@code automatically}) or by IMI. */
    static AccessArrangementApproved approved(
            String arrangement, String candidate, String centre, boolean automatically, Instant at) {
        return new AccessArrangementApproved(
                arrangement,
                candidate,
                centre,
                ArrangementKind.READER,
                null,
                null,
                null,
                automatically,
                automatically ? "The centre's assessment of need" : "Form 8 seen",
                automatically ? "system" : "u9",
                automatically ? null : "90000001",
                at);
    }

    static AccessArrangementRejected rejected(String arrangement, String candidate, String centre, Instant at) {
        return new AccessArrangementRejected(
                arrangement, candidate, centre, ArrangementKind.READER, "No need shown", "u9", "90000001", at);
    }

    static SpecialConsiderationApplied applied(
            String consideration, String attempt, String candidate, String centre, Instant at) {
        return applied(consideration, attempt, candidate, centre, "LV3", "LV3-A", at);
    }

    static SpecialConsiderationApplied applied(
            String consideration,
            String attempt,
            String candidate,
            String centre,
            String qualification,
            String assessment,
            Instant at) {
        return new SpecialConsiderationApplied(
                consideration,
                attempt,
                candidate,
                centre,
                qualification,
                assessment,
                Circumstance.ILLNESS,
                null,
                "Taken ill",
                null,
                "u1",
                "10000001",
                at);
    }

    static SpecialConsiderationDecided considered(
            String consideration,
            String attempt,
            String candidate,
            String centre,
            ConsiderationDecision decision,
            Instant at) {
        return new SpecialConsiderationDecided(
                consideration, attempt, candidate, centre, "LV3-A", decision, "Doctor's note", "u9", "90000001", at);
    }

    static ResultEnquiryRaised raised(String enquiry, String attempt, String candidate, String centre, Instant at) {
        return raised(enquiry, attempt, candidate, centre, "LV3", "LV3-A", at);
    }

    static ResultEnquiryRaised raised(
            String enquiry,
            String attempt,
            String candidate,
            String centre,
            String qualification,
            String assessment,
            Instant at) {
        return new ResultEnquiryRaised(
                enquiry,
                attempt,
                candidate,
                centre,
                qualification,
                assessment,
                Outcome.FAIL,
                12,
                30,
                "Sure of three answers",
                "u1",
                "10000001",
                at);
    }

    static ClericalReCheckCompleted reChecked(
            String enquiry, String attempt, String candidate, String centre, ReCheckOutcome result, Instant at) {
        int score = result == ReCheckOutcome.CHANGED ? 13 : 12;
        return new ClericalReCheckCompleted(
                enquiry, attempt, candidate, centre, result, Outcome.FAIL, Outcome.FAIL, 12, score, 30, 40.0, at);
    }

    static AppealLodged lodged(String enquiry, String attempt, String candidate, String centre, Instant at) {
        return new AppealLodged(enquiry, attempt, candidate, centre, "Question 3 is ambiguous", "u1", "10000001", at);
    }

    static AppealDecided appealDecided(
            String enquiry, String attempt, String candidate, String centre, AppealDecision decision, Instant at) {
        boolean upheld = decision == AppealDecision.UPHELD;
        return new AppealDecided(
                enquiry,
                attempt,
                candidate,
                centre,
                decision,
                Outcome.FAIL,
                upheld ? Outcome.PASS : Outcome.FAIL,
                12,
                upheld ? 20 : 12,
                "Reviewed",
                "u9",
                "90000001",
                at);
    }
}
