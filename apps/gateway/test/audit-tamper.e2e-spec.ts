import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUDIT_LIST_ITEM_LENGTH, AUDIT_TEXT_LENGTHS, AuditChain, AuditEvent, checkpointKey, hashEvent, readCheckpoints, storableText, type ChainReport } from '#libs/domain';
import { AuditService, type AuditInput } from '../src/audit/audit.service.js';
import { AuditCheckpointService } from '../src/audit/audit-checkpoint.service.js';
import { verifyAuditTrail } from '../src/audit/audit-verification.service.js';
import { announceSkips, backends, login, seedTenants, startGateway, type TestGateway } from './harness.js';

const run = promisify(execFile);
const CLI = 'dist/apps/gateway/src/bin/audit-verify.js';
const KEY = 'tamper-suite-chain-key-0123456789';

/** Strings a database may not store as given, or store differently, or that are merely awkward. */
const HOSTILE = [
  '\uD800 lone high surrogate',
  'lone low surrogate \uDC00',
  'NUL\u0000inside',
  'emoji \u{1F600} and \u{1D518} outside the BMP',
  'e\u0301 combining a\u0308 marks',
  '\u202Eright-to-left override\u200F mark',
  'x'.repeat(5000),
  '\u{1F600}'.repeat(300),
  '\uFEFF\uFFFE noncharacters',
  `quotes ' " \\ % _ ; -- `,
];

type TextField = keyof typeof AUDIT_TEXT_LENGTHS;
const TEXT_FIELDS = Object.keys(AUDIT_TEXT_LENGTHS) as TextField[];

/**
 * The tamper suite: what someone with write access to the database may do to the audit trail, and
 * what verification (API, function and the real `audit:verify` command) reports — every break, not
 * only the first, with the signed checkpoints catching what the database alone cannot show.
 */
describe.each(backends())('audit trail tamper suite on $name', (backend) => {
  let gw: TestGateway;
  let sqlitePath: string | undefined;
  let checkpoints: string;

  beforeAll(async () => {
    announceSkips();
    const dir = mkdtempSync(join(tmpdir(), 'geres-tamper-'));
    sqlitePath = backend.name === 'sqlite' ? join(dir, 'audit.sqlite') : undefined;
    checkpoints = join(dir, 'audit-checkpoints.jsonl');
    gw = await startGateway(backend, { ...(sqlitePath ? { SQLITE_PATH: sqlitePath } : {}), AUDIT_CHAIN_KEY: KEY, AUDIT_CHECKPOINT_FILE: checkpoints });
    await seedTenants(gw.em);
  }, 60_000);
  afterAll(() => gw?.close());

  /** A chain of its own (one writer = one chain) with `n` events. */
  const chain = async (n: number, over: (i: number) => Partial<AuditInput> = () => ({})) => {
    const writer = new AuditService(gw.app.get(AuditService)['em'], gw.config);
    await Promise.all(Array.from({ length: n }, (_, i) => writer.record({ requestId: `t-${i}`, operation: 'searchPersons', criterionValue: `RSSMRA85T10A562${i}`, outcome: 'ok', ...over(i) })));
    await writer.drain();
    return writer.chainId;
  };
  const events = (chainId: string) => gw.em.fork().find(AuditEvent, { chainId }, { orderBy: { seq: 'asc' } });
  const verify = (withCheckpoints = true) => verifyAuditTrail(gw.em.fork(), KEY, withCheckpoints ? checkpoints : undefined);
  const report = (r: { chains: ChainReport[] }, chainId: string) => r.chains.find((c) => c.chainId === chainId)!;
  const breaks = (c: ChainReport) => c.breaks.map((b) => [b.seq, b.reason]);
  const checkpoint = () => gw.app.get(AuditCheckpointService).checkpoint();
  /** Rewrites events from `fromSeq` on, relinking them and moving the head, hashed with `key` (or plain SHA-256). */
  const rewriteTail = async (chainId: string, fromSeq: number, key: string | undefined) => {
    const list = await events(chainId);
    let prev = list[fromSeq - 2].hash;
    for (const e of list.slice(fromSeq - 1)) {
      e.criterionValue = `REWRITTEN${e.seq}`;
      e.prevHash = prev;
      e.hash = hashEvent(e, key);
      prev = e.hash;
      await gw.em.fork().nativeUpdate(AuditEvent, { id: e.id }, { criterionValue: e.criterionValue, prevHash: e.prevHash, hash: e.hash });
    }
    await gw.em.fork().nativeUpdate(AuditChain, { id: chainId }, { lastSeq: list.length, lastHash: prev });
  };

  it('stores exactly what it hashes, whatever the text: a hostile string in every audited field verifies after the round trip', async () => {
    const id = await chain(HOSTILE.length, (i) => {
      const h = HOSTILE[i];
      const input: Record<string, unknown> = Object.fromEntries(TEXT_FIELDS.map((f) => [f, h]));
      return { ...input, subjects: [h, `${h}-2`], sections: [h] } as Partial<AuditInput>;
    });
    const stored = await events(id);
    expect(stored).toHaveLength(HOSTILE.length);
    for (const e of stored) {
      const h = HOSTILE[e.seq - 1];
      for (const f of TEXT_FIELDS) expect([f, e[f]]).toEqual([f, storableText(h, AUDIT_TEXT_LENGTHS[f])]);
      expect(e.subjects).toEqual([storableText(h, AUDIT_LIST_ITEM_LENGTH), storableText(`${h}-2`, AUDIT_LIST_ITEM_LENGTH)]);
      expect(hashEvent(e, KEY)).toBe(e.hash);
    }
    // What the database gave back is well-formed text without NUL (storableText leaves such text unchanged).
    expect(stored.every((e) => TEXT_FIELDS.every((f) => storableText(String(e[f] ?? '')) === String(e[f] ?? '')))).toBe(true);
    const r = report(await verify(false), id);
    expect(r).toMatchObject({ ok: true, events: HOSTILE.length, breaks: [] });
  });

  it('lists every edit and deletion of one chain, through the function and the API', async () => {
    const id = await chain(8);
    const list = await events(id);
    await gw.em.fork().nativeUpdate(AuditEvent, { id: list[1].id }, { motivoRichiesta: 'edited' });
    await gw.em.fork().nativeUpdate(AuditEvent, { id: list[4].id }, { outcome: 'denied' });
    await gw.em.fork().nativeDelete(AuditEvent, { id: list[6].id });
    const expected = [
      [2, 'hash_mismatch'],
      [5, 'hash_mismatch'],
      [8, 'sequence_gap'],
    ];
    expect(breaks(report(await verify(false), id))).toEqual(expected);
    const api = await gw.http.get('/v1/audit-events/verification').auth(await login(gw, 'top.bari'), { type: 'bearer' });
    expect(api.status).toBe(200);
    expect(api.body.ok).toBe(false);
    const c = api.body.chains.find((x: ChainReport) => x.chainId === id);
    expect(c.breaks.map((b: { seq: number; reason: string }) => [b.seq, b.reason])).toEqual(expected);
    expect(c.break).toMatchObject({ seq: 2, reason: 'hash_mismatch', eventId: String(list[1].id) });
  });

  it('lists each event of a tail rewritten without the key', async () => {
    const id = await chain(5);
    await rewriteTail(id, 3, undefined);
    expect(breaks(report(await verify(false), id))).toEqual([
      [3, 'hash_mismatch'],
      [4, 'hash_mismatch'],
      [5, 'hash_mismatch'],
    ]);
  });

  it('catches, against a checkpoint, a truncation with the head moved back', async () => {
    const id = await chain(6);
    await checkpoint();
    const list = await events(id);
    await gw.em.fork().nativeDelete(AuditEvent, { chainId: id, seq: { $gt: 4 } });
    await gw.em.fork().nativeUpdate(AuditChain, { id }, { lastSeq: 4, lastHash: list[3].hash });
    // The database alone cannot tell: the chain is consistent with its (moved) head.
    expect(report(await verify(false), id)).toMatchObject({ ok: true, events: 4 });
    expect(breaks(report(await verify(), id))).toEqual([[6, 'checkpoint_events_missing']]);
  });

  it('catches, against a checkpoint, a whole chain deleted with its head', async () => {
    const id = await chain(3);
    await checkpoint();
    await gw.em.fork().nativeDelete(AuditEvent, { chainId: id });
    await gw.em.fork().nativeDelete(AuditChain, { id });
    expect((await verify(false)).chains.some((c) => c.chainId === id)).toBe(false);
    expect(report(await verify(), id)).toMatchObject({ ok: false, events: 0, breaks: [{ seq: 3, reason: 'checkpoint_chain_missing', eventId: null }] });
  });

  it('catches, against a checkpoint, a tail rewritten with the key after it', async () => {
    const id = await chain(5);
    await checkpoint();
    await rewriteTail(id, 4, KEY);
    expect(report(await verify(false), id)).toMatchObject({ ok: true });
    expect(breaks(report(await verify(), id))).toEqual([[5, 'checkpoint_hash_mismatch']]);
  });

  it('refuses a forged or edited checkpoint line', async () => {
    const lines = readFileSync(checkpoints, 'utf8').trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]);
    // Moving a head back in the file, to hide a truncation, breaks its signature.
    appendFileSync(checkpoints, `${JSON.stringify({ ...last, chains: last.chains.map((h: { seq: number }) => ({ ...h, seq: 1 })) })}\n`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.checkpoints).toMatchObject({ lines: lines.length + 1, valid: lines.length, invalid: [{ line: lines.length + 1 }] });
    expect(r.checkpoints!.invalid[0].message).toMatch(/fails its signature/);
  });

  it('npm run audit:verify --against <checkpoints> (the real command) lists every break and exits 1', async () => {
    if (!existsSync(CLI)) {
      console.warn(`SKIPPED: audit:verify command check needs ${CLI} (npm run build); CI builds first`);
      return;
    }
    const expected = await verify();
    const total = expected.chains.reduce((n, c) => n + c.breaks.length, 0);
    const env = { ...process.env, AUDIT_CHAIN_KEY: KEY, DATABASE_URL: gw.config.databaseUrl ?? '', SQLITE_PATH: sqlitePath ?? '' };
    const res = await run(process.execPath, [CLI, '--against', checkpoints], { env }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e) => ({ code: e.code as number, out: String(e.stdout) }),
    );
    expect(res.code).toBe(1);
    const brokenLines = res.out.split('\n').filter((l) => l.trimStart().startsWith('BROKEN at event'));
    expect(brokenLines).toHaveLength(total);
    for (const reason of ['hash_mismatch', 'sequence_gap', 'checkpoint_events_missing', 'checkpoint_chain_missing', 'checkpoint_hash_mismatch']) {
      expect(brokenLines.some((l) => l.includes(`, ${reason})`))).toBe(true);
    }
    expect(res.out).toMatch(/BROKEN checkpoint: checkpoint line \d+ .*fails its signature/);
    expect(res.out).toContain(`audit trail BROKEN: ${total + 1} break(s)`);
  });
});

describe('audit checkpoints written by the gateway', () => {
  it('appends a signed checkpoint of every chain head at shutdown, beside the sandbox database by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-checkpoint-'));
    const gw = await startGateway({ name: 'sqlite' }, { SQLITE_PATH: join(dir, 'geres.sqlite'), AUDIT_CHAIN_KEY: KEY });
    const file = join(dir, 'audit-checkpoints.jsonl');
    expect(gw.config.auditCheckpointFile).toBe(file);
    const audit = gw.app.get(AuditService);
    await audit.record({ requestId: 'shutdown-1', operation: 'searchPersons', outcome: 'ok' });
    await audit.record({ requestId: 'shutdown-2', operation: 'searchPersons', outcome: 'denied' });
    const head = await gw.em.fork().findOneOrFail(AuditChain, { id: audit.chainId });
    expect(existsSync(file)).toBe(false);
    await gw.close();
    const read = readCheckpoints(readFileSync(file, 'utf8'), checkpointKey(KEY));
    expect(read).toMatchObject({ lines: 1, valid: 1, invalid: [] });
    expect(read.anchors.get(audit.chainId)?.map((a) => [a.seq, a.hash])).toEqual([[2, head.lastHash]]);
    // Signed with a key derived from the chain key: another key does not verify it.
    expect(readCheckpoints(readFileSync(file, 'utf8'), checkpointKey('another-chain-key-0123')).valid).toBe(0);
  });
});
