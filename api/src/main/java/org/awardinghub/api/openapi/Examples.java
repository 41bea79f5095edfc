package org.awardinghub.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;

/**
 * A request and its answer for each of the main journeys (sign in, create a centre, register a candidate, start an
 * assessment, claim and verify a certificate), so that an integrator sees real values in their real forms: a
 * registration number of eight characters, a certificate number starting with C.
 */
final class Examples {

    private record Exchange(String status, String request, String response) {}

    private static final Map<String, Exchange> BY_OPERATION = Map.of(
            "authLogin",
            new Exchange("200", """
                    {"pin": "10000042", "password": "a long enough passphrase"}""", """
                    {"token": "q3Zt0d9W1mJ8bXo2cYv5nA", "expiresAt": "2026-12-06T18:40:00Z",
                     "idleTimeoutSeconds": 1800,
                     "user": {"userId": "3f0c6f3e-2b55-4c1e-9a55-0d6c2f1b7a10", "pin": "10000042",
                              "name": "Sam Example", "roles": ["CENTRE_COORDINATOR"],
                              "centreId": "8d5e2a4c-7f1b-4e0a-b7f3-1c9d2e6a4b58", "candidateId": null}}"""),
            "centreCreate",
            new Exchange("201", """
                    {"name": "Hertford Motor College", "address": "1 Workshop Lane, Hertford",
                     "contactEmail": "office@hertford-motor.example"}""", """
                    {"centreId": "8d5e2a4c-7f1b-4e0a-b7f3-1c9d2e6a4b58", "status": "APPLIED"}"""),
            "candidateRegister",
            new Exchange("201", """
                    {"firstName": "Alex", "lastName": "Morgan", "dateOfBirth": "2007-03-14",
                     "uln": "1234567890", "qualificationCode": "LV2-MAINT", "startDate": "2026-09-01"}""", """
                    {"candidateId": "5b1e7c3a-9d2f-4a6b-8e0c-2f4a6b8d0e1c", "registrationNumber": "K7RM2QXD",
                     "late": false}"""),
            "assessmentStart",
            new Exchange("200", """
                    {"registrationNumber": "K7RM2QXD", "accessKey": "HJ4PQ7WX"}""", """
                    {"attemptId": "0a7c9e1b-3d5f-4b7a-9c1e-3f5a7b9d1c2e", "attemptToken": "Vb8k2LmQ9xTz4RwN1sYe7c",
                     "endsAt": "2026-12-06T10:45:00Z",
                     "questions": [{"questionId": "LV2-U01-MCQ-Q007", "stem": "Which tool measures tyre tread depth?",
                                    "options": [{"optionId": "A", "text": "A tread depth gauge"},
                                                {"optionId": "B", "text": "A torque wrench"}]}]}"""),
            "certificationClaim",
            new Exchange("201", null, """
                    {"claimId": "c2d4f6a8-1b3d-4f5a-8c7e-9a1b3c5d7e9f", "status": "AWAITING_APPROVAL",
                     "certificateNumber": null}"""),
            "certificationVerify",
            new Exchange("200", null, """
                    {"valid": true, "certificateNumber": "C4HN7KQ2TW", "status": "VALID",
                     "qualificationCode": "LV2-MAINT",
                     "qualificationTitle": "Level 2 Certificate in Light Vehicle Maintenance",
                     "candidateName": "Alex Morgan", "issuedOn": "2026-11-20", "revokedOn": null}"""));

    private final ObjectMapper json;

    Examples(ObjectMapper json) {
        this.json = json;
    }

    /** The operation's examples, when it is one of the main journeys. */
    void add(Operation operation) {
        Exchange exchange = BY_OPERATION.get(operation.getOperationId());
        if (exchange == null) {
            return;
        }
        if (exchange.request() != null && operation.getRequestBody() != null) {
            example(operation.getRequestBody().getContent(), exchange.request());
        }
        ApiResponse answer = operation.getResponses().get(exchange.status());
        if (answer != null) {
            example(answer.getContent(), exchange.response());
        }
    }

    private void example(Content content, String value) {
        MediaType type = content == null ? null : content.get(OperationDocumentation.JSON);
        if (type == null) {
            return;
        }
        try {
            type.setExample(json.readValue(value, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example of the OpenAPI document is not JSON: " + value, e);
        }
    }
}
