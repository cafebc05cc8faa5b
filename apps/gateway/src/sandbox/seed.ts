import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Application, ApplicationSecret, Comune, Convenzione, Ente, LOOKUP_SECTIONS, Profile, RIVESTIZIONE_FIELDS, User, VISURA_TYPES, Workstation, type Role, type SearchScope } from '#libs/domain';
import { hashSecret } from '../auth/password.js';
import { hashDeviceToken } from '../auth/workstation-match.js';

export interface SandboxCredentials {
  comune: { codiceIstat: string; nome: string };
  users: Array<{ role: Role; username: string; password: string; name: string; ente: string | null; mediator: boolean }>;
  application: { name: string; clientId: string; clientSecret: string; operator: string };
  workstation: { code: string; deviceToken: string; ente: string };
}

/** The sandbox's demo Comune: Bari, also the simulated ANPR's demo Comune. */
export const DEMO_COMUNE = { codiceIstat: '072006', codiceCatastale: 'A662', nome: 'Bari', provincia: 'BA' };

/**
 * Demo data for the sandbox: the Comune, one municipal office and one external body with
 * convenzioni, one user per role (the TOP user is a mediator), one application and one workstation.
 * Passwords are random per sandbox and written to .sandbox/credentials.json by the launcher.
 */
export async function seedSandbox(em: EntityManager): Promise<SandboxCredentials> {
  const pw = () => `Demo-${randomBytes(6).toString('base64url')}-9`;
  const comune = em.create(Comune, {
    ...DEMO_COMUNE,
    anprEnvironment: 'FREE',
    anprChannel: 'soap',
    anprOperatorIds: ['USERSFREETEST237'],
    defaultAnprOperatorId: 'USERSFREETEST237',
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
    users.push({ role: s.role, username: s.username, password, name: s.name, ente: s.ente?.name ?? null, mediator: s.mediator ?? false });
  }

  const clientSecret = `grs_${randomBytes(24).toString('base64url')}`;
  const app = em.create(Application, { ente: consorzio, name: 'Gestionale Utenze Consorzio', clientId: 'app_sandbox_consorzio', createdBy: created['admin.consorzio'] } as any);
  app.operators.add(created['operatore.consorzio']);
  em.create(ApplicationSecret, { application: app, hash: await hashSecret(clientSecret), prefix: clientSecret.slice(0, 8) } as any);

  const deviceToken = randomBytes(24).toString('base64url');
  em.create(Workstation, { code: '072006-CS-0001', label: 'Sportello Consorzio, postazione 1', ente: consorzio, authorised: true, deviceTokenHash: hashDeviceToken(deviceToken) } as any);
  await em.flush();
  return {
    comune: { codiceIstat: DEMO_COMUNE.codiceIstat, nome: DEMO_COMUNE.nome },
    users,
    application: { name: app.name, clientId: app.clientId, clientSecret, operator: 'operatore.consorzio' },
    workstation: { code: '072006-CS-0001', deviceToken, ente: consorzio.name },
  };
}
