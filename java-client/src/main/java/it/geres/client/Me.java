package it.geres.client;

import it.geres.client.generated.api.MeApi;
import it.geres.client.generated.model.Usage;
import java.util.concurrent.CompletableFuture;

/** The caller: {@code GeResClient.me()}. */
public final class Me {
    private final MeApi api;

    Me(MeApi api) {
        this.api = api;
    }

    /** Your lookups today against your daily quota ({@code GET /v1/me/usage}). */
    public Usage usage() {
        return api.getMyUsage();
    }

    public Usage usage(RequestOptions options) {
        return api.getMyUsage(options);
    }

    public CompletableFuture<Usage> usageAsync() {
        return api.getMyUsageAsync(RequestOptions.none());
    }
}
