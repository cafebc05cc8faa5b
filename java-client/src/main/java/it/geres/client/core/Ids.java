package it.geres.client.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Request ids, idempotency keys and W3C trace context. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TRACEPARENT = Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");

    private Ids() {
    }

    /** A random (version 4) UUID. */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** True for a {@code traceparent} the gateway accepts (not version ff, non-zero ids). */
    public static boolean isValidTraceparent(String value) {
        if (value == null) {
            return false;
        }
        Matcher m = TRACEPARENT.matcher(value);
        return m.matches() && !"ff".equals(m.group(1)) && !m.group(2).matches("0+") && !m.group(3).matches("0+");
    }

    /** A new sampled trace: {@code 00-<trace-id>-<parent-id>-01}. */
    public static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] parent = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(parent);
        trace[15] |= 1; // never all zeros
        parent[7] |= 1;
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(parent) + "-01";
    }
}
