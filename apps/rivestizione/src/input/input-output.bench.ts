/**
 * `npm run bench:rivestizione`: prints figures, asserts nothing. A generated 100,000-row CSV (valid
 * codici fiscali with correct check characters, some bad rows) parsed and validated as a stream,
 * then 100,000 result rows written. BENCH_ROWS overrides the size (CI runs a small one).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codiceFiscaleCheckCharacter, completeIdAnpr } from '#libs/anpr';
import { parseInputFile } from './parse-input.js';
import { ResultCsvWriter } from '../output/result-csv-writer.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAMPLE_AT = Math.min(10_000, Math.floor(ROWS / 10));
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MONTHS = 'ABCDEHLMPRST';
// mulberry32: deterministic and good enough that generated codes rarely collide.
let seed = 42;
const rnd = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
};
const letters = (n: number) => Array.from({ length: n }, () => LETTERS[rnd(26)]).join('');
const digits = (n: number) => Array.from({ length: n }, () => String(rnd(10))).join('');

function codiceFiscale(): string {
  const day = 1 + rnd(28) + (rnd(2) ? 40 : 0);
  const first15 = letters(6) + digits(2) + MONTHS[rnd(12)] + String(day).padStart(2, '0') + letters(1) + digits(3);
  return first15 + codiceFiscaleCheckCharacter(first15);
}

function row(i: number): string {
  if (i % 1000 === 999) return `CF;${codiceFiscale().slice(0, 15)}X;BAD-${i}`; // mostly a wrong check character
  if (i % 1000 === 500) return `XX;ABC;BAD-${i}`;
  if (i % 10 === 3) return `ID;${completeIdAnpr(digits(2) + letters(2) + digits(4))};RIF-${i}`;
  return `CF;${codiceFiscale()};RIF-${i}`;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'riv-bench-'));
  try {
    const file = join(dir, 'input.csv');
    const out = createWriteStream(file);
    out.write('\uFEFFtipo;identificativo;riferimento\r\n');
    for (let i = 0; i < ROWS; i++) if (!out.write(row(i) + '\r\n')) await once(out, 'drain');
    out.end();
    await finished(out);

    global.gc?.();
    const rssStart = process.memoryUsage().rss;
    let rssAtSample = 0;
    let seen = 0;
    const t0 = process.hrtime.bigint();
    const report = await parseInputFile(createReadStream(file), {
      limits: { maxRows: ROWS, maxBytes: 1024 * 1024 * 1024 },
      sink: () => {
        if (++seen === SAMPLE_AT) {
          global.gc?.();
          rssAtSample = process.memoryUsage().rss;
        }
      },
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    global.gc?.();
    const rssEnd = process.memoryUsage().rss;
    console.log(`parse+validate ${ROWS} rows: ${seconds.toFixed(2)} s (target <= 5 s); valid ${report.validRows}, errors ${report.errors.length}, warnings ${report.warnings.length}`);
    console.log(`RSS: start ${mb(rssStart)} MB, at ${SAMPLE_AT} rows ${mb(rssAtSample)} MB, end ${mb(rssEnd)} MB; growth ${mb(rssEnd - rssAtSample)} MB (target < 30 MB, RSS < 250 MB)`);

    const fields = ['codiceFiscale', 'cognome', 'nome', 'dataNascita', 'comuneResidenza', 'indirizzoResidenza'];
    const sut = new ResultCsvWriter({ directory: dir, baseName: 'esito', fields, maxBytesPerFile: 5 * 1024 * 1024 });
    const t1 = process.hrtime.bigint();
    for (let i = 0; i < ROWS; i++) {
      await sut.write({
        reference: `RIF-${i}`,
        values: { codiceFiscale: 'RSSMRA85T10A562S', cognome: 'ROSSI', nome: 'MARIO', dataNascita: '1985-12-10', comuneResidenza: 'BARI', indirizzoResidenza: 'VIA SPARANO 1' },
        esito: 'trovato',
      });
    }
    const files = await sut.close();
    const wSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    console.log(`write ${ROWS} result rows: ${wSeconds.toFixed(2)} s in ${files.length} files (${files.map((f) => f.rows).join(', ')} rows)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
