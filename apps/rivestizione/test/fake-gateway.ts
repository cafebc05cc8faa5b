import { randomUUID } from 'node:crypto';
import { type Caller, type GatewayPort, type LookupOutcome, type LookupRequest, UnauthenticatedError } from '../src/gateway/gateway.port.js';

/**
 * An in-memory gateway: tokens name callers, grants name the caller they were issued for, and
 * lookups answer from a script keyed by the identifier's value (default: found).
 */
export class FakeGateway implements GatewayPort {
  readonly callers = new Map<string, Caller>();
  readonly grants = new Map<string, string>();
  readonly lookups: LookupRequest[] = [];
  readonly script = new Map<string, LookupOutcome[]>();
  revoked = new Set<string>();

  addCaller(token: string, c: Partial<Caller> & { username: string; role: Caller['role'] }): Caller {
    const caller: Caller = { userId: randomUUID(), enteId: null, comune: null, mediator: false, rivestizioneFields: ['codiceFiscale', 'cognome', 'nome', 'comuneResidenza'], sections: ['generalita', 'residenza'], ...c };
    this.callers.set(token, caller);
    return caller;
  }

  async whoAmI(token: string): Promise<Caller> {
    const owner = this.grants.get(token) ?? token;
    const c = this.callers.get(owner);
    if (!c || this.revoked.has(owner)) throw new UnauthenticatedError('unknown token');
    return c;
  }

  async exchangeGrant(subjectToken: string, lifetimeSeconds: number) {
    await this.whoAmI(subjectToken);
    const grant = `grant-${randomUUID()}`;
    this.grants.set(grant, subjectToken);
    return { grant, expiresInSeconds: lifetimeSeconds };
  }

  async lookup(grant: string, req: LookupRequest): Promise<LookupOutcome> {
    if (!this.grants.has(grant) || this.revoked.has(this.grants.get(grant)!)) return { kind: 'grant-invalid', reason: 'invalid-token' };
    this.lookups.push(req);
    const queued = this.script.get(req.value);
    if (queued?.length) return queued.shift()!;
    return {
      kind: 'found',
      person: {
        idANPR: 'AB12345CD',
        generalita: { codiceFiscale: req.type === 'codiceFiscale' ? req.value : 'RSSMRA85T10A662V', cognome: 'ROSSI', nome: '=MARIO', sesso: 'M', dataNascita: '1985-12-10' },
        residenza: [{ indirizzo: { comune: { codiceIstat: '072006', nomeComune: 'BARI', siglaProvincia: 'BA' }, toponimo: { specie: 'VIA', denominazione: 'ROMA' } } }],
      },
    };
  }
}
