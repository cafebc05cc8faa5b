import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Application, ApplicationSecret, Comune, Convenzione, Ente, LOOKUP_SECTIONS, Profile, RIVESTIZIONE_FIELDS, User, VISURA_TYPES, Workstation, type Role, type SearchScope } from '#libs/domain';
import { hashSecret } from '../auth/password.js';
import { hashDeviceToken } from '../auth/workstation-match.js';
import type { ComuneOnboardingService } from '../onboarding/comune-onboarding.service.js';

export interface SandboxUser {
  role: Role;
  username: string;
  password: string;
  name: string;
  ente: string | null;
  mediator: boolean;
  /** ISTAT code of the Comune whose area the user belongs to. */
  comune: string;
}

export interface SandboxCredentials {
  /** The demo Comune (Bari). */
  comune: { codiceIstat: string; nome: string };
  /** Every Comune of the sandbox, the demo Comune first. */
  comuni: Array<{ codiceIstat: string; nome: string }>;
  /** Every demo user, Bari's first (its TOP first of all), then the second Comune's. */
  users: SandboxUser[];
  application: { name: string; clientId: string; clientSecret: string; operator: string };
  workstation: { code: string; deviceToken: string; ente: string };
}

/** The sandbox's demo Comune: Bari, also the simulated ANPR's demo Comune. */
export const DEMO_COMUNE = { codiceIstat: '072006', codiceCatastale: 'A662', nome: 'Bari', provincia: 'BA' };

/**
 * The sandbox's second Comune, so that every tenancy rule can be tried across two Comuni: Lecce,
 * where part of the simulated population lives, with its own TOP (a mediator with its own ANPR
 * operator id), its own ANPR workstation, certificate and PDND client.
 */
export const SECOND_COMUNE = {
  codiceIstat: '075035',
  codiceCatastale: 'E506',
  nome: 'Lecce',
  provincia: 'LE',
  anprOperatorId: 'USERSFREETEST238',
  postazione: '075035-CO-0000',
} as const;

const demoPassword = () => `Demo-${randomBytes(6).toString('base64url')}-9`;

/**
 * Demo data for the sandbox: the Comune, one municipal office and one external body with
 * convenzioni, one user per role (the TOP user is a mediator), one application and one workstation.
 * Passwords are random per sandbox and written to .sandbox/credentials.json by the launcher.
 */
export async function seedSandbox(em: EntityManager, onboarding: ComuneOnboardingService): Promise<SandboxCredentials> {
  const pw = demoPassword;
  const comune = em.create(Comune, {
    ...DEMO_COMUNE,
    anprEnvironment: 'FREE',
    anprChannel: 'soap',
    anprOperatorIds: ['USERSFREETEST237'],
    defaultAnprOperatorId: 'USERSFREETEST237',
    // The demo TOP is a mediator: silent consent processes deferred visure under their identity.
    silentConsentMediator: 'top.bari',
  } as any);
  const since = '2026-01-01';
  const pl = em.create(Ente, { kind: 'municipal_office', name: 'Polizia Locale di Bari', comune, codiceFiscale: '80015010723' } as any);
  const consorzio = em.create(Ente, { kind: 'external_body', name: 'Consorzio Servizi Idrici Pugliesi', codiceFiscale: '93012345678', comune } as any);
  em.create(Convenzione, { ente: pl, comune, validFrom: since, reference: 'Delibera GC 12/2026' } as any);
  em.create(Convenzione, { ente: consorzio, comune, validFrom: since, reference: 'Convenzione n. 45/2026' } as any);

  const full = {
    sections: [...LOOKUP_SECTIONS],
    visuraTypes: [...VISURA_TYPES],
    rivestizioneFields: [...RIVESTIZIONE_FIELDS],
    scope: 'national' as SearchScope,
    allowedComuni: [DEMO_COMUNE.codiceIstat],
    dailyQuota: 10000,
  };
  const spec: Array<{ role: Role; username: string; name: string; ente?: Ente; mediator?: boolean; anpr?: string; profile: Partial<typeof full> }> = [
    { role: 'TOP', username: 'top.bari', name: 'Anna Lorusso (Ufficio Anagrafe)', mediator: true, anpr: 'USERSFREETEST237', profile: full },
    { role: 'ADMIN', username: 'admin.consorzio', name: 'Paolo Greco', ente: consorzio, profile: { ...full, scope: 'agreed', dailyQuota: 2000 } },
    { role: 'STANDARD', username: 'operatore.consorzio', name: 'Giulia Ferri', ente: consorzio, profile: { sections: ['generalita', 'residenza'], visuraTypes: ['residenza'], rivestizioneFields: ['codiceFiscale', 'cognome', 'nome', 'indirizzoResidenza'], scope: 'agreed', allowedComuni: [DEMO_COMUNE.codiceIstat], dailyQuota: 500 } },
    { role: 'STANDARDPS', username: 'agente.pl', name: 'Marco De Santis', ente: pl, profile: { ...full, dailyQuota: 1000 } },
  ];
  const users: SandboxCredentials['users'] = [];
  const created: Record<string, User> = {};
  let top: User | undefined;
  for (const s of spec) {
    const password = pw();
    const u = em.create(User, {
      username: s.username,
      name: s.name,
      email: `${s.username}@sandbox.geres.invalid`,
      role: s.role,
      ente: s.ente,
      comune: s.role === 'TOP' ? comune : undefined,
      mediator: s.mediator ?? false,
      anprOperatorId: s.anpr,
      passwordHash: await hashSecret(password),
      passwordChangedAt: new Date(),
      createdBy: top,
    } as any);
    top ??= u;
    em.create(Profile, { user: u, ...full, ...s.profile, updatedBy: top } as any);
    created[s.username] = u;
    users.push({ role: s.role, username: s.username, password, name: s.name, ente: s.ente?.name ?? null, mediator: s.mediator ?? false, comune: DEMO_COMUNE.codiceIstat });
  }

  const clientSecret = `grs_${randomBytes(24).toString('base64url')}`;
  const app = em.create(Application, { ente: consorzio, name: 'Gestionale Utenze Consorzio', clientId: 'app_sandbox_consorzio', createdBy: created['admin.consorzio'] } as any);
  app.operators.add(created['operatore.consorzio']);
  em.create(ApplicationSecret, { application: app, hash: await hashSecret(clientSecret), prefix: clientSecret.slice(0, 8) } as any);

  const deviceToken = randomBytes(24).toString('base64url');
  em.create(Workstation, { code: '072006-CS-0001', label: 'Sportello Consorzio, postazione 1', ente: consorzio, authorised: true, deviceTokenHash: hashDeviceToken(deviceToken) } as any);
  await em.flush();
  const second = await seedSecondComune(em, onboarding);
  return {
    comune: { codiceIstat: DEMO_COMUNE.codiceIstat, nome: DEMO_COMUNE.nome },
    comuni: [{ codiceIstat: DEMO_COMUNE.codiceIstat, nome: DEMO_COMUNE.nome }, second.comune],
    users: [...users, ...second.users],
    application: { name: app.name, clientId: app.clientId, clientSecret, operator: 'operatore.consorzio' },
    workstation: { code: '072006-CS-0001', deviceToken, ente: consorzio.name },
  };
}

/**
 * The second Comune, created as a provider creates one (`npm run comune:add`, the same service),
 * then given what its TOP would set up: an office of the Comune with a convenzione, its ADMIN and
 * an operator. Its ANPR wiring is done at every start, like the demo Comune's. The one-time
 * password of its TOP is replaced by a demo password, like every sandbox user's, so that the
 * printed credentials work without a first-login change.
 */
export async function seedSecondComune(em: EntityManager, onboarding: ComuneOnboardingService): Promise<{ comune: { codiceIstat: string; nome: string }; users: SandboxUser[] }> {
  const c = SECOND_COMUNE;
  const topSpec = { username: 'top.lecce', name: 'Rita Quarta (Ufficio Anagrafe)' };
  const r = await onboarding.onboard(
    {
      codiceIstat: c.codiceIstat,
      nome: c.nome,
      provincia: c.provincia,
      codiceCatastale: c.codiceCatastale,
      top: { ...topSpec, email: `${topSpec.username}@sandbox.geres.invalid`, anprOperatorId: c.anprOperatorId },
      dailyQuota: 10000,
    },
    { name: 'sandbox-seed' },
  );
  const comune = await em.findOneOrFail(Comune, { id: r.comune.id });
  const top = await em.findOneOrFail(User, { id: r.top.id });
  const topPassword = demoPassword();
  Object.assign(top, { passwordHash: await hashSecret(topPassword), mustChangePassword: false, passwordChangedAt: new Date() });

  const servizi = em.create(Ente, { kind: 'municipal_office', name: 'Servizi Sociali del Comune di Lecce', comune, codiceFiscale: '80008510754' } as any);
  em.create(Convenzione, { ente: servizi, comune, validFrom: '2026-01-01', reference: 'Delibera GC 7/2026' } as any);
  const spec: Array<{ role: Role; username: string; name: string; profile: Record<string, unknown> }> = [
    {
      role: 'ADMIN',
      username: 'admin.sociali.lecce',
      name: 'Luca Miglietta',
      profile: { sections: [...LOOKUP_SECTIONS], visuraTypes: [...VISURA_TYPES], rivestizioneFields: [...RIVESTIZIONE_FIELDS], dailyQuota: 2000 },
    },
    {
      role: 'STANDARD',
      username: 'operatore.sociali.lecce',
      name: 'Sara Longo',
      profile: { sections: ['generalita', 'residenza', 'famiglia'], visuraTypes: ['residenza', 'stato_famiglia'], rivestizioneFields: ['codiceFiscale', 'cognome', 'nome', 'indirizzoResidenza'], dailyQuota: 500 },
    },
  ];
  const users: SandboxUser[] = [{ role: 'TOP', username: top.username, password: topPassword, name: top.name, ente: null, mediator: true, comune: c.codiceIstat }];
  for (const s of spec) {
    const password = demoPassword();
    const u = em.create(User, {
      username: s.username,
      name: s.name,
      email: `${s.username}@sandbox.geres.invalid`,
      role: s.role,
      ente: servizi,
      passwordHash: await hashSecret(password),
      passwordChangedAt: new Date(),
      createdBy: top,
    } as any);
    em.create(Profile, { user: u, scope: 'agreed' as SearchScope, allowedComuni: [c.codiceIstat], ...s.profile, updatedBy: top } as any);
    users.push({ role: s.role, username: s.username, password, name: s.name, ente: servizi.name, mediator: false, comune: c.codiceIstat });
  }
  await em.flush();
  return { comune: { codiceIstat: c.codiceIstat, nome: c.nome }, users };
}
