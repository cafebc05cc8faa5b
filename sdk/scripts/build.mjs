#!/usr/bin/env node
/**
 * Builds dist/esm and dist/cjs (each with .d.ts) with the repository's TypeScript. The package is
 * "type": "module", so dist/cjs gets a package.json of its own saying its .js files are CommonJS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdkDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(join(sdkDir, 'dist'), { recursive: true, force: true });
for (const [config, type] of [['tsconfig.esm.json', 'module'], ['tsconfig.cjs.json', 'commonjs']]) {
  execFileSync(process.execPath, [tsc, '-p', join(sdkDir, config)], { stdio: 'inherit', cwd: sdkDir });
  const out = join(sdkDir, 'dist', type === 'module' ? 'esm' : 'cjs');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type }, null, 2)}\n`);
}
console.log('Built sdk/dist/esm and sdk/dist/cjs');
