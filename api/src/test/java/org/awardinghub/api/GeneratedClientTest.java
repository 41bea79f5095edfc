package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.client.api.AuthApi;
import org.awardinghub.client.api.CandidateApi;
import org.awardinghub.client.api.CentreApi;
import org.awardinghub.client.api.OutboxApi;
import org.awardinghub.client.api.TokenApi;
import org.awardinghub.client.api.UserApi;
import org.awardinghub.client.invoker.ApiClient;
import org.awardinghub.client.invoker.ApiException;
import org.awardinghub.client.model.Amendment;
import org.awardinghub.client.model.Approval;
import org.awardinghub.client.model.CandidateView;
import org.awardinghub.client.model.CentreApplication;
import org.awardinghub.client.model.CreateUserRequest;
import org.awardinghub.client.model.LoginRequest;
import org.awardinghub.client.model.NewCandidate;
import org.awardinghub.client.model.Registered;
import org.awardinghub.client.model.SetPasswordRequest;
import org.junit.jupiter.api.Test;

/**
 * An integrator's journey with nothing but the Java client the build generates from the committed {@code
 * docs/openapi.json} (ADR 0152): if the document and the server part ways, the client's calls or its reading of the
 * answers fail here. The IMI admin signs in through the OAuth token endpoint, opens and approves a centre and adds its
 * coordinator; the coordinator activates their account, signs in, registers a candidate, reads and amends them, and
 * is refused what is not theirs, as an {@link ApiException} whose problem body can be read.
 */
class GeneratedClientTest extends ApplicationTest {

    private static final Pattern TOKEN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenOnlyTheGeneratedClient_whenAnIntegratorRegistersAndAmendsACandidate_thenEveryStepWorks()
            throws Exception {
        Hub admin = new Hub();
        admin.signInWithToken(ADMIN_PIN, ADMIN_PASSWORD);
        assertThat(admin.me()).isEqualTo(ADMIN_PIN);

        String centreId = admin.createCentre("Centre " + unique(), "office@" + unique() + ".example");
        admin.approve(centreId, "LV2-MAINT");
        String email = "coordinator-" + unique() + "@centre.example";
        String coordinatorPin = admin.addCentreUser(centreId, "Cora Ordinator", email);
        Hub coordinator = new Hub();
        coordinator.activate(admin.activationToken(email), GOOD_PASSWORD);
        coordinator.signIn(coordinatorPin, GOOD_PASSWORD);
        Registered registered = coordinator.register(centreId, "Robin", "Generated", "LV2-MAINT");
        assertThat(registered.getRegistrationNumber()).isNotBlank();

        CandidateView read = coordinator.awaitCandidate(registered.getCandidateId(), view -> true);
        assertThat(read.getFirstName()).isEqualTo("Robin");
        assertThat(read.getLastName()).isEqualTo("Generated");
        assertThat(read.getDateOfBirth()).isEqualTo(LocalDate.of(2005, 4, 3));
        assertThat(read.getCentreId()).isEqualTo(centreId);

        coordinator.amendLastName(
                registered.getCandidateId(), read.getVersion(), "Regenerated", "Married name, certificate seen");
        CandidateView amended = coordinator.awaitCandidate(
                registered.getCandidateId(), view -> "Regenerated".equals(view.getLastName()));
        assertThat(amended.getFirstName()).isEqualTo("Robin");
        assertThat(amended.getVersion()).isGreaterThan(read.getVersion());

        ApiException stale = catchThrowableOfType(
                ApiException.class,
                () -> coordinator.amendLastName(
                        registered.getCandidateId(), read.getVersion(), "Overwritten", "Typed from an old page"));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(JSON.readTree(stale.getResponseBody()).get("currentVersion").asLong())
                .isEqualTo(amended.getVersion());

        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> coordinator.approve(centreId, "LV2-MAINT"));
        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("title").asText()).isEqualTo("Not allowed");
        assertThat(problem.get("detail").asText()).contains("IMI_ADMIN");

        ApiException invalid = catchThrowableOfType(
                ApiException.class,
                () -> coordinator.amendLastName(registered.getCandidateId(), amended.getVersion(), "Someone", " "));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.getResponseBody())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("reason");
    }

    /**
     * Every generated operation this test calls, in one place: their names come from the document's operation ids, so
     * a renamed operation is renamed here alone. One client of the running application per user, sending their
     * bearer token once they have signed in.
     */
    private final class Hub {

        private final ApiClient client = new ApiClient();
        private String token;

        Hub() {
            client.updateBaseUri("http://localhost:" + port);
            client.setRequestInterceptor(request -> {
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
            });
        }

        void signInWithToken(String pin, String password) throws ApiException {
            var answer = new TokenApi(client).tokenGrant("password", password, pin, null);
            assertThat(answer.getTokenType()).isEqualTo("bearer");
            token = answer.getAccessToken();
        }

        void signIn(String pin, String password) throws ApiException {
            token = new AuthApi(client)
                    .authLogin(new LoginRequest().pin(pin).password(password))
                    .getToken();
        }

        void activate(String activationToken, String password) throws ApiException {
            new AuthApi(client)
                    .authActivate(
                            new SetPasswordRequest().token(activationToken).password(password));
        }

        String me() throws ApiException {
            return new UserApi(client).userMe().getPin();
        }

        String createCentre(String name, String contactEmail) throws ApiException {
            return new CentreApi(client)
                    .centreCreate(new CentreApplication()
                            .name(name)
                            .address("1 Workshop Lane, Hertford")
                            .contactEmail(contactEmail))
                    .getCentreId();
        }

        void approve(String centreId, String qualificationCode) throws ApiException {
            new CentreApi(client)
                    .centreApprove(
                            centreId,
                            new Approval()
                                    .qualificationCodes(List.of(qualificationCode))
                                    .directClaimStatus(false));
        }

        /** Answers the new user's PIN. */
        String addCentreUser(String centreId, String name, String email) throws ApiException {
            return new UserApi(client)
                    .userCreateCentreUser(
                            centreId,
                            new CreateUserRequest()
                                    .name(name)
                                    .email(email)
                                    .roles(Set.of(CreateUserRequest.RolesEnum.CENTRE_COORDINATOR)))
                    .getPin();
        }

        /** The link of the newest email to the address: the outbox names its file, read as its addressee would. */
        String activationToken(String email) throws ApiException {
            var sent = new OutboxApi(client).outboxSent(email, null, null);
            assertThat(sent).as("emails to " + email).isNotEmpty();
            Matcher link =
                    TOKEN_LINK.matcher(Outbox.message(DATA_DIR, sent.get(0).getFile()));
            assertThat(link.find()).as("a link in the email to " + email).isTrue();
            return link.group(1);
        }

        Registered register(String centreId, String firstName, String lastName, String qualificationCode)
                throws ApiException {
            return new CandidateApi(client)
                    .candidateRegister(
                            centreId,
                            new NewCandidate()
                                    .firstName(firstName)
                                    .lastName(lastName)
                                    .dateOfBirth(LocalDate.of(2005, 4, 3))
                                    .qualificationCode(qualificationCode));
        }

        /** The candidate as read, once it shows what was asked: the read side follows the events a moment later. */
        CandidateView awaitCandidate(String candidateId, java.util.function.Predicate<CandidateView> until) {
            CandidateView[] last = new CandidateView[1];
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        try {
                            last[0] = new CandidateApi(client).candidateCandidate(candidateId, null, null);
                            return until.test(last[0]);
                        } catch (ApiException e) {
                            if (e.getCode() != 404) {
                                throw e;
                            }
                            return false;
                        }
                    });
            return last[0];
        }

        /** Amends the last name, as the coordinator who saw the candidate at {@code version} (its ETag). */
        void amendLastName(String candidateId, long version, String lastName, String reason) throws ApiException {
            new CandidateApi(client)
                    .candidateAmend(
                            candidateId,
                            new Amendment()
                                    .field(Amendment.FieldEnum.LAST_NAME)
                                    .value(lastName)
                                    .reason(reason),
                            "\"" + version + "\"");
        }
    }
}
