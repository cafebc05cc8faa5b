package it.geres.client;

import java.util.Objects;

/**
 * The workstation calls come from.
 *
 * @param code        the workstation code (ANPR IdPostazione), e.g. {@code 072006-CS-0001}: {@code X-GeRes-Workstation}
 * @param deviceToken the device token issued when the workstation was registered, or {@code null}: {@code X-GeRes-Device-Token}
 */
public record Workstation(String code, String deviceToken) {
    public Workstation {
        Objects.requireNonNull(code, "workstation code");
    }

    public static Workstation of(String code) {
        return new Workstation(code, null);
    }

    public static Workstation of(String code, String deviceToken) {
        return new Workstation(code, deviceToken);
    }

    @Override
    public String toString() {
        return "Workstation[code=" + code + ", deviceToken=" + (deviceToken == null ? "none" : "***") + "]";
    }
}
