package org.awardinghub.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.awardinghub.query.Page;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Asks the read models through Axon's query bus, with the answer types the API expects. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Optional<R> one(Object query, Class<R> type) {
        return Optional.ofNullable(
                await(() -> gateway.query(query, ResponseTypes.instanceOf(type)).join()));
    }

    public <R> List<R> many(Object query, Class<R> type) {
        return await(() ->
                gateway.query(query, ResponseTypes.multipleInstancesOf(type)).join());
    }

    @SuppressWarnings("unchecked")
    public <R> Page<R> page(Object query, Class<R> itemType) {
        return await(() -> (Page<R>)
                gateway.query(query, ResponseTypes.instanceOf(Page.class)).join());
    }

    private static <T> T await(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
