package it.geres.client;

/** The search criteria are not valid ({@code invalid-criteria}). */
public class InvalidCriteriaException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public InvalidCriteriaException(String message, Details details) {
        super(message, details);
    }
}
