package it.geres.client;

/** The criteria match more than one subject: refine them with birth date and place ({@code more-than-one-subject}). */
public class MoreThanOneSubjectException extends GeResException {
    private static final long serialVersionUID = 1L;

    public MoreThanOneSubjectException(String message, Details details) {
        super(message, details);
    }
}
