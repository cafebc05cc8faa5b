package it.geres.client;

/** 403: the caller may not do this ({@code forbidden}, {@code operator-required}, {@code operator-not-allowed}, {@code grant-exceeds-own}, {@code account-suspended}, {@code password-change-required}). */
public class PermissionException extends GeResException {
    private static final long serialVersionUID = 1L;

    public PermissionException(String message, Details details) {
        super(message, details);
    }

    /** The rule that refused, as recorded in the audit trail, or {@code null}. */
    public String rule() {
        return problem() == null ? null : problem().rule();
    }
}
