import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { Comune, LOOKUP_SECTIONS, Profile, RIVESTIZIONE_FIELDS, User, VISURA_TYPES } from '#libs/domain';
import { AuditService } from '../audit/audit.service.js';
import { hashSecret, passwordViolations } from '../auth/password.js';
import { isStorableText } from '../common/validation.js';

/** What the provider gives to bring a Comune onto the installation, with its first TOP user. */
export interface ComuneOnboardingInput {
  codiceIstat: string;
  nome: string;
  /** Sigla della provincia, two capital letters. */
  provincia: string;
  /** Belfiore code, e.g. E506. */
  codiceCatastale: string;
  top: {
    username: string;
    name: string;
    email: string;
    /**
     * The TOP's own ANPR operator id, when the provider already knows it: the TOP becomes a
     * mediator and the id becomes one of the Comune's operator ids. Otherwise nobody calls ANPR
     * for this Comune until its TOP sets the ANPR settings.
     */
    anprOperatorId?: string;
  };
  /** Daily lookup quota of the TOP's profile (default 1000). */
  dailyQuota?: number;
}

/** Who ran the onboarding: recorded on the audit event (an OS user for the command line). */
export interface OnboardingActor {
  /** e.g. `os:mario` */
  name: string;
  /** Where it ran (host name), for the audit detail. */
  where?: string;
}

export interface ComuneOnboardingResult {
  comune: { id: string; codiceIstat: string; nome: string };
  top: { id: string; username: string };
  /** Shown once to whoever ran the onboarding; only its hash is stored, and it must be changed at first login. */
  oneTimePassword: string;
}

export interface OnboardingFieldError {
  field: string;
  message: string;
}

/** The onboarding was refused: `invalid` input, or a `conflict` with an existing Comune or user. Nothing was written. */
export class ComuneOnboardingError extends Error {
  constructor(
    readonly kind: 'invalid' | 'conflict',
    readonly errors: OnboardingFieldError[],
  ) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'ComuneOnboardingError';
  }
}

const ISTAT = /^\d{6}$/;
// Belfiore codes of Comuni: a letter and three digits; Z### are foreign states, not Comuni.
const CATASTALE = /^[A-Y]\d{3}$/;
const PROVINCIA = /^[A-Z]{2}$/;
// The same shape the governance API requires of a username.
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,79}$/;
const OPERATOR_ID = /^[A-Za-z0-9._-]{1,64}$/;

const text = (errors: OnboardingFieldError[], field: string, value: unknown, max: number) => {
  if (typeof value !== 'string' || !value.trim()) errors.push({ field, message: 'is required' });
  else if (value.length > max) errors.push({ field, message: `must be at most ${max} characters` });
  else if (!isStorableText(value) || value !== value.trim()) errors.push({ field, message: 'must be plain text without control characters or surrounding spaces' });
};

/** Every problem with the input, each naming its field; empty when the input is acceptable. */
export function onboardingInputErrors(input: ComuneOnboardingInput): OnboardingFieldError[] {
  const errors: OnboardingFieldError[] = [];
  const shape = (field: string, value: unknown, re: RegExp, message: string) => {
    if (typeof value !== 'string' || !re.test(value)) errors.push({ field, message });
  };
  shape('istat', input.codiceIstat, ISTAT, 'must be the six-digit ISTAT code of the Comune, e.g. 075035');
  text(errors, 'nome', input.nome, 200);
  shape('provincia', input.provincia, PROVINCIA, 'must be the two capital letters of the provincia, e.g. LE');
  shape('codice-catastale', input.codiceCatastale, CATASTALE, 'must be the Belfiore code of a Comune: a capital letter A-Y and three digits, e.g. E506');
  shape('top-username', input.top?.username, USERNAME, 'must be 3-80 lower-case letters, digits, dots, dashes or underscores');
  text(errors, 'top-name', input.top?.name, 200);
  if (typeof input.top?.email !== 'string' || input.top.email.length > 254 || !isEmail(input.top.email)) errors.push({ field: 'top-email', message: 'must be an e-mail address' });
  if (input.top?.anprOperatorId !== undefined) shape('top-anpr-operator-id', input.top.anprOperatorId, OPERATOR_ID, 'must be 1-64 letters, digits, dots, dashes or underscores');
  if (input.dailyQuota !== undefined && !(Number.isSafeInteger(input.dailyQuota) && input.dailyQuota >= 0 && input.dailyQuota <= 1_000_000)) {
    errors.push({ field: 'daily-quota', message: 'must be a whole number between 0 and 1000000' });
  }
  return errors;
}

/** A random password that meets the password rules (it is replaced at first login anyway). */
export function oneTimePassword(username: string): string {
  for (;;) {
    const candidate = `Otp-${randomBytes(15).toString('base64url')}-${randomBytes(1)[0] % 10}`;
    if (!passwordViolations(candidate, username).length) return candidate;
  }
}

/**
 * Brings a Comune onto a running installation: the Comune (no ANPR settings, so it cannot call
 * ANPR until its TOP sets them) and its first TOP user, with a one-time password that must be
 * changed at first login. The sandbox seeds its second Comune through this same service. Every
 * run that reaches the database is audited (operation `comune:add`), refusals included.
 */
@Injectable()
export class ComuneOnboardingService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async onboard(input: ComuneOnboardingInput, actor: OnboardingActor): Promise<ComuneOnboardingResult> {
    const invalid = onboardingInputErrors(input);
    if (invalid.length) throw new ComuneOnboardingError('invalid', invalid);
    const requestId = randomUUID();
    const where = actor.where ? ` on ${actor.where}` : '';
    const password = oneTimePassword(input.top.username);
    const passwordHash = await hashSecret(password);
    let result: Omit<ComuneOnboardingResult, 'oneTimePassword'>;
    try {
      result = await this.em.fork().transactional(async (tx) => {
        const conflicts: OnboardingFieldError[] = [];
        if (await tx.count(Comune, { codiceIstat: input.codiceIstat })) conflicts.push({ field: 'istat', message: `a Comune with ISTAT code ${input.codiceIstat} already exists` });
        if (await tx.count(User, { username: input.top.username })) conflicts.push({ field: 'top-username', message: `the username ${input.top.username} is already taken` });
        if (conflicts.length) throw new ComuneOnboardingError('conflict', conflicts);
        const operator = input.top.anprOperatorId;
        const comune = tx.create(Comune, {
          codiceIstat: input.codiceIstat,
          nome: input.nome,
          provincia: input.provincia,
          codiceCatastale: input.codiceCatastale,
          anprOperatorIds: operator ? [operator] : [],
          defaultAnprOperatorId: operator,
          createdAt: new Date(),
        });
        const now = new Date();
        const top = tx.create(User, {
          username: input.top.username,
          name: input.top.name,
          email: input.top.email,
          role: 'TOP',
          comune,
          mediator: !!operator,
          anprOperatorId: operator,
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          createdAt: now,
        });
        // A TOP may not set their own profile: the first one is set here, for their own Comune only.
        tx.create(Profile, {
          user: top,
          sections: [...LOOKUP_SECTIONS],
          visuraTypes: [...VISURA_TYPES],
          rivestizioneFields: [...RIVESTIZIONE_FIELDS],
          scope: 'agreed',
          allowedComuni: [input.codiceIstat],
          dailyQuota: input.dailyQuota ?? 1000,
          updatedAt: now,
        });
        return { comune: { id: comune.id, codiceIstat: comune.codiceIstat, nome: comune.nome }, top: { id: top.id, username: top.username } };
      });
    } catch (e) {
      // A concurrent run may win the race between the check and the insert: the unique keys refuse it.
      const refused = e instanceof ComuneOnboardingError ? e : e instanceof UniqueConstraintViolationException ? new ComuneOnboardingError('conflict', [{ field: 'istat', message: 'the Comune or the username was created meanwhile' }]) : undefined;
      if (!refused) throw e;
      await this.audit.record({ requestId, username: actor.name, targetComune: input.codiceIstat, operation: 'comune:add', outcome: 'denied', outcomeDetail: `refused${where}: ${refused.message}` });
      throw refused;
    }
    await this.audit.record({
      requestId,
      username: actor.name,
      targetComune: result.comune.codiceIstat,
      operation: 'comune:add',
      outcome: 'ok',
      outcomeDetail: `Comune ${result.comune.codiceIstat} created with TOP user ${result.top.username}${input.top.anprOperatorId ? ' (mediator)' : ''}${where}`,
    });
    return { ...result, oneTimePassword: password };
  }
}
