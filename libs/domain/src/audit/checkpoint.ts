import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { ChainAnchor } from './audit-chain.js';

/**
 * Checkpoints anchor the audit chains outside the database: one line of an append-only file per
 * checkpoint, holding the head (seq and hash) of every chain at that moment, signed with a key
 * derived from the chain key. Whoever can write to the database cannot take back what a line
 * already recorded; whoever edits or forges a line without the key fails its signature.
 */
export interface CheckpointHead {
  chainId: string;
  seq: number;
  hash: string;
}

export interface Checkpoint {
  v: 1;
  time: string;
  instance: string;
  chains: CheckpointHead[];
  sig: string;
}

/** Used only when no AUDIT_CHAIN_KEY is configured, which the configuration allows in the sandbox alone. */
export const SANDBOX_CHECKPOINT_SECRET = 'geres-sandbox-audit-checkpoints-not-secret';

/** A key of its own for checkpoints (HKDF-SHA-256), so the chain key is never used for two purposes. */
export function checkpointKey(chainKey: string | undefined): Buffer {
  return Buffer.from(hkdfSync('sha256', chainKey ?? SANDBOX_CHECKPOINT_SECRET, 'geres-audit', 'audit-checkpoint-v1', 32));
}

function signature(key: Buffer, c: Omit<Checkpoint, 'sig'>): string {
  const chains = c.chains.map((h) => [h.chainId, Number(h.seq), h.hash]);
  return createHmac('sha256', key).update(JSON.stringify([c.v, c.time, c.instance, chains])).digest('hex');
}

export function signCheckpoint(key: Buffer, time: Date, instance: string, chains: CheckpointHead[]): string {
  const body = { v: 1 as const, time: time.toISOString(), instance, chains: chains.map((h) => ({ chainId: h.chainId, seq: Number(h.seq), hash: h.hash })) };
  return JSON.stringify({ ...body, sig: signature(key, body) });
}

export interface CheckpointFileReport {
  lines: number;
  valid: number;
  /** Lines that do not parse or whose signature fails: forged or edited. */
  invalid: Array<{ line: number; message: string }>;
  /** Per chain, what the valid lines recorded. */
  anchors: Map<string, ChainAnchor[]>;
}

/** Reads a checkpoint file's text: every line must carry a valid signature. */
export function readCheckpoints(text: string, key: Buffer): CheckpointFileReport {
  const report: CheckpointFileReport = { lines: 0, valid: 0, invalid: [], anchors: new Map() };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    report.lines++;
    const line = i + 1;
    let c: Checkpoint;
    try {
      c = JSON.parse(raw) as Checkpoint;
    } catch {
      report.invalid.push({ line, message: `checkpoint line ${line} is not JSON` });
      return;
    }
    if (c?.v !== 1 || typeof c.time !== 'string' || typeof c.instance !== 'string' || !Array.isArray(c.chains) || typeof c.sig !== 'string' || !/^[0-9a-f]{64}$/.test(c.sig)) {
      report.invalid.push({ line, message: `checkpoint line ${line} is not a checkpoint` });
      return;
    }
    const ok = c.chains.every((h) => typeof h?.chainId === 'string' && Number.isInteger(h.seq) && typeof h.hash === 'string');
    const expected = ok ? signature(key, c) : '';
    if (!ok || !timingSafeEqual(Buffer.from(expected.padEnd(64, '0'), 'hex'), Buffer.from(c.sig, 'hex'))) {
      report.invalid.push({ line, message: `checkpoint line ${line} (${String(c.time)}) fails its signature: edited, forged, or signed with another key` });
      return;
    }
    report.valid++;
    for (const h of c.chains) {
      const list = report.anchors.get(h.chainId) ?? [];
      list.push({ seq: h.seq, hash: h.hash, source: `checkpoint line ${line} (${c.time})` });
      report.anchors.set(h.chainId, list);
    }
  });
  return report;
}
