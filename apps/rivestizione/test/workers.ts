import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The built service (`npm run build`); the multi-process suites run it as real worker processes. */
export const MAIN = 'dist/apps/rivestizione/src/main.js';
export const built = () => existsSync(MAIN);

export function spawnWorker(env: Record<string, string | undefined>): ChildProcess & { output: () => string } {
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...env, RIVESTIZIONE_API: 'false', RIVESTIZIONE_WORKER: 'true' } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  return Object.assign(proc, { output: () => out });
}

export async function stopWorker(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill(signal);
  await exited;
}

export async function waitFor(check: () => Promise<boolean>, what: string, rounds = 6000) {
  for (let i = 0; i < rounds; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
