/**
 * The small request/answer protocol between `npm run bench` and the processes it starts (the
 * simulated ANPR and the gateway), over Node's IPC channel.
 *
 * Every child understands, besides its own `start` command:
 *   - `usage`: its CPU time (user + system, µs) and event-loop utilisation since it started, so the
 *     bench can tell which process is saturated during a phase;
 *   - `profile-start` / `profile-stop {path}`: a V8 CPU profile of the measured window only, through
 *     the inspector (what `--cpu-prof` writes, without start-up and shutdown in it), written as a
 *     .cpuprofile file;
 *   - `close`: shuts down cleanly, answers, then exits.
 * A child whose parent disappears (IPC channel closed) exits at once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';

interface Call {
  id: number;
  cmd: string;
  args?: unknown;
}

interface Answer {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface ProcessUsage {
  /** CPU time of the whole process, µs. */
  cpuMicros: number;
  /** Event-loop active time and total time since start, ms (performance.eventLoopUtilization). */
  eluActive: number;
  eluIdle: number;
  /** Wall-clock reading of the child (performance.now(), ms). */
  at: number;
}

/** Each handler names the arguments its command takes; the parent sends them as they are. */
type Handler = (args: never) => Promise<unknown> | unknown;

// ------------------------------------------------------------------ child side

/**
 * Serves the parent's calls. `handlers` are the child's own commands (at least `start`); `onClose`
 * releases what `start` opened.
 */
export function serveParent(handlers: Record<string, Handler>, onClose: () => Promise<void>): void {
  if (!process.send) throw new Error('this module runs as a child of npm run bench (no IPC channel)');
  let session: Session | undefined;
  const common: Record<string, Handler> = {
    usage: (): ProcessUsage => {
      const cpu = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      return { cpuMicros: cpu.user + cpu.system, eluActive: elu.active, eluIdle: elu.idle, at: performance.now() };
    },
    'profile-start': async (args: { intervalMicros?: number } | undefined) => {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: args?.intervalMicros ?? 1000 });
      await session.post('Profiler.start');
      return true;
    },
    'profile-stop': async (args: { path: string }) => {
      if (!session) throw new Error('no profile running');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      await writeFile(args.path, JSON.stringify(profile));
      return args.path;
    },
    close: async () => {
      await onClose();
      // Exit once the answer has gone out.
      setTimeout(() => process.exit(0), 50).unref();
      return true;
    },
  };
  process.on('message', (m: Call) => {
    if (!m || typeof m.id !== 'number') return;
    const handler = handlers[m.cmd] ?? common[m.cmd];
    const reply = (a: Omit<Answer, 'id'>) => process.send?.({ id: m.id, ...a });
    if (!handler) return reply({ ok: false, error: `unknown command ${m.cmd}` });
    Promise.resolve()
      .then(() => (handler as (args: unknown) => unknown)(m.args))
      .then(
        (result) => reply({ ok: true, result }),
        (e: unknown) => reply({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  });
  // The bench went away (crash, Ctrl-C, watchdog): do not linger.
  process.on('disconnect', () => process.exit(0));
}

// ------------------------------------------------------------------ parent side

export class ChildHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private exitInfo: string | undefined;

  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly logPath: string,
  ) {
    proc.on('message', (m: Answer) => {
      const p = m && typeof m.id === 'number' ? this.pending.get(m.id) : undefined;
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`${name}: ${m.error}`));
    });
    proc.on('exit', (code, signal) => {
      this.exitInfo = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const [, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`${name} ${this.exitInfo}; last lines of ${logPath}:\n${this.tail()}`));
      }
      this.pending.clear();
    });
  }

  /** Forks `modulePath` with its stdout and stderr in `logPath`. */
  static start(name: string, modulePath: string, logPath: string, env: Record<string, string> = {}): ChildHandle {
    const fd = openSync(logPath, 'a');
    try {
      const proc = fork(modulePath, [], {
        execArgv: [],
        env: { ...process.env, ...env },
        stdio: ['ignore', fd, fd, 'ipc'],
        serialization: 'advanced',
      });
      return new ChildHandle(name, proc, logPath);
    } finally {
      closeSync(fd);
    }
  }

  get alive(): boolean {
    return this.exitInfo === undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  call<T>(cmd: string, args?: unknown, timeoutMs = 30_000): Promise<T> {
    if (!this.alive) return Promise.reject(new Error(`${this.name} ${this.exitInfo ?? 'is not running'}; last lines of ${this.logPath}:\n${this.tail()}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: no answer to ${cmd} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.proc.send({ id, cmd, args } satisfies Call);
    });
  }

  usage(): Promise<ProcessUsage> {
    return this.call<ProcessUsage>('usage');
  }

  /** Asks the child to close; kills it if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    const timer = setTimeout(() => this.kill(), graceMs);
    try {
      await this.call('close', undefined, graceMs).catch(() => this.kill());
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Immediate and synchronous: for error paths and process exit. */
  kill(): void {
    if (this.alive) this.proc.kill('SIGKILL');
  }

  tail(lines = 20): string {
    try {
      return readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
