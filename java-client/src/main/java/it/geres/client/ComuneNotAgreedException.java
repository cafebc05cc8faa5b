package it.geres.client;

/** Your ente has no active convenzione with this Comune ({@code comune-not-agreed}). */
public class ComuneNotAgreedException extends PermissionException {
    private static final long serialVersionUID = 1L;

    public ComuneNotAgreedException(String message, Details details) {
        super(message, details);
    }
}
