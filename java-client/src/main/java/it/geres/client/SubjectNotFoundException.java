package it.geres.client;

/** ANPR has no subject matching the criteria ({@code subject-not-found}). */
public class SubjectNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public SubjectNotFoundException(String message, Details details) {
        super(message, details);
    }
}
