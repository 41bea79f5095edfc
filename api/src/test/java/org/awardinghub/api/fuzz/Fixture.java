package org.awardinghub.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.Outbox;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.files.SampleFiles;

/**
 * What the fuzzing starts from, made through the API as users would: a qualification, a centre with a user of each
 * role, another centre with its coordinator, IMI staff, a registered candidate with an account of their own, a
 * candidate sitting an attempt, a library document. Requests use their tokens and, often, their ids, so that they
 * get past access and lookups to the checks of what they send. A separate centre user is the one whose record
 * {@code /api/users/{userId}} requests change, so that the callers keep their own accounts.
 */
final class Fixture {

    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final Map<Caller, String> pins = new EnumMap<>(Caller.class);
    private final HttpClientForTests http;

    private Fixture(HttpClientForTests http) {
        this.http = http;
    }

    static Fixture create(RunningApplication app) {
        HttpClientForTests http = app.http();
        Fixture fixture = new Fixture(http);
        String admin = fixture.signIn(ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
        fixture.tokens.put(Caller.IMI_ADMIN, admin);
        fixture.pins.put(Caller.IMI_ADMIN, ApplicationTest.ADMIN_PIN);
        AssessmentSteps steps = new AssessmentSteps(http, admin, app.dataDir());

        AssessmentSteps.Qualification qualification = steps.publish(60);
        String centre = steps.centre(qualification.code());
        String otherCentre = steps.centre(qualification.code());
        fixture.staff(steps, Caller.COORDINATOR, centre, "CENTRE_COORDINATOR");
        fixture.staff(steps, Caller.CENTRE_ADMIN, centre, "CENTRE_ADMIN");
        fixture.staff(steps, Caller.INVIGILATOR, centre, "INVIGILATOR");
        fixture.staff(steps, Caller.ASSESSOR, centre, "ASSESSOR");
        fixture.staff(steps, Caller.IQA, centre, "IQA");
        fixture.staff(steps, Caller.OTHER_CENTRE, otherCentre, "CENTRE_COORDINATOR");
        fixture.auditor(admin, app);
        fixture.tokens.put(Caller.STRANGER, "x".repeat(43));

        var changed = http.post(
                "/api/centres/" + centre + "/users",
                admin,
                Map.of(
                        "name",
                        "Changed By Fuzzing",
                        "email",
                        "changed-" + AssessmentSteps.unique() + "@centre.example",
                        "roles",
                        List.of("CENTRE_ADMIN")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);

        String coordinator = fixture.tokens.get(Caller.COORDINATOR);
        AssessmentSteps.Candidate registered = steps.register(coordinator, centre, qualification.code());
        AssessmentSteps.Candidate sitting = steps.register(coordinator, centre, qualification.code());
        AssessmentSteps.Staff learner = steps.candidateAccount(coordinator, registered.candidateId());
        fixture.tokens.put(Caller.LEARNER, learner.token());
        fixture.pins.put(Caller.LEARNER, learner.pin());

        JsonNode opened = steps.opened(
                fixture.tokens.get(Caller.INVIGILATOR), sitting.candidateId(), qualification.assessmentCode());
        JsonNode started = steps.started(
                sitting.registrationNumber(), opened.get("accessKey").asText());
        fixture.tokens.put(Caller.CANDIDATE, started.get("attemptToken").asText());
        List<String> questions = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (JsonNode question : started.get("questions")) {
            questions.add(question.get("questionId").asText());
            question.get("options")
                    .forEach(option -> options.add(option.get("optionId").asText()));
        }

        var document = new MultipartForm()
                .field("title", "Fuzzing guidance")
                .field("kind", "SPECIFICATION")
                .field("qualificationCode", "LV2-MAINT")
                .file("guidance.pdf", SampleFiles.pdf("Guidance"))
                .post(http, "/api/library/documents", admin);
        assertThat(document.status()).as(document.toString()).isEqualTo(201);

        fixture.ids.put("centreId", List.of(centre, otherCentre));
        fixture.ids.put("toCentreId", List.of(centre, otherCentre));
        fixture.ids.put("candidateId", List.of(registered.candidateId(), sitting.candidateId()));
        fixture.ids.put("registrationNumber", List.of(registered.registrationNumber(), sitting.registrationNumber()));
        fixture.ids.put("userId", List.of(changed.json().get("userId").asText()));
        fixture.ids.put("attemptId", List.of(started.get("attemptId").asText()));
        fixture.ids.put("questionId", questions);
        fixture.ids.put("optionId", options);
        fixture.ids.put("code", List.of(qualification.code(), "LV2-MAINT"));
        fixture.ids.put("qualificationCode", List.of(qualification.code(), "LV2-MAINT"));
        fixture.ids.put("assessmentCode", List.of(qualification.assessmentCode()));
        fixture.ids.put("unitCode", List.of(qualification.code() + "-U1"));
        fixture.ids.put("documentId", List.of(document.json().get("documentId").asText()));
        fixture.ids.put("version", List.of("1", "2"));
        fixture.ids.put("type", List.of("centre", "user", "candidate", "attempt", "claim"));
        fixture.ids.put("kind", List.of("SPECIFICATION", "KEY_DOCUMENT"));
        fixture.ids.put("pin", List.copyOf(fixture.pins.values()));
        fixture.ids.put("email", List.of("someone@centre.example"));
        fixture.ids.put("password", List.of(ApplicationTest.GOOD_PASSWORD));
        List<String> every = new ArrayList<>();
        List.of("centreId", "candidateId", "userId", "attemptId", "documentId")
                .forEach(name -> every.addAll(fixture.ids.get(name)));
        fixture.ids.put("id", List.copyOf(every));
        return fixture;
    }

    private void staff(AssessmentSteps steps, Caller caller, String centreId, String role) {
        AssessmentSteps.Staff user = steps.user(centreId, role);
        tokens.put(caller, user.token());
        pins.put(caller, user.pin());
    }

    private void auditor(String admin, RunningApplication app) {
        String email = "auditor-" + AssessmentSteps.unique() + "@imi.example";
        var created = http.post(
                "/api/users", admin, Map.of("name", "Audra Auditor", "email", email, "roles", List.of("AUDITOR")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var activated = http.post(
                "/api/auth/activate",
                null,
                Map.of(
                        "token",
                        Outbox.token(http, admin, app.dataDir(), email),
                        "password",
                        ApplicationTest.GOOD_PASSWORD));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(204);
        String pin = created.json().get("pin").asText();
        tokens.put(Caller.AUDITOR, signIn(pin, ApplicationTest.GOOD_PASSWORD));
        pins.put(Caller.AUDITOR, pin);
    }

    private String signIn(String pin, String password) {
        var signedIn = http.post("/api/auth/login", null, Map.of("pin", pin, "password", password));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        return signedIn.json().get("token").asText();
    }

    /** The caller's bearer token, or null for nobody. */
    String token(Caller caller) {
        return tokens.get(caller);
    }

    /**
     * After a request signed the caller out (a fuzzed logout that was a valid one), a new session, so that the
     * rest of the run keeps the caller; the candidate's attempt token and a stranger's are not sessions.
     */
    void signInAgain(Caller caller) {
        String pin = pins.get(caller);
        if (pin == null) {
            return;
        }
        var signedIn = http.post(
                "/api/auth/login",
                null,
                Map.of(
                        "pin",
                        pin,
                        "password",
                        caller == Caller.IMI_ADMIN ? ApplicationTest.ADMIN_PASSWORD : ApplicationTest.GOOD_PASSWORD));
        if (signedIn.status() == 200) {
            tokens.put(caller, signedIn.json().get("token").asText());
        }
    }

    /** Ids and values of the fixture that a path variable, query parameter or body field of this name takes. */
    List<String> known(String name) {
        return ids.getOrDefault(name, List.of());
    }
}
