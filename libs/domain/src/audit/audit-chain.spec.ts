import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, hashEvent, storableText, verifyChain, type ChainedFields } from './audit-chain.js';
import { checkpointKey, readCheckpoints, signCheckpoint } from './checkpoint.js';

function makeChain(n: number, key?: string) {
  const events: Array<ChainedFields & { id: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: ChainedFields = {
      chainId: 'c1',
      seq: i,
      prevHash: prev,
      time: new Date(Date.UTC(2026, 0, 1, 10, 0, i)),
      requestId: `r${i}`,
      userId: 'u1',
      operation: 'searchPersons',
      subjects: ['RSSMRA85T10A562S'],
      sections: ['generalita'],
      outcome: 'ok',
      monitored: true,
      latencyMs: 12,
    };
    const hash = hashEvent(e, key);
    events.push({ ...e, id: String(100 + i), hash });
    prev = hash;
  }
  return events;
}

async function* iter<T>(xs: T[]) {
  yield* xs;
}

describe('audit chain', () => {
  it('verifies an intact chain', async () => {
    const ev = makeChain(5);
    const sut = await verifyChain('c1', iter(ev), { lastSeq: 5, lastHash: ev[4].hash });
    expect(sut).toEqual({ chainId: 'c1', events: 5, ok: true, breaks: [] });
  });

  it('names the edited event', async () => {
    const ev = makeChain(5);
    ev[2] = { ...ev[2], criterionValue: 'tampered' };
    const sut = await verifyChain('c1', iter(ev), { lastSeq: 5, lastHash: ev[4].hash });
    expect(sut.ok).toBe(false);
    expect(sut.break).toMatchObject({ eventId: '103', reason: 'hash_mismatch', seq: 3 });
  });

  it('names the event after a deletion', async () => {
    const ev = makeChain(5);
    ev.splice(1, 1);
    const sut = await verifyChain('c1', iter(ev), { lastSeq: 5, lastHash: ev[3].hash });
    expect(sut.break).toMatchObject({ eventId: '103', reason: 'sequence_gap' });
  });

  it('notices a removed tail through the head', async () => {
    const ev = makeChain(5);
    const sut = await verifyChain('c1', iter(ev.slice(0, 3)), { lastSeq: 5, lastHash: ev[4].hash });
    expect(sut.break).toMatchObject({ reason: 'missing_tail', eventId: '103' });
  });

  it('with a key, a recomputed plain hash does not verify', async () => {
    const ev = makeChain(3, 'secret');
    const forged = ev.map((e) => ({ ...e }));
    forged[1].outcome = 'denied';
    forged[1].hash = hashEvent(forged[1]);
    const sut = await verifyChain('c1', iter(forged), null, 'secret');
    expect(sut.break).toMatchObject({ eventId: '102', reason: 'hash_mismatch' });
  });

  it('treats undefined and null alike so database round trips verify', () => {
    const [e] = makeChain(1);
    expect(hashEvent({ ...e, enteId: undefined })).toBe(hashEvent({ ...e, enteId: null }));
  });

  it('lists every broken link, resynchronising after each: two edits and a deletion further on', async () => {
    const ev = makeChain(8);
    ev[1] = { ...ev[1], motivoRichiesta: 'edited' };
    ev[4] = { ...ev[4], outcome: 'denied' };
    ev.splice(6, 1); // seq 7 deleted
    const sut = await verifyChain('c1', iter(ev), { lastSeq: 8, lastHash: ev[6].hash });
    expect(sut.ok).toBe(false);
    expect(sut.breaks.map((b) => [b.eventId, b.seq, b.reason])).toEqual([
      ['102', 2, 'hash_mismatch'],
      ['105', 5, 'hash_mismatch'],
      ['108', 8, 'sequence_gap'],
    ]);
    expect(sut.break).toEqual(sut.breaks[0]);
  });

  it('lists each event of a tail rewritten without the key', async () => {
    const ev = makeChain(5, 'secret');
    // Without the key the forger can only chain plain SHA-256 hashes: every rewritten event fails.
    let prev = ev[2].hash;
    for (let i = 3; i < 5; i++) {
      const e = { ...ev[i], prevHash: prev, criterionValue: `forged-${i}` };
      e.hash = hashEvent(e);
      ev[i] = e;
      prev = e.hash;
    }
    const sut = await verifyChain('c1', iter(ev), { lastSeq: 5, lastHash: prev }, 'secret');
    expect(sut.breaks.map((b) => [b.seq, b.reason])).toEqual([
      [4, 'hash_mismatch'],
      [5, 'hash_mismatch'],
    ]);
  });

  it('against anchors: a truncation with the head moved back, and a rewrite with the key, are both reported', async () => {
    const ev = makeChain(6, 'secret');
    const anchors = [{ seq: 6, hash: ev[5].hash, source: 'checkpoint line 1' }];
    const truncated = ev.slice(0, 4);
    const cut = await verifyChain('c1', iter(truncated), { lastSeq: 4, lastHash: truncated[3].hash }, 'secret', anchors);
    expect(cut.breaks.map((b) => [b.seq, b.reason])).toEqual([[6, 'checkpoint_events_missing']]);
    // Rewritten with the key from seq 5 on: every hash verifies, the checkpoint does not.
    const rewritten = ev.map((e) => ({ ...e }));
    let prev = rewritten[3].hash;
    for (let i = 4; i < 6; i++) {
      rewritten[i].criterionValue = 'rewritten';
      rewritten[i].prevHash = prev;
      rewritten[i].hash = hashEvent(rewritten[i], 'secret');
      prev = rewritten[i].hash;
    }
    const sut = await verifyChain('c1', iter(rewritten), { lastSeq: 6, lastHash: prev }, 'secret', anchors);
    expect(sut.breaks.map((b) => [b.eventId, b.seq, b.reason])).toEqual([['106', 6, 'checkpoint_hash_mismatch']]);
  });
});

describe('storableText', () => {
  it('makes text well-formed, without NUL, cut to the column in code points', () => {
    expect(storableText('a\uD800b')).toBe('a\uFFFDb');
    expect(storableText('a\uDC00')).toBe('a\uFFFD');
    expect(storableText('x\u0000y')).toBe('x\uFFFDy');
    expect(storableText('\u{1F600}\u{1F600}\u{1F600}', 2)).toBe('\u{1F600}\u{1F600}');
    expect(storableText('e\u0301\u202Eabc', 3)).toBe('e\u0301\u202E');
    expect(storableText('ok \u{1F600}', 10)).toBe('ok \u{1F600}');
    expect(storableText(null)).toBeUndefined();
  });

  it('is idempotent, so a stored value hashes the same when read back', () => {
    for (const s of ['\uD800\uD800\uDC00', 'a'.repeat(300), '\u0000\u0000', '\u{1F600}'.repeat(150)]) {
      const once = storableText(s, 200);
      expect(storableText(once, 200)).toBe(once);
    }
  });
});

describe('checkpoints', () => {
  const key = checkpointKey('k'.repeat(32));
  const at = new Date(Date.UTC(2026, 11, 3, 10, 0, 0));

  it('reads back what it signed, per chain', () => {
    const text = [signCheckpoint(key, at, 'gw-1', [{ chainId: 'c1', seq: 3, hash: 'a'.repeat(64) }]), signCheckpoint(key, at, 'gw-1', [{ chainId: 'c1', seq: 5, hash: 'b'.repeat(64) }, { chainId: 'c2', seq: 1, hash: 'c'.repeat(64) }])].join('\n');
    const sut = readCheckpoints(`${text}\n`, key);
    expect(sut).toMatchObject({ lines: 2, valid: 2, invalid: [] });
    expect(sut.anchors.get('c1')?.map((a) => a.seq)).toEqual([3, 5]);
    expect(sut.anchors.get('c2')?.map((a) => a.hash)).toEqual(['c'.repeat(64)]);
  });

  it('refuses an edited line, a forged line and a line signed with another key', () => {
    const good = signCheckpoint(key, at, 'gw-1', [{ chainId: 'c1', seq: 9, hash: 'a'.repeat(64) }]);
    const edited = good.replace('"seq":9', '"seq":4');
    const forged = signCheckpoint(checkpointKey('another-key-of-16+'), at, 'gw-1', [{ chainId: 'c1', seq: 4, hash: 'a'.repeat(64) }]);
    const sut = readCheckpoints([good, edited, forged, 'not json'].join('\n'), key);
    expect(sut.valid).toBe(1);
    expect(sut.invalid.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(sut.anchors.get('c1')?.map((a) => a.seq)).toEqual([9]);
  });
});
