import { describe, expect, it } from '@jest/globals';
import { GeResConnectionError, GeResError } from '../../../../sdk/src/index.js';
import { describeError } from './messages.js';

const problem = (name: string, status: number, extra: Record<string, unknown> = {}) =>
  new GeResError('x', { status, problem: { type: `urn:geres:problem:${name}`, title: 'English title', status, requestId: 'req-1', ...extra } });

describe('describeError', () => {
  it('says the gateway\'s problem types in Italian, with the request id to quote', () => {
    expect(describeError(problem('forbidden', 403))).toEqual({ message: 'Questa funzione non rientra nella tua area di competenza.', details: [], requestId: 'req-1', status: 403 });
    expect(describeError(problem('invalid-credentials', 401)).message).toBe('Nome utente o password errati.');
  });

  it('lists field and row errors with Italian labels, and the refused grants', () => {
    const shown = describeError(
      problem('import-failed', 422, { errors: [{ row: 3, field: 'email', message: 'must be an e-mail' }, { field: 'convenzione.validFrom', message: 'bad date' }], violations: ['sections: famiglia'] }),
    );
    expect(shown.details).toEqual([
      { label: 'Riga 3, E-mail', message: 'must be an e-mail' },
      { label: 'Inizio validità', message: 'bad date' },
      { label: 'Non concedibile', message: 'sections: famiglia' },
    ]);
  });

  it('falls back on the status for a type it does not know, and names an unreachable gateway', () => {
    expect(describeError(problem('something-new', 502)).message).toBe('Il servizio non è al momento disponibile. Riprova più tardi.');
    expect(describeError(problem('something-new', 400)).message).toBe('La richiesta non è andata a buon fine.');
    expect(describeError(new GeResConnectionError('down'))).toEqual({ message: 'Il gateway GeRes non risponde. Riprova tra qualche istante.', details: [], status: 503 });
  });
});
