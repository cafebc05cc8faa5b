package it.geres.client;

/** Your profile does not allow this request ({@code forbidden-by-profile}). */
public class ForbiddenByProfileException extends PermissionException {
    private static final long serialVersionUID = 1L;

    public ForbiddenByProfileException(String message, Details details) {
        super(message, details);
    }
}
