package org.awardinghub.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.awardinghub.query.candidate.CandidateSearchNotReady;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemResponsesTest {

    @Test
    void givenCandidateSearchStillLoading_whenAnswered_then503WithRetryAfterAndTheReason() {
        ResponseEntity<ProblemDetail> answer = new ProblemResponses()
                .searchNotReady(new CandidateSearchNotReady("Candidate search is still loading after the start"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getTitle()).isEqualTo("Not ready yet");
        assertThat(answer.getBody().getDetail()).contains("still loading");
    }
}
