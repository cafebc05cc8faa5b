package it.geres.client;

import java.time.Duration;

/** How the client waits between retries; tests replace it to run without waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
