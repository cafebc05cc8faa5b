/**
 * Render + seal throughput of one visura on one core (npm run bench:visure). Prints figures and
 * asserts nothing; targets (issue 11): p95 ≤ 50 ms and ≥ 40 documents/s.
 * BENCH_SECONDS (default 10) and BENCH_WARMUP_SECONDS (default 2) set the measured and warm-up time.
 */
import { performance } from 'node:perf_hooks';
import { renderVisura } from './render-visura.js';
import { SealKeystore } from './seal-keystore.js';
import { sealPdf } from './seal-pdf.js';
import { residenzaSample, storicaResidenzaSample } from './testing/sample-visure.js';
import { createTestSealPki } from './testing/test-pki.js';
import type { VisuraDocumentInput } from './visura-document.types.js';

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 3600) throw new Error(`${name} must be an integer between 0 and 3600, got ${raw}`);
  return n;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, input: VisuraDocumentInput, seal: SealKeystore, warmup: number, duration: number): Promise<void> {
  const once = async () => {
    const t0 = performance.now();
    const pdf = await renderVisura(input, { seal });
    const t1 = performance.now();
    const sealed = await sealPdf(pdf, seal);
    const t2 = performance.now();
    return { render: t1 - t0, seal: t2 - t1, total: t2 - t0, bytes: sealed.length };
  };
  const warmEnd = performance.now() + warmup * 1000;
  do await once();
  while (performance.now() < warmEnd);
  const samples: Awaited<ReturnType<typeof once>>[] = [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const end = start + duration * 1000;
  do samples.push(await once());
  while (performance.now() < end);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time per document: what one core would do on a machine not shared with other work.
  const cpuMs = (cpu.user + cpu.system) / 1000 / samples.length;
  const stats = (pick: (s: (typeof samples)[number]) => number) => {
    const sorted = samples.map(pick).sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`;
  };
  console.log(`${label}: ${samples.length} documents in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(1)} documents/s, ${samples[0]!.bytes} bytes sealed`);
  console.log(`  render + seal ${stats((s) => s.total)}  (render ${stats((s) => s.render)}; seal ${stats((s) => s.seal)})`);
  console.log(`  CPU ${cpuMs.toFixed(1)} ms per document = ${(1000 / cpuMs).toFixed(1)} documents/s per core of CPU time`);
}

const warmup = seconds('BENCH_WARMUP_SECONDS', 2);
const duration = seconds('BENCH_SECONDS', 10);
const pki = createTestSealPki();
const seal = SealKeystore.fromPkcs12(pki.p12, pki.password);
console.log(`visura render + seal, sequential on one core (Node ${process.version}), RSA-2048 seal, ${duration} s each`);
await measure('Visura di Residenza (1 page)', residenzaSample, seal, warmup, duration);
await measure('Visura Storica di Residenza (2 pages, 30 periods)', storicaResidenzaSample, seal, warmup, duration);
