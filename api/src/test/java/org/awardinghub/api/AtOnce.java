package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.awardinghub.api.HttpClientForTests.Response;

/**
 * Requests sent at the same moment, as many users pressing the same button at once: each on a thread of its own,
 * all held until every one is ready, then released together.
 */
public final class AtOnce {

    private static final long ANSWER_WITHIN_SECONDS = 60;

    private AtOnce() {}

    /** The answers to {@code senders} requests, in the order sent; {@code request} is given the sender's number. */
    public static <T> List<T> send(int senders, IntFunction<T> request) {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch ready = new CountDownLatch(senders);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> sent = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                int sender = i;
                sent.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(sender);
                }));
            }
            if (!ready.await(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The senders did not get ready");
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : sent) {
                answers.add(answer.get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("A request sent at once failed to answer", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The answers of requests of which only one may be made: exactly one has the {@code made} status, and every other
     * is a 409 problem (RFC 9457) saying why, never a 500. Answers the one made.
     */
    public static Response oneMadeAndTheRestConflicts(List<Response> answers, int made) {
        List<Response> madeOnes =
                answers.stream().filter(answer -> answer.status() == made).toList();
        assertThat(madeOnes).as("%s", answers).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() != made))
                .as("%s", answers)
                .hasSize(answers.size() - 1)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
                    assertThat(refused.contentType()).startsWith("application/problem+json");
                    assertThat(refused.json().get("status").asInt()).isEqualTo(409);
                    assertThat(refused.json().get("title").asText()).isNotBlank();
                    assertThat(refused.json().get("detail").asText()).isNotBlank();
                });
        return madeOnes.get(0);
    }
}
