import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type EntityManager, type MikroORM, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RivestizioneConfig } from '../config.js';
import { type Esito, RivBudgetDay, RivComuneSettings, RivFile, RivRequest, RivRow } from '../database/entities.js';
import { type GatewayPort, type LookupOutcome, UnauthenticatedError } from '../gateway/gateway.port.js';
import type { IdentifierType } from '../input/index.js';
import { ResultCsvWriter } from '../output/index.js';
import type { GrantCipher } from './grant-cipher.js';
import { personFields, sectionsFor } from './person-fields.js';
import type { Throttle } from './throttle.js';
import { isWindowOpen, romeTime } from './windows.js';

/** Ids only: which request, which chunk (rows with position in [from, to]). */
export interface ChunkJob {
  requestId: string;
  chunk: number;
  from: number;
  to: number;
}

/** Where chunk jobs go: BullMQ with Redis, or the in-process runner. Adding a job already queued does nothing. */
export interface ChunkQueue {
  enqueue(job: ChunkJob): Promise<void>;
  close(): Promise<void>;
}

export const ERRORE_TEXT: Record<string, string> = {
  'not-found': 'Soggetto non trovato in ANPR',
  'out-of-scope': 'Soggetto fuori dall\'ambito del profilo: dati non restituiti',
  ambiguous: 'Più soggetti corrispondono all\'identificativo',
  'grant-invalid': 'La delega per questa richiesta non è più valida',
};

type Clock = () => Date;

/**
 * The processing of rivestizione requests, the same whether BullMQ or the in-process runner feeds
 * it: the database holds every row and its result; a chunk job only says which rows to look at.
 */
export class RivestizioneEngine {
  private queue?: ChunkQueue;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: RivestizioneConfig,
    private readonly gateway: GatewayPort,
    private readonly cipher: GrantCipher,
    private readonly throttle: Throttle,
    readonly now: Clock = () => new Date(),
  ) {}

  useQueue(queue: ChunkQueue) {
    this.queue = queue;
  }

  em(): EntityManager {
    return this.orm.em.fork();
  }

  async settingsFor(comune: string, em = this.em()): Promise<RivComuneSettings> {
    const found = await em.findOne(RivComuneSettings, { comune });
    if (found) return found;
    const d = this.config.defaults;
    return Object.assign(new RivComuneSettings(), { comune, ...d, windows: d.windows.map((w) => ({ ...w })) });
  }

  /** Charges one lookup to the Comune's budget for today; false when the budget is used up. */
  async chargeBudget(comune: string, dailyBudget: number): Promise<boolean> {
    const em = this.em();
    const { day } = romeTime(this.now());
    try {
      await em.insert(RivBudgetDay, { comune, day, used: 0 });
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException)) throw e;
    }
    const n = await em.nativeUpdate(RivBudgetDay, { comune, day, used: { $lt: dailyBudget } }, { used: raw('used + 1') });
    return n === 1;
  }

  async usedToday(comune: string): Promise<number> {
    const row = await this.em().findOne(RivBudgetDay, { comune, day: romeTime(this.now()).day });
    return row?.used ?? 0;
  }

  /** Periodic work; safe to run in every worker at once (each step is a conditional update or a deduplicated job). */
  async tick(): Promise<void> {
    await this.applySilentConsent();
    await this.startApproved();
    await this.dispatch();
    await this.expireFiles();
  }

  private async applySilentConsent() {
    const em = this.em();
    const waiting = await em.find(RivRequest, { state: 'in_convalida' }, { fields: ['id', 'comune', 'createdAt'] });
    for (const r of waiting) {
      const s = await this.settingsFor(r.comune, em);
      if (s.silentConsentHours === null || s.silentConsentHours === undefined) continue;
      if (r.createdAt.getTime() + s.silentConsentHours * 3_600_000 > this.now().getTime()) continue;
      await em.nativeUpdate(RivRequest, { id: r.id, state: 'in_convalida' }, { state: 'convalidata', validatorUsername: 'silenzio-assenso', decidedAt: this.now() });
    }
  }

  private async startApproved() {
    const em = this.em();
    const approved = await em.find(RivRequest, { state: 'convalidata' }, { fields: ['id', 'comune', 'grantExpiresAt', 'grantCiphertext'] });
    for (const r of approved) {
      let grant: string;
      try {
        grant = this.cipher.decrypt(r.grantCiphertext ?? '', r.id);
      } catch {
        await this.failRequest(r.id, 'convalidata', 'La delega memorizzata non è leggibile');
        continue;
      }
      let fields: string[];
      let sections: string[];
      try {
        const me = await this.gateway.whoAmI(grant);
        fields = me.rivestizioneFields;
        sections = sectionsFor(fields, me.sections);
      } catch (e) {
        if (e instanceof UnauthenticatedError) {
          await this.failRequest(r.id, 'convalidata', ERRORE_TEXT['grant-invalid']);
        }
        continue;
      }
      if (!fields.length) {
        await this.failRequest(r.id, 'convalidata', 'Il profilo non consente la rivestizione');
        continue;
      }
      await em.nativeUpdate(RivRequest, { id: r.id, state: 'convalidata' }, { state: 'in_lavorazione', startedAt: this.now(), fields, sections });
    }
  }

  /** Ends every pending row with the reason, and the request with it. */
  private async failRequest(id: string, fromState: 'convalidata' | 'in_lavorazione', reason: string) {
    const em = this.em();
    if (fromState === 'convalidata') {
      const n = await em.nativeUpdate(RivRequest, { id, state: 'convalidata' }, { state: 'in_lavorazione', startedAt: this.now(), fields: [] });
      if (n !== 1) return;
    }
    await em.nativeUpdate(RivRequest, { id }, { reason });
    await em.nativeUpdate(RivRow, { request: id, doneAt: null }, { esito: 'ERRORE', errore: reason, doneAt: this.now() });
    await this.finaliseIfDone(id);
  }

  private async dispatch() {
    if (!this.queue) return;
    const em = this.em();
    const running = await em.find(RivRequest, { state: 'in_lavorazione' }, { fields: ['id', 'comune'] });
    const now = this.now();
    for (const r of running) {
      const s = await this.settingsFor(r.comune, em);
      const pending = await em.find(RivRow, { request: r.id, doneAt: null }, { fields: ['position', 'nextAttemptAt'], orderBy: { position: 'asc' } });
      if (!pending.length) {
        await this.finaliseIfDone(r.id);
        continue;
      }
      if (!isWindowOpen(s.windows, now)) continue;
      const chunks = new Set<number>();
      for (const row of pending) {
        if (row.nextAttemptAt && row.nextAttemptAt > now) continue;
        chunks.add(Math.floor((row.position - 1) / this.config.chunkSize));
      }
      for (const c of chunks) {
        await this.queue.enqueue({ requestId: r.id, chunk: c, from: c * this.config.chunkSize + 1, to: (c + 1) * this.config.chunkSize });
      }
    }
  }

  /**
   * One chunk: each pending row due now is looked up (inside the windows, within the budget, through
   * the per-Comune throttle) and its result written once. Rows left (window closed, budget used,
   * retry later) stay pending for a later dispatch.
   */
  async processChunk(job: ChunkJob): Promise<{ processed: number }> {
    const em = this.em();
    const request = await em.findOne(RivRequest, { id: job.requestId }, { populate: ['grantCiphertext'] as never });
    if (!request || request.state !== 'in_lavorazione') return { processed: 0 };
    const s = await this.settingsFor(request.comune, em);
    const fields = request.fields ?? [];
    const grant = this.cipher.decrypt(request.grantCiphertext ?? '', request.id);
    const sections = request.sections ?? ['generalita'];
    const now = this.now();
    const rows = await em.find(
      RivRow,
      { request: request.id, doneAt: null, position: { $gte: job.from, $lte: job.to }, $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
      { orderBy: { position: 'asc' } },
    );
    let next = 0;
    let processed = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const row = rows[next++];
        if (!row) return;
        if (!isWindowOpen(s.windows, this.now())) { stop = true; return; }
        if (!(await this.chargeBudget(request.comune, s.dailyBudget))) { stop = true; return; }
        const release = await this.throttle.acquire(request.comune, s);
        let outcome: LookupOutcome;
        try {
          outcome = await this.gateway.lookup(grant, {
            comune: request.comune,
            motivoRichiesta: request.motivoRichiesta,
            type: row.idType as IdentifierType,
            value: row.idValue ?? '',
            sections,
            idempotencyKey: row.idempotencyKey,
          });
        } finally {
          await release();
        }
        if (outcome.kind === 'grant-invalid') {
          stop = true;
          await this.failRequest(request.id, 'in_lavorazione', ERRORE_TEXT['grant-invalid']);
          return;
        }
        await this.record(row, outcome, fields);
        processed++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(s.concurrency, rows.length)) }, worker));
    await this.finaliseIfDone(request.id);
    return { processed };
  }

  private async record(row: RivRow, o: LookupOutcome, fields: readonly string[]) {
    const em = this.em();
    const once = (esito: Esito, errore: string | null, result: Record<string, string | boolean | null> | null = null) =>
      em.nativeUpdate(RivRow, { id: row.id, doneAt: null }, { esito, errore, result, doneAt: this.now(), attempts: row.attempts + 1 });
    switch (o.kind) {
      case 'found': await once('OK', null, personFields(o.person, fields)); return;
      case 'not-found': await once('NON_TROVATO', ERRORE_TEXT['not-found']); return;
      case 'out-of-scope': await once('FUORI_AMBITO', ERRORE_TEXT['out-of-scope']); return;
      case 'ambiguous': await once('PIU_SOGGETTI', ERRORE_TEXT.ambiguous); return;
      case 'refused': await once('ERRORE', `Richiesta rifiutata dal gateway (${o.reason})`); return;
      case 'paused':
        await em.nativeUpdate(RivRow, { id: row.id, doneAt: null }, { nextAttemptAt: new Date(this.now().getTime() + o.retryAfterSeconds * 1000) });
        return;
      case 'retry': {
        const attempts = row.attempts + 1;
        if (attempts >= this.config.maxAttempts) {
          await once('ERRORE', `ANPR non disponibile dopo ${attempts} tentativi (${o.reason})`);
          return;
        }
        // Exponential backoff with jitter, never sooner than the server's hint.
        const backoff = this.config.retryBaseMs * 2 ** (attempts - 1) * (0.5 + Math.random() / 2);
        const wait = Math.max(backoff, (o.retryAfterSeconds ?? 0) * 1000);
        await em.nativeUpdate(RivRow, { id: row.id, doneAt: null }, { attempts, nextAttemptAt: new Date(this.now().getTime() + wait) });
        return;
      }
    }
  }

  /** Writes the result files once every row has its result; one worker holds the lease, a dead one's lease runs out. */
  async finaliseIfDone(requestId: string): Promise<boolean> {
    const em = this.em();
    if ((await em.count(RivRow, { request: requestId, doneAt: null })) > 0) return false;
    const now = this.now();
    const claimed = await em.nativeUpdate(
      RivRequest,
      { id: requestId, state: 'in_lavorazione', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { leaseUntil: new Date(now.getTime() + 5 * 60_000) },
    );
    if (claimed !== 1) return false;
    const request = await em.findOneOrFail(RivRequest, { id: requestId });
    const dir = join(this.config.filesDir, request.id);
    // A previous finaliser may have died half-way: start its files again.
    rmSync(dir, { recursive: true, force: true });
    await em.nativeDelete(RivFile, { request: request.id });
    mkdirSync(dir, { recursive: true });
    const fields = request.fields ?? [];
    const writer = new ResultCsvWriter({ directory: dir, baseName: `rivestizione-${request.id.slice(0, 8)}`, fields, maxRowsPerFile: this.config.fileMaxRows, maxBytesPerFile: this.config.fileMaxBytes });
    let after = 0;
    const counts = { ok: 0, errors: 0, done: 0 };
    for (;;) {
      const page = await this.em().find(RivRow, { request: request.id, position: { $gt: after } }, { orderBy: { position: 'asc' }, limit: 1000 });
      if (!page.length) break;
      for (const r of page) {
        await writer.write({ reference: r.reference ?? null, values: r.result ?? {}, esito: r.esito ?? 'ERRORE', errore: r.errore ?? null });
        counts.done++;
        if (r.esito === 'OK') counts.ok++;
        if (r.esito === 'ERRORE' || r.esito === 'SCARTATO') counts.errors++;
      }
      after = page[page.length - 1].position;
    }
    const files = await writer.close();
    const expiresAt = new Date(now.getTime() + this.config.retentionDays * 86_400_000);
    for (const f of files) em.create(RivFile, { request, name: f.name, sha256: f.sha256, size: f.bytes, rows: f.rows, expiresAt } as never);
    request.state = counts.errors > 0 ? 'completata_con_errori' : 'completata';
    request.doneRows = counts.done;
    request.okRows = counts.ok;
    request.errorRows = counts.errors;
    request.completedAt = now;
    request.filesExpireAt = expiresAt;
    request.grantCiphertext = null;
    request.leaseUntil = null;
    await em.flush();
    return true;
  }

  /** Deletes files past their retention; the archive keeps their names, sizes and SHA-256. */
  async expireFiles() {
    const em = this.em();
    const due = await em.find(RivFile, { deletedAt: null, expiresAt: { $lte: this.now() } }, { populate: ['request'] });
    for (const f of due) {
      rmSync(join(this.config.filesDir, f.request.id, f.name), { force: true });
      f.deletedAt = this.now();
    }
    await em.flush();
  }
}
