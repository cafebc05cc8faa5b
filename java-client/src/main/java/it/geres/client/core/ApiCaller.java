package it.geres.client.core;

import it.geres.client.ApiResponse;
import it.geres.client.RequestOptions;
import java.util.concurrent.CompletableFuture;

/** What the generated layer calls: one logical request, sent through the client core. */
public interface ApiCaller {
    <T> ApiResponse<T> execute(ApiRequest request, RequestOptions options, ResponseType<T> type);

    <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, RequestOptions options, ResponseType<T> type);
}
