/**
 * Self time from a V8 .cpuprofile (the format of `node --cpu-prof` and of the inspector's
 * Profiler.stop): per function, per file and per package, so a reader sees where the time goes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  label: string;
  ms: number;
}

export interface ProfileSummary {
  wallMs: number;
  /** Sampled time outside (idle): busyMs + idleMs = wallMs, roughly. */
  idleMs: number;
  /** Time spent starting and stopping the profiler itself (node:inspector), left out of the rest. */
  profilerMs: number;
  busyMs: number;
  gcMs: number;
  functions: SelfTime[];
  files: SelfTime[];
  packages: SelfTime[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** `file:///work/main/node_modules/@xmldom/xmldom/lib/dom.js` → `node_modules/@xmldom/xmldom/lib/dom.js`. */
function shortUrl(url: string, root: string): string {
  if (!url) return '';
  let path = url;
  if (url.startsWith('file://')) {
    try {
      path = fileURLToPath(url);
    } catch {
      path = url;
    }
  }
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + 1);
  if (path.startsWith(root + '/')) return path.slice(root.length + 1);
  return path;
}

/** A package (node_modules/<name>), a project area (dist/libs/anpr, dist/apps/gateway...) or node: internals. */
function packageOf(file: string): string {
  if (!file) return '(native / V8)';
  if (file.startsWith('node:')) return 'node: (core)';
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (m) return m[1]!;
  const d = /^dist\/(libs\/[^/]+|apps\/[^/]+|test-env\/src\/[^/]+)/.exec(file);
  if (d) return d[1]!;
  return file;
}

function top(map: Map<string, number>, n: number): SelfTime[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([label, ms]) => ({ label, ms }));
}

export function summariseProfile(path: string, root: string, n = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  // timeDeltas[i] is the time since the previous sample: charge it to the node sampled at i.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  const packages = new Map<string, number>();
  let idleMs = 0;
  let gcMs = 0;
  let sampledMs = 0;
  let profilerMs = 0;
  for (const [id, ms] of selfByNode) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (url === 'node:inspector') {
      profilerMs += ms;
      continue;
    }
    sampledMs += ms;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    if (functionName === '(garbage collector)') gcMs += ms;
    const file = shortUrl(url, root);
    const name = SPECIAL.has(functionName) ? functionName : `${functionName || '(anonymous)'}  ${file ? `${file}:${lineNumber + 1}` : '(native)'}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const fileKey = SPECIAL.has(functionName) ? functionName : file || '(native / V8 builtins)';
    files.set(fileKey, (files.get(fileKey) ?? 0) + ms);
    const pkg = SPECIAL.has(functionName) ? functionName : packageOf(file);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  const wallMs = (profile.endTime - profile.startTime) / 1000 - profilerMs;
  return { wallMs, idleMs, profilerMs, busyMs: sampledMs - idleMs, gcMs, functions: top(functions, n), files: top(files, n), packages: top(packages, 10) };
}
