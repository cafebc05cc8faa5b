package it.geres.client;

import java.io.IOException;

/**
 * A step of the request pipeline. The client's own steps are, from the outside in: ids and
 * context headers (request id, traceparent, Idempotency-Key, User-Agent, operator, workstation),
 * retries, your interceptors (called once per attempt), authentication, and the exchange itself.
 * <p>
 * An interceptor returns the answer of {@link Chain#proceed}, possibly after changing the call's
 * headers. It must not read tokens it has no business with: the {@code Authorization} header is
 * added after your interceptors run.
 */
@FunctionalInterface
public interface Interceptor {
    HttpResult intercept(Chain chain) throws IOException, InterruptedException;

    /** The rest of the pipeline. */
    interface Chain {
        HttpCall call();

        HttpResult proceed(HttpCall call) throws IOException, InterruptedException;
    }
}
