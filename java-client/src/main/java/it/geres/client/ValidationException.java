package it.geres.client;

/** 400, 413, 415 and 422: the request content was refused ({@code validation-failed}, {@code bad-request}, {@code weak-password}, {@code import-failed}, {@code unsupported-media-type}, {@code payload-too-large}). */
public class ValidationException extends GeResException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String message, Details details) {
        super(message, details);
    }

    /** One entry per field (or row) that was refused; empty when the problem lists none. */
    public java.util.List<it.geres.client.generated.model.ProblemFieldError> errors() {
        return problem() == null || problem().errors() == null ? java.util.List.of() : problem().errors();
    }
}
