package org.awardinghub.api.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;

/** The Centres Hub over HTTP: the centre's lifecycle, who may do what, hub requests and the catalogue. */
class CentresHubTest extends ApplicationTest {

    @Test
    void givenCentresOfSeveralStatuses_whenListedByStatusAndWords_thenTheServerFiltersAndPagesThem() {
        String admin = adminToken();
        String tag = "Filterable" + unique();
        List<String> approved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            approved.add(approvedCentre(admin));
            http.put(
                    "/api/centres/" + approved.get(i) + "/details",
                    admin,
                    Map.of(
                            "name",
                            tag + " Motors " + i,
                            "address",
                            "1 Workshop Lane, Hertford",
                            "contactEmail",
                            "office@" + unique() + ".example",
                            "reason",
                            "Renamed"));
        }
        http.post("/api/centres/" + approved.get(2) + "/suspend", admin, Map.of("reason", "Spot check"));
        String coordinator = activeUser(admin, admin, approved.get(0), null, "CENTRE_COORDINATOR");
        String words = "/api/centres?q=" + tag.toLowerCase() + "%20motors";

        var all = awaitJson(
                words,
                admin,
                json -> json.get("total").asInt() == 3 && json.toString().contains("SUSPENDED"));
        assertThat(all.get("items").findValuesAsText("name"))
                .containsExactly(tag + " Motors 0", tag + " Motors 1", tag + " Motors 2");
        var approvedOnly = http.get(words + "&status=APPROVED&size=1", admin).json();
        assertThat(approvedOnly.get("total").asInt()).isEqualTo(2);
        assertThat(approvedOnly.get("items")).hasSize(1);
        assertThat(approvedOnly.get("items").get(0).get("name").asText()).isEqualTo(tag + " Motors 0");
        assertThat(http.get(words + "&status=APPROVED&size=1&page=1", admin)
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo(tag + " Motors 1");
        assertThat(http.get(words + "&status=SUSPENDED", admin)
                        .json()
                        .get("items")
                        .findValuesAsText("centreId"))
                .containsExactly(approved.get(2));
        String number = awaitJson("/api/centres/" + approved.get(1), admin, json -> json.hasNonNull("centreNumber"))
                .get("centreNumber")
                .asText();
        assertThat(http.get("/api/centres?q=" + number, admin)
                        .json()
                        .get("items")
                        .findValuesAsText("centreId"))
                .as("by centre number")
                .containsExactly(approved.get(1));
        assertThat(http.get("/api/centres?status=SUSPENDED&q=" + tag, coordinator)
                        .json()
                        .get("total")
                        .asInt())
                .as("a centre user sees only their own centre, filtered alike")
                .isZero();
        assertThat(http.get("/api/centres?q=" + tag, coordinator)
                        .json()
                        .get("items")
                        .findValuesAsText("centreId"))
                .containsExactly(approved.get(0));

        var unknownStatus = http.get("/api/centres?status=OPEN", admin);
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().get("errors").get(0).get("field").asText())
                .isEqualTo("status");
        assertThat(http.get("/api/centres?size=201", admin).status()).isEqualTo(400);
        assertThat(http.get("/api/centres?q=" + "x".repeat(101), admin).status())
                .isEqualTo(400);
        assertThat(http.get("/api/centres?q=.*%5B(", admin).status())
                .as("regular-expression characters are taken literally")
                .isEqualTo(200);
    }

    @Test
    void givenACentresUsers_whenListedWithPaging_thenAnArrayPageAndTheTotalInTheHeader() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String otherCoordinator = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_COORDINATOR");
        addNamedUser(admin, centreId, "Bea Second", "CENTRE_ADMIN");
        addNamedUser(admin, centreId, "Cas Third", "INVIGILATOR");
        String users = "/api/centres/" + centreId + "/users";

        var whole = awaitJson(users, coordinator, json -> json.size() == 3);
        assertThat(whole.findValuesAsText("name")).containsExactly("Bea Second", "Cas Third", "Sam Example");
        assertThat(http.get(users, coordinator).header("X-Total-Count")).isEqualTo("3");
        var second = http.get(users + "?page=1&size=2", coordinator);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().isArray()).isTrue();
        assertThat(second.json().findValuesAsText("name")).containsExactly("Sam Example");
        assertThat(second.header("X-Total-Count")).isEqualTo("3");
        assertThat(http.get(users + "?size=2", admin).json().findValuesAsText("name"))
                .containsExactly("Bea Second", "Cas Third");
        assertThat(http.get(users + "?size=2", otherCoordinator).status()).isEqualTo(404);
        var tooBig = http.get(users + "?size=500", coordinator);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").get(0).get("field").asText()).isEqualTo("size");

        var staff = http.get("/api/users?size=1", admin);
        assertThat(staff.json()).hasSize(1);
        assertThat(Integer.parseInt(staff.header("X-Total-Count"))).isPositive();
        assertThat(http.get("/api/users?page=-1", admin).status()).isEqualTo(400);
        assertPagesOfOne("/api/qualifications", admin, 2);
    }

    @Test
    void givenApprovedCentre_whenSuspendedReinstatedWithdrawn_thenIllegalStepsAre409() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String path = "/api/centres/" + centreId;

        assertThat(http.post(
                                path + "/approve",
                                admin,
                                Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false))
                        .status())
                .as("approve twice")
                .isEqualTo(409);
        assertThat(http.post(path + "/reinstate", admin, Map.of("reason", "r")).status())
                .isEqualTo(409);
        assertThat(http.post(path + "/suspend", admin, Map.of("reason", "Late claims audit"))
                        .status())
                .isEqualTo(200);
        awaitJson(path, admin, json -> "SUSPENDED".equals(json.path("status").asText()));
        var twice = http.post(path + "/suspend", admin, Map.of("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).containsIgnoringCase("SUSPENDED");
        assertThat(http.post(path + "/reinstate", admin, Map.of("reason", "Audit closed"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(path + "/withdraw", admin, Map.of("reason", "Centre closed"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(path + "/reinstate", admin, Map.of("reason", "r")).status())
                .isEqualTo(409);
        awaitJson(path, admin, json -> "WITHDRAWN".equals(json.path("status").asText()));
    }

    @Test
    void givenTenCentresApplied_whenAllApprovedAtTheSameMoment_thenEachGetsItsOwnNumber() throws Exception {
        String admin = adminToken();
        List<String> centreIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            centreIds.add(http.post(
                            "/api/centres",
                            admin,
                            Map.of(
                                    "name",
                                    "Same Day " + unique(),
                                    "address",
                                    "1 Rush Road",
                                    "contactEmail",
                                    "office@" + unique() + ".example"))
                    .json()
                    .get("centreId")
                    .asText());
        }
        ExecutorService approvers = Executors.newFixedThreadPool(centreIds.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpClientForTests.Response>> approvals = new ArrayList<>();
            for (String centreId : centreIds) {
                approvals.add(approvers.submit(() -> {
                    go.await();
                    return http.post(
                            "/api/centres/" + centreId + "/approve",
                            admin,
                            Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false));
                }));
            }
            go.countDown();
            Set<String> numbers = new HashSet<>();
            for (Future<HttpClientForTests.Response> approval : approvals) {
                HttpClientForTests.Response approved = approval.get(60, TimeUnit.SECONDS);
                assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
                numbers.add(approved.json().get("centreNumber").asText());
            }
            assertThat(numbers).hasSize(centreIds.size());
        } finally {
            approvers.shutdownNow();
        }
    }

    @Test
    void givenApprovedCentre_whenDcsQualificationsAndSanctionsChanged_thenProfileShowsThem() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String path = "/api/centres/" + centreId;

        assertThat(http.put(path + "/direct-claim-status", admin, Map.of("granted", true, "reason", "Good record"))
                        .status())
                .isEqualTo(200);
        assertThat(http.put(path + "/direct-claim-status", admin, Map.of("granted", true, "reason", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(http.post(
                                path + "/qualifications",
                                admin,
                                Map.of("qualificationCode", "VBR2-REP", "reason", "Body shop opened"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(path + "/qualifications", admin, Map.of("qualificationCode", "NOPE-1", "reason", "typo"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                path + "/sanctions",
                                admin,
                                Map.of("sanction", "CERTIFICATION", "reason", "Claims under review"))
                        .status())
                .isEqualTo(200);

        var profile = awaitJson(path, admin, json -> json.path("sanctions").size() == 1);
        assertThat(profile.get("directClaimStatus").asBoolean()).isTrue();
        assertThat(profile.get("qualificationCodes").toString()).contains("VBR2-REP", "LV2-MAINT");
        assertThat(profile.get("sanctions").get(0).asText()).isEqualTo("CERTIFICATION");

        assertThat(http.post(path + "/sanctions/CERTIFICATION/lift", admin, Map.of("reason", "Review closed"))
                        .status())
                .isEqualTo(200);
        awaitJson(path, admin, json -> json.path("sanctions").isEmpty());
    }

    @Test
    void givenAuditorAndCentreStaff_whenTheyTryImiActions_thenRefused() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        String centreAdmin = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");

        awaitJson("/api/centres/" + centreId, auditor, json -> json.has("centreNumber"));
        assertThat(http.get("/api/centres/" + centreId + "/users", auditor).status())
                .isEqualTo(200);
        assertThat(http.post(
                                "/api/centres",
                                auditor,
                                Map.of("name", "N", "address", "A", "contactEmail", "a@b.example"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/centres/" + centreId + "/suspend", auditor, Map.of("reason", "r"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/users",
                                auditor,
                                Map.of("name", "N", "email", "n@b.example", "roles", List.of("CENTRE_ADMIN")))
                        .status())
                .isEqualTo(403);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/requests",
                                auditor,
                                Map.of("kind", "REQUEST", "subject", "s", "body", "b"))
                        .status())
                .isEqualTo(403);

        assertThat(http.post("/api/centres/" + centreId + "/suspend", centreAdmin, Map.of("reason", "r"))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/centres/" + centreId + "/users", centreAdmin).status())
                .as("only the coordinator manages users")
                .isEqualTo(403);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/users",
                                centreAdmin,
                                Map.of("name", "N", "email", "n@b.example", "roles", List.of("CENTRE_ADMIN")))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/outbox", centreAdmin).status()).isEqualTo(403);
        assertThat(http.get("/api/outbox", auditor).status()).isEqualTo(403);
        assertThat(http.post(
                                "/api/users",
                                centreAdmin,
                                Map.of("name", "N", "email", "n@b.example", "roles", List.of("IMI_ADMIN")))
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/qualifications", centreAdmin, Map.of()).status())
                .isIn(400, 403);
    }

    @Test
    void givenCoordinator_whenAddingImiRoleOrDuplicateEmail_thenRefused() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");

        assertThat(http.post(
                                "/api/centres/" + centreId + "/users",
                                coordinator,
                                Map.of("name", "N", "email", "n@b.example", "roles", List.of("IMI_ADMIN")))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/users",
                                coordinator,
                                Map.of(
                                        "name",
                                        "Ann",
                                        "email",
                                        "ann@centre.example",
                                        "roles",
                                        List.of("ASSESSOR", "IQA")))
                        .status())
                .isEqualTo(201);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/users",
                                coordinator,
                                Map.of(
                                        "name",
                                        "Ann Again",
                                        "email",
                                        "ANN@centre.example",
                                        "roles",
                                        List.of("ASSESSOR")))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void givenCentreRaisesRequest_whenImiRepliesAndCloses_thenBothSeeTheThread() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String centreAdmin = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");
        String otherCentreUser = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_COORDINATOR");

        var raised = http.post(
                "/api/centres/" + centreId + "/requests",
                centreAdmin,
                Map.of(
                        "kind",
                        "REQUEST",
                        "subject",
                        "Extra assessment slots",
                        "body",
                        "We need 10 extra online assessment slots in June."));
        assertThat(raised.status()).isEqualTo(201);
        String requestId = raised.json().get("requestId").asText();
        String thread = "/api/centres/" + centreId + "/requests/" + requestId;

        var reply = http.post(thread + "/replies", admin, Map.of("body", "Granted for June."));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("replyNumber").asInt()).isEqualTo(1);
        assertThat(http.post(thread + "/close", admin, Map.of("reason", "Resolved"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(thread + "/replies", centreAdmin, Map.of("body", "Thanks"))
                        .status())
                .isEqualTo(409);

        var seen = awaitJson(
                thread, centreAdmin, json -> "CLOSED".equals(json.path("status").asText()));
        assertThat(seen.get("replies").get(0).get("body").asText()).isEqualTo("Granted for June.");
        assertThat(seen.get("replies").get(0).get("fromImi").asBoolean()).isTrue();
        var list = awaitJson(
                "/api/centres/" + centreId + "/requests",
                admin,
                json -> json.path("total").asInt() == 1);
        assertThat(list.get("items").get(0).get("subject").asText()).isEqualTo("Extra assessment slots");
        assertThat(list.get("items").get(0).get("raisedByName").asText())
                .as("the name beside the id")
                .isEqualTo("Sam Example");
        assertThat(seen.get("replies").get(0).get("repliedByName").asText())
                .isEqualTo(http.get("/api/me", admin).json().get("name").asText());
        String centreRequests = "/api/centres/" + centreId + "/requests?status=";
        assertThat(http.get(centreRequests + "OPEN", centreAdmin)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http.get(centreRequests + "CLOSED", centreAdmin)
                        .json()
                        .get("items")
                        .findValuesAsText("requestId"))
                .containsExactly(requestId);
        assertThat(http.get(centreRequests + "MAYBE", centreAdmin)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("status");

        var inbox = awaitJson(
                "/api/requests?status=CLOSED&size=200",
                admin,
                json -> json.path("items").findValuesAsText("requestId").contains(requestId));
        assertThat(inbox.get("total").asInt()).isPositive();
        assertThat(http.get("/api/requests?status=MAYBE", admin).status()).isEqualTo(400);

        assertThat(http.get(thread, otherCentreUser).status()).isEqualTo(404);
        String otherCentreId =
                http.get("/api/me", otherCentreUser).json().get("centreId").asText();
        assertThat(http.get("/api/centres/" + otherCentreId + "/requests/" + requestId, otherCentreUser)
                        .status())
                .as("another centre's request through one's own centre path")
                .isEqualTo(404);
        assertThat(http.post(
                                "/api/centres/" + otherCentreId + "/requests/" + requestId + "/replies",
                                otherCentreUser,
                                Map.of("body", "sneaky"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenSampleCatalogue_whenRead_thenThreeQualificationsWithoutAnswerKeys() {
        String token = adminToken();
        var list = awaitJson("/api/qualifications", token, json -> json.size() >= 3);
        assertThat(list.findValuesAsText("code")).contains("LV2-MAINT", "MC2-MAINT", "VBR2-REP");
        var one = http.get("/api/qualifications/LV2-MAINT", token);
        assertThat(one.json().get("assessments").get(0).get("questionCount").asInt())
                .isPositive();
        assertThat(one.json().get("assessments").get(0).get("passPercent").asInt())
                .isBetween(1, 100);
        assertThat(one.toString())
                .doesNotContain("correctOption")
                .doesNotContain("\"stem\"")
                .doesNotContain("\"items\"")
                .doesNotContain("\"options\"");
    }

    @Test
    void givenImiAdmin_whenPublishingQualificationAndChangingPassMark_thenCatalogueShowsIt() {
        String admin = adminToken();
        String code = "TST-" + unique().toUpperCase();
        var items = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> Map.of(
                        "stem",
                        "Question " + i + "?",
                        "options",
                        List.of("Yes", "No", "Maybe"),
                        "correctOption",
                        i % 3))
                .toList();
        var definition = Map.of(
                "code",
                code,
                "title",
                "Test qualification",
                "level",
                2,
                "units",
                List.of(Map.of("code", code + "-U1", "title", "Unit one")),
                "assessments",
                List.of(Map.of(
                        "code",
                        code + "-A1",
                        "title",
                        "Unit one test",
                        "unitCode",
                        code + "-U1",
                        "questionCount",
                        3,
                        "durationMinutes",
                        20,
                        "passPercent",
                        60,
                        "items",
                        items)));
        var published = http.post("/api/qualifications", admin, definition);
        assertThat(published.status()).isEqualTo(201);
        assertThat(published.header("Location")).endsWith("/api/qualifications/" + code);
        assertThat(http.post("/api/qualifications", admin, definition).status()).isEqualTo(409);

        assertThat(http.put(
                                "/api/qualifications/" + code + "/assessments/" + code + "-A1/pass-mark",
                                admin,
                                Map.of("passPercent", 70, "reason", "Standardisation meeting 2026-11"))
                        .status())
                .isEqualTo(200);
        var seen = awaitJson(
                "/api/qualifications/" + code,
                admin,
                json -> json.path("assessments").path(0).path("passPercent").asInt() == 70);
        assertThat(seen.get("assessments").get(0).get("questionCount").asInt()).isEqualTo(3);
    }
}
