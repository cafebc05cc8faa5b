import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeResClient } from '../../../../sdk/src/index.js';
import { startVisure } from '../app.js';
import { SealKeystore } from '../document/index.js';
import { createTestSealPki } from '../document/testing/test-pki.js';
import { renderArchiveExport } from '../service/archive-export.js';

/**
 * End-to-end figures (printed, never asserted): a real-time visura through service → gateway →
 * simulated ANPR against the bare lookup in the same run, and the archive export of 1,000 rows.
 * Needs the sandbox running (`npm start`): GERES_URL (default http://127.0.0.1:3000) and its
 * `.sandbox/` (credentials.json, service-clients.json). BENCH_N requests each (default 60).
 */
const gatewayUrl = process.env.GERES_URL ?? 'http://127.0.0.1:3000';
const sandboxDir = process.env.GERES_SANDBOX_DIR ?? '.sandbox';
const N = Number(process.env.BENCH_N ?? 60);
const COMUNE = '072006';
const SUBJECT = 'NRECLD70B17A662M';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;

async function exportFigure() {
  const rows = Array.from({ length: 1000 }, (_, i) => ({
    createdAt: new Date(Date.UTC(2026, 11, 3, 9, 0, i)).toISOString(),
    type: 'Residenza',
    state: i % 7 ? 'issued' : 'refused',
    criterionKind: 'codiceFiscale',
    subject: `ROSSI MARIO ${String(i).padStart(4, '0')} RSSMRA80A01A662X`,
    requester: 'operatore.consorzio',
    documentId: `VIS-2026-${String(i).padStart(10, '0')}`,
  }));
  await renderArchiveExport(rows.slice(0, 10), { title: 'warm-up', generatedAt: new Date(), filters: '' });
  const t = process.hrtime.bigint();
  const pdf = await renderArchiveExport(rows, { title: 'Archivio visure', generatedAt: new Date(), filters: 'bench' });
  console.log(`archive export, 1,000 rows: ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KiB (target ≤ 3,000 ms)`);
}

async function main() {
  await exportFigure();
  const credsFile = join(sandboxDir, 'credentials.json');
  const clientsFile = join(sandboxDir, 'service-clients.json');
  if (!existsSync(credsFile) || !existsSync(clientsFile)) {
    console.log(`end-to-end figures skipped: no running sandbox (${credsFile} / ${clientsFile} missing; start it with npm start)`);
    return;
  }
  const creds = JSON.parse(readFileSync(credsFile, 'utf8')) as { users: Array<{ username: string; password: string }> };
  const top = creds.users.find((u) => u.username === 'top.bari');
  if (!top) throw new Error('top.bari missing from the sandbox credentials');
  const login = await fetch(`${gatewayUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: top.username, password: top.password }) });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const gw = new GeResClient({ baseUrl: gatewayUrl, auth: { accessToken: token } });
  type ComuneView = { nome: string; settings: { nonResidentVisuraPolicy: 'mediator'; silentConsentHours: number; silentConsentMediator: string | null } };
  const comune = await gw.request<ComuneView>('GET', `/v1/comuni/${COMUNE}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-visure-'));
  const pki = createTestSealPki('Bari');
  const visure = await startVisure({
    gatewayUrl,
    clientSecret: (JSON.parse(readFileSync(clientsFile, 'utf8')) as Record<string, string>).visure,
    storageDir: join(dir, 'documents'),
    dataKey: randomBytes(32),
    seals: { [COMUNE]: SealKeystore.fromPkcs12(pki.p12, pki.password) },
    directory: { comuni: { [COMUNE]: { name: comune.nome, ...comune.settings } }, enti: {} },
  });
  try {
    const bare: number[] = [];
    const full: number[] = [];
    const lookup = () =>
      gw.persons.search({ comune: COMUNE, criterion: { type: 'codiceFiscale', codiceFiscale: SUBJECT }, sections: ['generalita', 'residenza'], motivoRichiesta: 'bench', purpose: 'visura', visuraType: 'residenza' });
    const visura = async () => {
      const res = await fetch(`${visure.url}/v1/visure`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'residenza', comune: COMUNE, motivoRichiesta: 'bench', criterion: { type: 'codiceFiscale', codiceFiscale: SUBJECT } }),
      });
      if (res.status !== 201) throw new Error(`visura: ${res.status} ${await res.text()}`);
    };
    for (let i = 0; i < 5; i++) {
      await lookup();
      await visura();
    }
    // Interleaved, so that both see the same machine.
    for (let i = 0; i < N; i++) {
      let t = performance.now();
      await lookup();
      bare.push(performance.now() - t);
      t = performance.now();
      await visura();
      full.push(performance.now() - t);
    }
    console.log(`bare lookup (gateway → simulated ANPR), ${N}: ${fmt(bare)}`);
    console.log(`real-time visura (service → gateway → ANPR, render, seal, store), ${N}: ${fmt(full)}`);
    console.log(`ratio of p95: ${(pct(full, 95) / pct(bare, 95)).toFixed(2)} (target ≤ 1.3)`);
  } finally {
    await visure.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
