import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FilterQuery } from '@mikro-orm/core';
import type { RivestizioneConfig } from '../config.js';
import { RivComuneSettings, RivFile, RivRequest, RivRow } from '../database/entities.js';
import { type Caller, type GatewayPort, GatewayUnavailableError, UnauthenticatedError } from '../gateway/gateway.port.js';
import { InputRejectedError, type InputRow, type InputSource, type ManualListItem, parseInputFile, validateManualList, type ValidationReport } from '../input/index.js';
import type { GrantCipher } from '../processing/grant-cipher.js';
import type { RivestizioneEngine } from '../processing/rivestizione.engine.js';
import { forecastCompletion } from '../processing/windows.js';
import { rivProblem } from './problem.js';
import type { ComuneSettingsDto, ComuneSettingsView, RivestizioneView, ValidationReportView } from './rivestizione.dto.js';

export type Input = { kind: 'file'; source: InputSource; name?: string; format?: 'auto' | 'csv' | 'fixed-width' } | { kind: 'list'; items: ManualListItem[] };

const STATE_LABEL: Record<string, string> = {
  caricata: 'Caricata',
  in_convalida: 'In convalida',
  convalidata: 'Convalidata',
  respinta: 'Respinta',
  in_lavorazione: 'In lavorazione',
  completata: 'Completata',
  completata_con_errori: 'Completata con errori',
};

/** The use cases behind the REST API. */
export class RivestizioneService {
  constructor(
    private readonly config: RivestizioneConfig,
    private readonly engine: RivestizioneEngine,
    private readonly gateway: GatewayPort,
    private readonly cipher: GrantCipher,
  ) {}

  private limits() {
    return { maxRows: this.config.maxRows, maxBytes: this.config.maxBytes };
  }

  /** Reads and checks every row; 413/422 for an input refused as a whole. */
  private async read(input: Input): Promise<ValidationReport> {
    try {
      if (input.kind === 'list') return await validateManualList(input.items, { limits: this.limits() });
      return await parseInputFile(input.source, { limits: this.limits(), format: input.format });
    } catch (e) {
      if (e instanceof InputRejectedError) {
        const type = e.status === 413 ? 'payload-too-large' : e.code === 'too-many-rows' ? 'too-many-rows' : 'input-rejected';
        throw rivProblem(type, e.message, { code: e.code, ...(e.line ? { line: e.line } : {}), maxRows: this.config.maxRows, maxBytes: this.config.maxBytes });
      }
      throw e;
    }
  }

  async validate(input: Input): Promise<ValidationReportView> {
    return reportView(await this.read(input));
  }

  async submit(caller: Caller, accessToken: string, input: Input, meta: { comune: string; motivoRichiesta: string; acceptInvalidRows: boolean }): Promise<RivestizioneView> {
    if (!caller.rivestizioneFields.length) throw rivProblem('forbidden-by-profile', 'Your profile does not allow rivestizione');
    if (caller.role === 'TOP' && caller.comune !== meta.comune) throw rivProblem('forbidden', 'A registry officer submits for their own Comune only');
    const report = await this.read(input);
    if (report.invalidRows > 0 && !meta.acceptInvalidRows) {
      throw rivProblem('invalid-rows', `${report.invalidRows} of ${report.totalRows} rows are not valid: fix them, or submit again with acceptInvalidRows to process the valid rows only`, { report: reportView(report) });
    }
    if (report.validRows === 0) throw rivProblem('invalid-rows', 'No row is valid', { report: reportView(report) });

    let grant: { grant: string; expiresInSeconds: number };
    try {
      grant = await this.gateway.exchangeGrant(accessToken, this.config.grantSeconds);
    } catch (e) {
      if (e instanceof UnauthenticatedError) throw rivProblem('invalid-token', 'The gateway refused to issue a grant for this request');
      if (e instanceof GatewayUnavailableError) throw rivProblem('service-unavailable', 'The gateway cannot be reached; try again shortly');
      throw e;
    }
    const settings = await this.engine.settingsFor(meta.comune);
    const now = this.engine.now();
    const request = Object.assign(new RivRequest(), {
      submitterId: caller.userId,
      submitterUsername: caller.username,
      submitterRole: caller.role,
      standardPs: caller.role === 'STANDARDPS',
      enteId: caller.enteId,
      comune: meta.comune,
      motivoRichiesta: meta.motivoRichiesta,
      sourceName: input.kind === 'file' ? (input.name?.slice(0, 255) ?? null) : null,
      inputFormat: report.format,
      state: 'caricata' as const,
      totalRows: report.totalRows,
      validRows: report.validRows,
      invalidRows: report.invalidRows,
      grantExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000),
      createdAt: now,
    });
    request.grantCiphertext = this.cipher.encrypt(grant.grant, request.id);
    // One transaction: either the request with all its rows, or nothing.
    await this.engine.em().transactional(async (em) => {
      em.persist(request);
      await em.flush();
      const rows = rowsOf(request, report);
      for (let i = 0; i < rows.length; i += 1000) await em.insertMany(RivRow, rows.slice(i, i + 1000));
    });
    const next = settings.convalidaRequired
      ? { state: 'in_convalida' as const }
      : { state: 'convalidata' as const, validatorUsername: 'automatica', decidedAt: now };
    await this.engine.em().nativeUpdate(RivRequest, { id: request.id, state: 'caricata' }, next);
    return this.view(await this.engine.em().findOneOrFail(RivRequest, { id: request.id }));
  }

  /** Submitter; their ADMIN (same Ente) and the Comune's TOP, except STANDARDPS requests; the TOP also sees those awaiting convalida. */
  private visibility(caller: Caller): FilterQuery<RivRequest> {
    const or: FilterQuery<RivRequest>[] = [{ submitterId: caller.userId }];
    if (caller.role === 'ADMIN' && caller.enteId) or.push({ enteId: caller.enteId, standardPs: false });
    if (caller.role === 'TOP' && caller.comune) or.push({ comune: caller.comune, standardPs: false }, { comune: caller.comune, state: 'in_convalida' });
    return { $or: or };
  }

  async find(caller: Caller, id: string): Promise<RivRequest> {
    const r = /^[0-9a-f-]{36}$/.test(id) ? await this.engine.em().findOne(RivRequest, { $and: [{ id }, this.visibility(caller)] }) : null;
    if (!r) throw rivProblem('not-found', 'No such rivestizione request among those you may see');
    return r;
  }

  async list(caller: Caller, q: { state?: string; limit?: number; offset?: number }) {
    const where: FilterQuery<RivRequest> = { $and: [this.visibility(caller), ...(q.state ? [{ state: q.state as RivRequest['state'] }] : [])] };
    const [items, total] = await this.engine.em().findAndCount(RivRequest, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return { items: await Promise.all(items.map((r) => this.view(r))), total };
  }

  private assertOfficer(caller: Caller, r: RivRequest) {
    if (caller.role !== 'TOP' || caller.comune !== r.comune) throw rivProblem('forbidden', 'Only a registry officer of the Comune validates its requests');
    if (r.state !== 'in_convalida') throw rivProblem('conflict', `The request is ${STATE_LABEL[r.state].toLowerCase()}, not awaiting convalida`, { state: r.state });
  }

  async approve(caller: Caller, id: string) {
    const r = await this.find(caller, id);
    this.assertOfficer(caller, r);
    const n = await this.engine.em().nativeUpdate(RivRequest, { id, state: 'in_convalida' }, { state: 'convalidata', validatorId: caller.userId, validatorUsername: caller.username, decidedAt: this.engine.now() });
    if (n !== 1) throw rivProblem('conflict', 'The request was decided meanwhile');
    // Not through find(): a decided STANDARDPS request is no longer visible to the officer who decided it.
    return this.view(await this.engine.em().findOneOrFail(RivRequest, { id }));
  }

  async reject(caller: Caller, id: string, reason: string) {
    const r = await this.find(caller, id);
    this.assertOfficer(caller, r);
    const n = await this.engine.em().nativeUpdate(
      RivRequest,
      { id, state: 'in_convalida' },
      { state: 'respinta', reason, validatorId: caller.userId, validatorUsername: caller.username, decidedAt: this.engine.now(), grantCiphertext: null },
    );
    if (n !== 1) throw rivProblem('conflict', 'The request was decided meanwhile');
    // Not through find(): a decided STANDARDPS request is no longer visible to the officer who decided it.
    return this.view(await this.engine.em().findOneOrFail(RivRequest, { id }));
  }

  async openFile(caller: Caller, id: string, fileId: string) {
    const r = await this.find(caller, id);
    if (r.standardPs && caller.userId !== r.submitterId) throw rivProblem('not-found', 'No such file');
    const f = await this.engine.em().findOne(RivFile, { id: fileId, request: r.id });
    if (!f) throw rivProblem('not-found', 'No such file');
    const path = join(this.config.filesDir, r.id, f.name);
    if (f.deletedAt || f.expiresAt <= this.engine.now() || !existsSync(path)) {
      throw rivProblem('file-expired', `The file was available until ${f.expiresAt.toISOString()}; the archive keeps its SHA-256`, { sha256: f.sha256 });
    }
    return { name: f.name, size: Number(f.size), sha256: f.sha256, stream: createReadStream(path) };
  }

  private assertTop(caller: Caller, comune: string) {
    if (caller.role !== 'TOP' || caller.comune !== comune) throw rivProblem('forbidden', 'Only a registry officer of the Comune manages its rivestizione settings');
  }

  async getSettings(caller: Caller, comune: string): Promise<ComuneSettingsView> {
    this.assertTop(caller, comune);
    return this.settingsView(await this.engine.settingsFor(comune));
  }

  async updateSettings(caller: Caller, comune: string, dto: ComuneSettingsDto): Promise<ComuneSettingsView> {
    this.assertTop(caller, comune);
    const em = this.engine.em();
    const s = (await em.findOne(RivComuneSettings, { comune })) ?? em.create(RivComuneSettings, { comune } as never);
    Object.assign(s, {
      convalidaRequired: dto.convalidaRequired,
      silentConsentHours: dto.silentConsentHours ?? null,
      concurrency: dto.concurrency,
      ratePerSecond: dto.ratePerSecond,
      dailyBudget: dto.dailyBudget,
      windows: dto.windows.map((w) => ({ from: w.from, to: w.to })),
      updatedBy: caller.username,
      updatedAt: this.engine.now(),
    });
    if (s.windows.some((w) => w.from >= w.to)) throw rivProblem('validation-failed', 'Each window must end after it starts', { errors: [{ field: 'windows', message: 'from must be before to' }] });
    await em.flush();
    return this.settingsView(s);
  }

  private async settingsView(s: RivComuneSettings): Promise<ComuneSettingsView> {
    return {
      comune: s.comune,
      convalidaRequired: s.convalidaRequired,
      silentConsentHours: s.silentConsentHours ?? null,
      concurrency: s.concurrency,
      ratePerSecond: s.ratePerSecond,
      dailyBudget: s.dailyBudget,
      windows: s.windows,
      updatedBy: s.updatedBy ?? null,
      usedToday: await this.engine.usedToday(s.comune),
    };
  }

  async view(r: RivRequest): Promise<RivestizioneView> {
    const em = this.engine.em();
    const live = r.state === 'in_lavorazione';
    const done = live ? await em.count(RivRow, { request: r.id, doneAt: { $ne: null } }) : r.state.startsWith('completata') ? r.doneRows : r.invalidRows;
    const ok = live ? await em.count(RivRow, { request: r.id, esito: 'OK' }) : r.okRows;
    const errors = live ? await em.count(RivRow, { request: r.id, esito: { $in: ['ERRORE', 'SCARTATO'] } }) : r.state.startsWith('completata') ? r.errorRows : r.invalidRows;
    const total = r.validRows + r.invalidRows;
    let completamentoPrevisto: string | null = null;
    let exceedsTodayBudget = false;
    if (['in_convalida', 'convalidata', 'in_lavorazione'].includes(r.state)) {
      const s = await this.engine.settingsFor(r.comune, em);
      const f = forecastCompletion({ rowsLeft: total - done, usedToday: await this.engine.usedToday(r.comune), dailyBudget: s.dailyBudget, ratePerSecond: s.ratePerSecond, windows: s.windows, now: this.engine.now() });
      completamentoPrevisto = f.completamentoPrevisto.toISOString();
      exceedsTodayBudget = f.exceedsTodayBudget;
    }
    const files = r.state.startsWith('completata') ? await em.find(RivFile, { request: r.id }, { orderBy: { name: 'asc' } }) : [];
    return {
      id: r.id,
      state: r.state,
      stateLabel: live ? `In lavorazione ${done}/${total}` : STATE_LABEL[r.state],
      comune: r.comune,
      motivoRichiesta: r.motivoRichiesta,
      submitter: r.submitterUsername,
      sourceName: r.sourceName ?? null,
      counts: { total, valid: r.validRows, invalid: r.invalidRows, done, ok, errors },
      fields: r.fields ?? [],
      reason: r.reason ?? null,
      validator: r.validatorUsername ?? null,
      completamentoPrevisto,
      exceedsTodayBudget,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      completedAt: r.completedAt?.toISOString() ?? null,
      files: files.map((f) => ({ id: f.id, name: f.name, size: Number(f.size), rows: f.rows, sha256: f.sha256, expiresAt: f.expiresAt.toISOString(), deleted: !!f.deletedAt })),
    };
  }
}

function reportView(r: ValidationReport): ValidationReportView {
  return { format: r.format, ...(r.delimiter ? { delimiter: r.delimiter } : {}), totalRows: r.totalRows, validRows: r.validRows, invalidRows: r.invalidRows, errors: r.errors, warnings: r.warnings };
}

/** Valid rows to look up, and refused rows already ended as SCARTATO, so the output has one row per input row. */
function rowsOf(request: RivRequest, report: ValidationReport) {
  const now = new Date();
  const base = { request: request.id, attempts: 0 };
  const valid = (report.rows ?? []).map((row: InputRow) => ({ ...base, id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID(), position: row.line, idType: row.type, idValue: row.value, reference: row.reference }));
  const byLine = new Map<number, string[]>();
  for (const e of report.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
  const references = new Map((report.refusedReferences ?? []).map((r) => [r.line, r.reference]));
  const refused = [...byLine].map(([line, messages]) => ({
    ...base,
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    position: line,
    reference: references.get(line) ?? null,
    esito: 'SCARTATO',
    errore: `Riga non valida: ${messages.join('; ')}`.slice(0, 300),
    doneAt: now,
  }));
  return [...valid, ...refused] as never[];
}
