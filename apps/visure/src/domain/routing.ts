import type { EnteKind, NonResidentVisuraPolicy, Role, SearchScope } from '#libs/domain';

/** Who asks, as far as routing is concerned (from the gateway's /v1/me and the Ente's kind). */
export interface Requester {
  role: Role;
  /** Holds the MEDIATORE function. */
  mediator: boolean;
  /** For TOP users, the ISTAT code of their Comune. */
  comune: string | null;
  /** The kind of the user's Ente; null for TOP users (who have none). */
  enteKind: EnteKind | null;
  /** Profile scope: `national` is the permission to ask about subjects living elsewhere. */
  scope: SearchScope;
}

/** Where the subject lives (ISTAT codes; null abroad or when ANPR did not say). */
export interface SubjectPlace {
  residenceComune: string | null;
  aireComune: string | null;
}

export interface ComunePolicy {
  nonResidentVisuraPolicy: NonResidentVisuraPolicy;
  silentConsentHours: number;
}

export type Route = 'real_time' | 'deferred_mediator' | 'deferred_silent_consent' | 'comune_of_residence_only';

/** Why a route was chosen: recorded with the request. */
export type RouteReason = 'registry_officer' | 'resident_or_aire' | 'national_policy' | 'no_national_permission' | 'external_body';

/** A registry officer of the Comune: its TOP users and its mediators. */
export function isRegistryOfficer(r: Requester, comune: string): boolean {
  return (r.role === 'TOP' || r.mediator) && r.comune === comune;
}

/**
 * R-VIS-4, R-VIS-5: who asks × where the subject lives × the Comune's policy.
 * - registry officers of the Comune → document in real time for any subject;
 * - subject resident in the Comune or in its AIRE → document in real time;
 * - a municipal office user with national permission → the Comune's policy;
 *   without it → the name of the Comune of residence only;
 * - an external body (or anyone else) → the name of the Comune of residence only.
 */
export function route(requester: Requester, comune: string, subject: SubjectPlace, policy: ComunePolicy): { route: Route; reason: RouteReason } {
  if (isRegistryOfficer(requester, comune)) return { route: 'real_time', reason: 'registry_officer' };
  if (subject.residenceComune === comune || subject.aireComune === comune) return { route: 'real_time', reason: 'resident_or_aire' };
  if (requester.enteKind === 'municipal_office') {
    if (requester.scope !== 'national') return { route: 'comune_of_residence_only', reason: 'no_national_permission' };
    const byPolicy: Record<NonResidentVisuraPolicy, Route> = { real_time: 'real_time', mediator: 'deferred_mediator', silent_consent: 'deferred_silent_consent' };
    return { route: byPolicy[policy.nonResidentVisuraPolicy], reason: 'national_policy' };
  }
  return { route: 'comune_of_residence_only', reason: 'external_body' };
}
