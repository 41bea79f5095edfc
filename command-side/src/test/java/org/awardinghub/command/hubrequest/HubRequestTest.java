package org.awardinghub.command.hubrequest;

import java.util.List;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.hubrequest.HubRequestReplied;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubRequestTest {

    static final String REQUEST = "request-1";
    static final String CENTRE = "centre-1";
    static final String APPLIED_CENTRE = "centre-2";
    static final String WITHDRAWN_CENTRE = "centre-gone";
    static final String COORDINATOR = "user-1";
    static final String IMI_ADMIN = "user-imi";

    static final HubRequestRaised RAISED = new HubRequestRaised(
            REQUEST,
            CENTRE,
            HubRequestKind.REQUEST,
            "Replacement certificate form",
            "Please send the form for a lost certificate.",
            COORDINATOR);

    LookupDatabase database;
    FixtureConfiguration<HubRequest> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        CentreDirectory centres = database.lookup(CentreDirectory.class);
        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of("MVR-L2"), false));
        database.apply(new CentreApplied(APPLIED_CENTRE, "Southgate College", "York", "office@southgate.ac.uk"));
        database.apply(new CentreApplied(WITHDRAWN_CENTRE, "Gone College", "Hull", "office@gone.ac.uk"));
        database.apply(new CentreWithdrawn(WITHDRAWN_CENTRE, "Closed"));
        fixture = new AggregateTestFixture<>(HubRequest.class);
        fixture.registerInjectableResource(centres);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Nested
    class RaiseHubRequestSpec {

        @Test
        void givenApprovedCentre_whenRequestRaised_thenRaisedTrimmed() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(
                            REQUEST,
                            CENTRE,
                            HubRequestKind.REQUEST,
                            " Replacement certificate form ",
                            "Please send the form for a lost certificate.\n",
                            COORDINATOR))
                    .expectEvents(RAISED);
        }

        @Test
        void givenAppliedCentre_whenFeedbackRaised_thenRaised() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(
                            REQUEST, APPLIED_CENTRE, HubRequestKind.FEEDBACK, "Portal", "Works well", COORDINATOR))
                    .expectEvents(new HubRequestRaised(
                            REQUEST, APPLIED_CENTRE, HubRequestKind.FEEDBACK, "Portal", "Works well", COORDINATOR));
        }

        @Test
        void givenNoSuchCentre_whenRequestRaised_thenUnknownRecord() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, "centre-none", HubRequestKind.REQUEST, "S", "B", COORDINATOR))
                    .expectException(UnknownRecord.class);
        }

        @Test
        void givenWithdrawnCentre_whenRequestRaised_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, WITHDRAWN_CENTRE, HubRequestKind.REQUEST, "S", "B", COORDINATOR))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is WITHDRAWN; a withdrawn centre cannot raise hub requests");
        }

        @Test
        void whenRaisedWithoutKind_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, CENTRE, null, "S", "B", COORDINATOR))
                    .expectException(InvalidField.named("kind"));
        }

        @Test
        void whenRaisedWithBlankSubject_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, CENTRE, HubRequestKind.REQUEST, "", "B", COORDINATOR))
                    .expectException(InvalidField.named("subject"));
        }

        @Test
        void whenRaisedWithSubjectOver200Characters_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(
                            REQUEST, CENTRE, HubRequestKind.REQUEST, "s".repeat(201), "B", COORDINATOR))
                    .expectException(InvalidField.named("subject"));
        }

        @Test
        void whenRaisedWithBlankBody_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, CENTRE, HubRequestKind.REQUEST, "S", " \n ", COORDINATOR))
                    .expectException(InvalidField.named("body"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Lost\u0000form", "Lost \u001B[2Jform", "Lost \u202Emrof", "Lost\nform"})
        void whenRaisedWithAControlOrOverrideInTheSubject_thenRefusedAndNothingRecorded(String subject) {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, CENTRE, HubRequestKind.REQUEST, subject, "B", COORDINATOR))
                    .expectException(InvalidField.named("subject"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Please\u0000send", "Please \u001B[2Jsend", "Please \u202Ednes"})
        void whenRaisedWithAControlOrOverrideInTheBody_thenRefusedAndNothingRecorded(String body) {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, CENTRE, HubRequestKind.REQUEST, "S", body, COORDINATOR))
                    .expectException(InvalidField.named("body"))
                    .expectNoEvents();
        }

        @Test
        void whenRaisedWithABodyOfSeveralLinesAndTabs_thenRaisedWithThem() {
            String body = "Dear IMI,\r\n\tplease send the form.\nThanks";
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, CENTRE, HubRequestKind.REQUEST, "S", body, COORDINATOR))
                    .expectEvents(
                            new HubRequestRaised(REQUEST, CENTRE, HubRequestKind.REQUEST, "S", body, COORDINATOR));
        }

        @Test
        void whenRaisedWithBodyOver5000Characters_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(
                            REQUEST, CENTRE, HubRequestKind.REQUEST, "S", "b".repeat(5001), COORDINATOR))
                    .expectException(InvalidField.named("body"));
        }

        @Test
        void whenRaisedWithoutCentre_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseHubRequest(REQUEST, null, HubRequestKind.REQUEST, "S", "B", COORDINATOR))
                    .expectException(InvalidField.named("centreId"));
        }
    }

    @Nested
    class ReplyToHubRequestSpec {

        @Test
        void givenOpenRequest_whenImiReplies_thenReplyOneIsRecordedAndReturned() {
            fixture.given(RAISED)
                    .when(new ReplyToHubRequest(REQUEST, CENTRE, " Form attached. ", true, IMI_ADMIN))
                    .expectEvents(new HubRequestReplied(REQUEST, CENTRE, 1, "Form attached.", true, IMI_ADMIN))
                    .expectResultMessagePayload(1);
        }

        @Test
        void givenTwoReplies_whenTheCentreReplies_thenReplyThreeIsRecordedAndReturned() {
            fixture.given(
                            RAISED,
                            new HubRequestReplied(REQUEST, CENTRE, 1, "Form attached.", true, IMI_ADMIN),
                            new HubRequestReplied(REQUEST, CENTRE, 2, "Which candidate?", true, IMI_ADMIN))
                    .when(new ReplyToHubRequest(REQUEST, CENTRE, "Candidate 1234", false, COORDINATOR))
                    .expectEvents(new HubRequestReplied(REQUEST, CENTRE, 3, "Candidate 1234", false, COORDINATOR))
                    .expectResultMessagePayload(3);
        }

        @Test
        void givenRequestOfTheCentre_whenRepliedThroughThatCentre_thenRecorded() {
            fixture.given(RAISED)
                    .when(new ReplyToHubRequest(REQUEST, CENTRE, "Form attached.", true, IMI_ADMIN))
                    .expectEvents(new HubRequestReplied(REQUEST, CENTRE, 1, "Form attached.", true, IMI_ADMIN))
                    .expectResultMessagePayload(1);
        }

        @Test
        void givenRequestOfOneCentre_whenRepliedThroughAnother_thenUnknown() {
            fixture.given(RAISED, new HubRequestClosed(REQUEST, CENTRE, "Done"))
                    .when(new ReplyToHubRequest(REQUEST, APPLIED_CENTRE, "Sneaky", false, "user-other"))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenClosedRequest_whenReplied_thenRefused() {
            fixture.given(RAISED, new HubRequestClosed(REQUEST, CENTRE, "Done"))
                    .when(new ReplyToHubRequest(REQUEST, CENTRE, "One more thing", false, COORDINATOR))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Hub request is CLOSED; only an OPEN request can be replied to");
        }

        @Test
        void givenOpenRequest_whenRepliedWithBlankBody_thenRefused() {
            fixture.given(RAISED)
                    .when(new ReplyToHubRequest(REQUEST, CENTRE, "   ", true, IMI_ADMIN))
                    .expectException(InvalidField.named("body"));
        }

        @Test
        void givenOpenRequest_whenRepliedWithBodyOver5000Characters_thenRefused() {
            fixture.given(RAISED)
                    .when(new ReplyToHubRequest(REQUEST, CENTRE, "b".repeat(5001), true, IMI_ADMIN))
                    .expectException(InvalidField.named("body"));
        }
    }

    @Nested
    class CloseHubRequestSpec {

        @Test
        void givenOpenRequest_whenClosed_thenClosed() {
            fixture.given(RAISED)
                    .when(new CloseHubRequest(REQUEST, CENTRE, " Form sent "))
                    .expectEvents(new HubRequestClosed(REQUEST, CENTRE, "Form sent"));
        }

        @Test
        void givenRequestOfTheCentre_whenClosedThroughThatCentre_thenClosed() {
            fixture.given(RAISED)
                    .when(new CloseHubRequest(REQUEST, CENTRE, "Form sent"))
                    .expectEvents(new HubRequestClosed(REQUEST, CENTRE, "Form sent"));
        }

        @Test
        void givenRequestOfOneCentre_whenClosedThroughAnother_thenUnknown() {
            fixture.given(RAISED)
                    .when(new CloseHubRequest(REQUEST, APPLIED_CENTRE, "Sneaky"))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenClosedRequest_whenClosedAgain_thenRefused() {
            fixture.given(RAISED, new HubRequestClosed(REQUEST, CENTRE, "Done"))
                    .when(new CloseHubRequest(REQUEST, CENTRE, "Again"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Hub request is CLOSED; only an OPEN request can be closed");
        }

        @Test
        void givenOpenRequest_whenClosedWithoutReason_thenRefused() {
            fixture.given(RAISED)
                    .when(new CloseHubRequest(REQUEST, CENTRE, null))
                    .expectException(InvalidField.named("reason"));
        }
    }
}
