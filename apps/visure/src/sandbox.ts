import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { Comune, Ente } from '#libs/domain';
import { SealKeystore } from './document/index.js';
import { createTestSealPki } from './document/testing/test-pki.js';
import { startVisure, type RunningVisure } from './app.js';
import type { ComuneDirectoryEntry } from './gateway/gateway.port.js';

export interface SandboxVisureOptions {
  /** The sandbox gateway, e.g. http://127.0.0.1:3000 */
  gatewayUrl: string;
  /** The sandbox folder (`.sandbox`): the visure secret is read from service-clients.json, the rest kept in `visure/`. */
  sandboxDir: string;
  /**
   * The gateway's EntityManager: in the sandbox only, the Comuni's visura settings and the Enti's
   * kinds are read from its database (the gateway does not give them to a delegated grant yet).
   */
  gatewayEm: EntityManager;
  port?: number;
  host?: string;
}

/** Reads a file, or creates it with `make()` (0600, in a 0700 folder). */
function kept(file: string, make: () => Buffer | string): Buffer {
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file);
}

/**
 * The visure service of `npm start`: on the sandbox gateway, SQLite in `.sandbox/visure.sqlite`,
 * encrypted documents in `.sandbox/visure/documents`, a test seal per Comune (kept, so documents
 * stay verifiable across restarts), silent-consent and retry sweeps every minute.
 */
export async function startSandboxVisure(o: SandboxVisureOptions): Promise<RunningVisure> {
  const dir = join(o.sandboxDir, 'visure');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const clients = JSON.parse(readFileSync(join(o.sandboxDir, 'service-clients.json'), 'utf8')) as Record<string, string>;
  if (!clients.visure) throw new Error(`no secret for the visure service in ${join(o.sandboxDir, 'service-clients.json')}`);
  const dataKey = Buffer.from(kept(join(dir, 'data.key'), () => randomBytes(32).toString('base64')).toString().trim(), 'base64');

  const em = o.gatewayEm.fork();
  const comuni: Record<string, ComuneDirectoryEntry> = {};
  const seals: Record<string, SealKeystore> = {};
  for (const c of await em.find(Comune, {})) {
    comuni[c.codiceIstat] = { name: c.nome, nonResidentVisuraPolicy: c.nonResidentVisuraPolicy, silentConsentHours: c.silentConsentHours, silentConsentMediator: c.silentConsentMediator ?? null };
    const password = kept(join(dir, `seal-${c.codiceIstat}.password`), () => randomBytes(18).toString('base64url')).toString().trim();
    const p12 = kept(join(dir, `seal-${c.codiceIstat}.p12`), () => createTestSealPki(c.nome, password).p12);
    seals[c.codiceIstat] = SealKeystore.fromPkcs12(p12, password);
  }
  const enti: Record<string, { kind: Ente['kind']; name: string }> = {};
  for (const e of await em.find(Ente, {})) enti[e.id] = { kind: e.kind, name: e.name };

  const port = o.port ?? 3200;
  const host = o.host ?? '127.0.0.1';
  return startVisure({
    gatewayUrl: o.gatewayUrl,
    clientId: 'visure',
    clientSecret: clients.visure,
    port,
    host,
    sqlitePath: join(o.sandboxDir, 'visure.sqlite'),
    createSchema: true,
    storageDir: join(dir, 'documents'),
    dataKey,
    publicUrl: `http://${host}:${port}`,
    seals,
    directory: { comuni, enti },
    sweepSeconds: 60,
  });
}
