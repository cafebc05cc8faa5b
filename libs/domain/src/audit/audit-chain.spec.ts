import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, hashEvent, verifyChain, type ChainedFields } from './audit-chain.js';

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
    expect(sut).toEqual({ chainId: 'c1', events: 5, ok: true });
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
});
