import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from '@mikro-orm/core';
import { AnprOperationCounter } from '#libs/domain';

/**
 * idOperazioneComune / idOperazioneClient: numeric and strictly increasing per Comune across every
 * gateway instance, because ANPR treats a repeated id as a replay. Each value comes from one atomic
 * UPDATE of the Comune's counter row (MariaDB: LAST_INSERT_ID(expr), read back on the same
 * connection; SQLite: UPDATE … RETURNING), so instances never hand out the same or an older value.
 * A new counter starts from a time-based floor, so a fresh database never reissues ids that an
 * earlier installation already sent.
 */
export class DbOperationIdSource {
  private readonly known = new Set<string>();
  private readonly sqlite: boolean;

  constructor(private readonly em: EntityManager) {
    this.sqlite = em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  }

  async next(scope: string | { codiceIstat: string }): Promise<string> {
    const istat = typeof scope === 'string' ? scope : scope.codiceIstat;
    await this.ensureCounter(istat);
    const conn = this.em.getConnection();
    if (this.sqlite) {
      const rows = (await conn.execute('update anpr_operation_counter set last_value = last_value + 1 where codice_istat = ? returning last_value as v', [istat])) as Array<{ v: number | bigint | string }>;
      return String(rows[0].v);
    }
    return this.em.fork().transactional(async (tx) => {
      const ctx = tx.getTransactionContext();
      await conn.execute('update anpr_operation_counter set last_value = last_insert_id(last_value + 1) where codice_istat = ?', [istat], 'run', ctx);
      const [row] = (await conn.execute('select last_insert_id() as v', [], 'all', ctx)) as Array<{ v: string | number | bigint }>;
      return String(row.v);
    });
  }

  private async ensureCounter(istat: string) {
    if (this.known.has(istat)) return;
    const em = this.em.fork();
    if (!(await em.count(AnprOperationCounter, { codiceIstat: istat }))) {
      try {
        await em.insert(AnprOperationCounter, { codiceIstat: istat, lastValue: String(Date.now() * 1000) });
      } catch (e) {
        // Another instance created it first; anything else is a real error.
        if (!(await em.count(AnprOperationCounter, { codiceIstat: istat }))) throw e;
      }
    }
    this.known.add(istat);
  }
}

/**
 * What must happen once an ANPR call has its operation id and before the request leaves: the
 * connector runs each call inside `beforeAnprCall.run(hook, …)`; the adapters take their id from
 * `IntentOperationIdSource`, which awaits the hook (the durable audit intent) before handing it out.
 */
export const beforeAnprCall = new AsyncLocalStorage<(anprOperationId: string) => Promise<void>>();

export class IntentOperationIdSource {
  constructor(private readonly ids: DbOperationIdSource) {}

  async next(scope: string | { codiceIstat: string }): Promise<string> {
    const hook = beforeAnprCall.getStore();
    // Refusing is safer than calling ANPR with no record of it.
    if (!hook) throw new Error('ANPR call outside AnprConnectorService.lookup: no audit intent to write');
    const id = await this.ids.next(scope);
    await hook(id);
    return id;
  }
}
