import { existsSync, readFileSync } from 'node:fs';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AuditChain, AuditEvent, checkpointKey, readCheckpoints, verifyChain, type ChainAnchor, type ChainReport } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';

export interface CheckpointSummary {
  file: string;
  lines: number;
  valid: number;
  invalid: Array<{ line: number; message: string }>;
}

export interface AuditTrailReport {
  ok: boolean;
  chains: ChainReport[];
  events: number;
  /** Present when the chains were also checked against a checkpoint file. */
  checkpoints?: CheckpointSummary;
}

/** `GET /v1/audit-events/verification`: the whole trail, against the configured checkpoint file when there is one. */
@Injectable()
export class AuditVerificationService {
  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  verify(): Promise<AuditTrailReport> {
    const file = this.config.auditCheckpointFile;
    return verifyAuditTrail(this.em.fork(), this.config.auditChainKey, file && existsSync(file) ? file : undefined);
  }
}

/**
 * Recomputes every chain (those with a recorded head, those with events, and those a checkpoint
 * names) and lists every broken link of each. With `checkpointFile`, every signed line of it must
 * still hold: each chain it names exists, still reaches the seq it recorded, and has the same hash
 * there; a line that fails its signature is itself a break.
 */
export async function verifyAuditTrail(em: EntityManager, key?: string, checkpointFile?: string): Promise<AuditTrailReport> {
  let anchors = new Map<string, ChainAnchor[]>();
  let checkpoints: CheckpointSummary | undefined;
  if (checkpointFile) {
    const read = readCheckpoints(readFileSync(checkpointFile, 'utf8'), checkpointKey(key));
    anchors = read.anchors;
    checkpoints = { file: checkpointFile, lines: read.lines, valid: read.valid, invalid: read.invalid };
  }
  const heads = await em.find(AuditChain, {}, { orderBy: { startedAt: 'asc' } });
  const fromEvents = (await em.getConnection().execute('select distinct chain_id as chainId from audit_event')) as Array<{ chainId: string }>;
  const inDatabase = new Set([...heads.map((h) => h.id), ...fromEvents.map((r) => r.chainId)]);
  const chains: ChainReport[] = [];
  for (const id of inDatabase) {
    const head = heads.find((h) => h.id === id) ?? null;
    async function* pages() {
      let after = 0;
      for (;;) {
        const batch = await em.fork().find(AuditEvent, { chainId: id, seq: { $gt: after } }, { orderBy: { seq: 'asc' }, limit: 1000 });
        if (!batch.length) return;
        yield* batch;
        after = batch[batch.length - 1].seq;
      }
    }
    const report = await verifyChain(id, pages(), head, key, anchors.get(id));
    if (!head) {
      const missingHead = { chainId: id, eventId: null, seq: 0, reason: 'head_mismatch' as const, message: `chain ${id} has events but no recorded head` };
      report.breaks.unshift(missingHead);
      report.break = missingHead;
      report.ok = false;
    }
    chains.push(report);
  }
  for (const [id, list] of anchors) {
    if (inDatabase.has(id)) continue;
    const last = list.reduce((a, b) => (b.seq > a.seq ? b : a));
    const gone = { chainId: id, eventId: null, seq: last.seq, reason: 'checkpoint_chain_missing' as const, message: `${last.source} recorded chain ${id} at seq ${last.seq}; the chain and its head are gone from the database` };
    chains.push({ chainId: id, events: 0, ok: false, break: gone, breaks: [gone] });
  }
  const ok = chains.every((c) => c.ok) && !checkpoints?.invalid.length;
  return { ok, chains, events: chains.reduce((n, c) => n + c.events, 0), ...(checkpoints ? { checkpoints } : {}) };
}
