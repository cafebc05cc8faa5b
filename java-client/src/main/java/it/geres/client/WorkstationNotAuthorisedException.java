package it.geres.client;

/** This workstation is not authorised ({@code workstation-not-authorised}). */
public class WorkstationNotAuthorisedException extends PermissionException {
    private static final long serialVersionUID = 1L;

    public WorkstationNotAuthorisedException(String message, Details details) {
        super(message, details);
    }
}
