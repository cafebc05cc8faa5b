// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.api;

import it.geres.client.core.ApiCaller;

/**
 * Every operation of GeRes API 0.1.0, grouped by tag.
 * <p>
 * Obtain it from {@code GeResClient.api()}.
 */
public final class GeResApi {
    /** The version of the API document this layer was generated from. */
    public static final String API_VERSION = "0.1.0";

    private final ApplicationsApi applications;
    private final AuditApi audit;
    private final AuthApi auth;
    private final BachecaApi bacheca;
    private final ComuniApi comuni;
    private final EntiApi enti;
    private final HealthApi health;
    private final MeApi me;
    private final MonitoringApi monitoring;
    private final PersonsApi persons;
    private final UsersApi users;
    private final WorkstationsApi workstations;

    public GeResApi(ApiCaller caller) {
        this.applications = new ApplicationsApi(caller);
        this.audit = new AuditApi(caller);
        this.auth = new AuthApi(caller);
        this.bacheca = new BachecaApi(caller);
        this.comuni = new ComuniApi(caller);
        this.enti = new EntiApi(caller);
        this.health = new HealthApi(caller);
        this.me = new MeApi(caller);
        this.monitoring = new MonitoringApi(caller);
        this.persons = new PersonsApi(caller);
        this.users = new UsersApi(caller);
        this.workstations = new WorkstationsApi(caller);
    }

    /** Third-party applications of an Ente, their client secrets and the operators they act for. */
    public ApplicationsApi applications() {
        return applications;
    }

    /** The tamper-evident audit trail of every request and the access log, as far as the caller may monitor them. */
    public AuditApi audit() {
        return audit;
    }

    /** Logging in people, tokens for applications, and the keys that verify tokens. */
    public AuthApi auth() {
        return auth;
    }

    /** The Comuni's message boards: public messages for everyone working with a Comune, private ones for one user (R-VIS-12). */
    public BachecaApi bacheca() {
        return bacheca;
    }

    /** A Comune's ANPR settings and policies, managed by its TOP users. */
    public ComuniApi comuni() {
        return comuni;
    }

    /** The offices and external bodies that use GeRes, and their convenzioni with the Comuni. */
    public EntiApi enti() {
        return enti;
    }

    /** Probes and metrics for operators of the gateway; no token needed. */
    public HealthApi health() {
        return health;
    }

    /** The caller: who they are, their password, their own request history and access log. */
    public MeApi me() {
        return me;
    }

    /** Statistics, rendicontazione and alarms computed from the audit trail, within what the caller monitors (R-STAT-1, R-VIS-10, R-VIS-11). */
    public MonitoringApi monitoring() {
        return monitoring;
    }

    /** Looking up people in ANPR, with the checks, quota and audit every lookup goes through. */
    public PersonsApi persons() {
        return persons;
    }

    /** People who use GeRes and their profiles: what each may look up, for which Comuni, and how much. */
    public UsersApi users() {
        return users;
    }

    /** Workstations (postazioni) of the Enti, and their authorisation by the Comune. */
    public WorkstationsApi workstations() {
        return workstations;
    }
}
