/**
 * The simulated ANPR as the sandbox (and the end-to-end tests) use it: a synthetic population, a
 * test PKI, a stable PDND test client, and one HTTP server answering both channels, SOAP
 * (3002/E002 with WS-Security checked against the test CA) and PDND (token endpoint plus the C0xx
 * e-services). `comuneSettings` gives the adapters everything they need to talk to it.
 *
 * Layout of `dir` (kept across restarts, never committed; directories 0700, files 0600):
 *   pki/                 CA, one PKCS#12 per Comune of the population, a few workstations, each
 *                        AES-256 (PBES2) under its own password in `<name>.password` beside it
 *   pdnd/client.json     the demo Comune's PDND client id and kid; pdnd/client-key.pem its private key
 *   pdnd/voucher-signing-key.pem  the simulated authorisation server's key
 *   pdnd/<istat>/        the PDND client of another Comune (`pdndComuni`)
 */
import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { access, chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ComuneAnprSettings, KeystoreRef, PlaceResolver } from '#libs/anpr';
import { createPdndSimulatorHandler, makeTestPdndClient, type PdndSimulatorHandler, type PdndSimulatorOptions, type TestPdndClient } from './pdnd/index.js';
import { ensureTestPki, type TestPki } from './pki/index.js';
import { DEFAULT_SEED, DEFAULT_SIZE } from './population/generator.js';
import { DEMO_COMUNE_ISTAT, ITALIA, loadPlaces, STATI_ESTERI, type Places } from './population/places.js';
import { createSyntheticRegistry, type SyntheticRegistry } from './population/registry.js';
import { startSimulator, type RunningSimulator, type SimulatorFaults } from './simulator.js';
import { createSoapSimulatorHandler, type SoapSimulatorOptions } from './soap/index.js';

/** The ANPR operator id the sandbox acts with (NameID / userID); the gateway's sandbox seeds the same. */
export const SANDBOX_OPERATOR_ID = 'USERSFREETEST237';
/** The workstation the gateway's sandbox seeds (Consorzio desk in Bari). */
export const SANDBOX_WORKSTATION_ID = '072006-CS-0001';
/** A second workstation of the demo Comune (Polizia Locale). */
export const SANDBOX_SECOND_WORKSTATION_ID = '072006-PL-0001';
/** The demo Comune's own ANPR workstation, used for requests from bodies with no ANPR workstation of their own. */
export const COMUNE_POSTAZIONE = '072006-CO-0000';
export const SANDBOX_ID_APPLICAZIONE = 'GeRes-sandbox';

export interface SandboxAnprOptions {
  /** Where the PKI and the PDND identity live; created when missing, reused otherwise. */
  dir: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number | string;
  size?: number;
  faults?: SimulatorFaults;
  /**
   * Comuni to issue certificates for. Default: every Comune the population lives in (see
   * `defaultSandboxComuni`). The demo Comune is always included.
   */
  comuni?: string[];
  /** Workstations to issue besides 072006-CS-0001 and 072006-PL-0001. */
  extraWorkstations?: string[];
  /**
   * Comuni besides the demo one that get a PDND client of their own (as each Comune has on PDND);
   * any other Comune's PDND settings use the demo Comune's client.
   */
  pdndComuni?: string[];
  /** Passed to the SOAP handler (e.g. `now`, `timestampWindowSeconds`, `acceptedTipoInvio`). */
  soap?: Omit<Partial<SoapSimulatorOptions>, 'registry' | 'trustedCaPem'>;
  /** Passed to the PDND handler (e.g. `dailyQuota`, `now`). */
  pdnd?: Omit<Partial<PdndSimulatorOptions>, 'registry' | 'clients' | 'signingKey'>;
  /**
   * Base URL written into the settings, when the listening address is not how clients reach it
   * (e.g. listening on 0.0.0.0). Default: the listening URL, with 0.0.0.0/:: shown as 127.0.0.1.
   */
  advertisedUrl?: string;
  /** Receives a few lines about what was created or reused; never the password. */
  log?: (line: string) => void;
}

export interface SandboxWorkstation {
  id: string;
  keystore: KeystoreRef;
  /** The file holding the keystore's password (mode 0600), for `file:` secret references. */
  passwordFile: string;
}

export interface SandboxComuneOptions {
  /** SOAP only: 3002 (default, a Comune's own office) or E002 (enti). */
  service?: '3002' | 'E002';
}

export interface SandboxAnpr {
  /** Base URL of the simulator, as written into the settings (no trailing slash). */
  url: string;
  simulator: RunningSimulator;
  pki: TestPki;
  registry: SyntheticRegistry;
  /** The demo Comune's PDND client registered with the simulator (its private key is persisted in `dir`). */
  pdndClient: TestPdndClient;
  /** The PDND client a Comune uses: its own (`pdndComuni`) or the demo Comune's. */
  pdndClientOf(codiceIstat: string): TestPdndClient;
  /** The file holding the private key of `pdndClientOf(codiceIstat)` (mode 0600). */
  pdndPrivateKeyFile(codiceIstat: string): string;
  /** The PDND handler, for its stats and `revokeIssuedVouchers()`. */
  pdnd: PdndSimulatorHandler;
  /** ISTAT codes of the Comuni that have a certificate (the Comuni the population lives in). */
  comuni: readonly string[];
  /** Workstation ids that have a certificate. */
  workstations: readonly string[];
  /** Names for ISTAT codes, as the SOAP adapter needs them for luogoNascita/comuneResidenza criteria. */
  places: PlaceResolver;
  /**
   * Absolute path of the file holding the demo Comune keystore's password (for configurations
   * that read secrets from files). Every keystore has its own: `pki.comune(istat).passwordPath`,
   * `workstation(id).passwordFile`.
   */
  keystorePasswordFile: string;
  operatorId: string;
  comuneSettings(codiceIstat: string, channel: 'soap' | 'pdnd', opts?: SandboxComuneOptions): ComuneAnprSettings;
  workstation(id: string): SandboxWorkstation;
  close(): Promise<void>;
}

interface PdndIdentityFile {
  clientId: string;
  kid: string;
  signingKid: string;
}

const PRIVATE = 0o600;
const PRIVATE_DIR = 0o700;

function newRsaPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes a new file only if none exists yet; returns what ends up on disk (ours or a concurrent writer's). */
async function createOnce(path: string, content: string, mode = PRIVATE): Promise<string> {
  try {
    await writeFile(path, content, { flag: 'wx', mode });
    return content;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readFile(path, 'utf8');
  }
}

function checkPem(pem: string, path: string): string {
  try {
    createPrivateKey(pem);
  } catch {
    throw new Error(`${path} does not hold a readable private key; delete it (and the files beside it) to create a new identity`);
  }
  return pem;
}

/** The PDND client identity and the voucher signing key, made once and reused on every start. */
async function ensurePdndIdentity(dir: string, log: (line: string) => void) {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
  const idPath = join(dir, 'client.json');
  const keyPath = join(dir, 'client-key.pem');
  const signingPath = join(dir, 'voucher-signing-key.pem');
  const existing = await readIfExists(idPath);
  let identity: PdndIdentityFile;
  if (existing) {
    identity = JSON.parse(existing) as PdndIdentityFile;
    if (!identity.clientId || !identity.kid || !identity.signingKid) throw new Error(`${idPath} is incomplete; delete the pdnd directory to create a new identity`);
  } else {
    const fresh: PdndIdentityFile = { clientId: `sandbox-client-${randomUUID()}`, kid: `sandbox-kid-${randomUUID()}`, signingKid: `sandbox-pdnd-${randomUUID()}` };
    identity = JSON.parse(await createOnce(idPath, `${JSON.stringify(fresh, null, 2)}\n`)) as PdndIdentityFile;
  }
  const storedKey = await readIfExists(keyPath);
  const privateKeyPem = checkPem(storedKey ?? (await createOnce(keyPath, newRsaPem())), keyPath);
  const signingKeyPem = checkPem((await readIfExists(signingPath)) ?? (await createOnce(signingPath, newRsaPem())), signingPath);
  // Tighten permissions of files made by older versions or copied around.
  await Promise.all([chmod(dir, PRIVATE_DIR), chmod(idPath, PRIVATE), chmod(keyPath, PRIVATE), chmod(signingPath, PRIVATE)]);
  log(`${existing && storedKey ? 'reusing' : 'created'} PDND client ${identity.clientId} in ${dir}`);
  return { identity, privateKeyPem, signingKeyPem };
}

/** Names for the population's Comuni and foreign states, as the SOAP adapter's `places` option wants them. */
export function sandboxPlaceResolver(places: Places = loadPlaces()): PlaceResolver {
  const byIstat = places.byIstat;
  const stati = new Map<string, string>([[ITALIA.codiceStato, ITALIA.descrizioneStato], ...STATI_ESTERI.map((s): [string, string] => [s.codiceStato, s.descrizioneStato])]);
  return {
    comune: (istat) => {
      const c = byIstat.get(istat);
      return c ? { nomeComune: c.nomeComune, siglaProvincia: c.siglaProvincia } : undefined;
    },
    stato: (codice) => {
      const d = stati.get(codice);
      return d ? { descrizioneStato: d } : undefined;
    },
  };
}

/** The Comuni the population lives in, the demo Comune (Bari) first: the sandbox's default certificate set. */
export function defaultSandboxComuni(registry: SyntheticRegistry): string[] {
  return [...new Set([DEMO_COMUNE_ISTAT, ...registry.population.places.residenceComuni.map((c) => c.codiceIstat)])];
}

const advertised = (url: string): string => url.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://127.0.0.1:');

/**
 * Starts the simulated ANPR with both channels wired: creates or reuses the PKI and the PDND
 * identity in `opts.dir`, generates the population (seed, size), and listens on host:port.
 */
export async function startSandboxAnpr(opts: SandboxAnprOptions): Promise<SandboxAnpr> {
  const log = opts.log ?? (() => undefined);
  const dir = resolve(opts.dir);
  const registry = createSyntheticRegistry({ seed: opts.seed ?? DEFAULT_SEED, size: opts.size ?? DEFAULT_SIZE });
  const comuni = opts.comuni ? [...new Set([DEMO_COMUNE_ISTAT, ...opts.comuni])] : defaultSandboxComuni(registry);
  const workstations = [...new Set([SANDBOX_WORKSTATION_ID, SANDBOX_SECOND_WORKSTATION_ID, ...(opts.extraWorkstations ?? [])])];

  const pkiDir = join(dir, 'pki');
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
  await chmod(dir, PRIVATE_DIR);
  const pkiExisted = await access(join(pkiDir, 'ca.p12')).then(
    () => true,
    () => false,
  );
  const pdndComuni = [...new Set(opts.pdndComuni ?? [])].filter((c) => c !== DEMO_COMUNE_ISTAT);
  const [pki, pdndId, ...otherPdnd] = await Promise.all([
    ensureTestPki(pkiDir, { comuni, workstations }),
    ensurePdndIdentity(join(dir, 'pdnd'), log),
    ...pdndComuni.map((c) => ensurePdndIdentity(join(dir, 'pdnd', c), log)),
  ]);
  log(`${pkiExisted ? 'reusing' : 'created'} test PKI in ${pkiDir}: CA ${pki.caCertPath}, ${comuni.length} Comuni, ${workstations.length} workstations`);
  // The single shared password file of older versions: each keystore now has its own.
  await rm(join(pkiDir, 'keystore-password'), { force: true });
  const keystorePasswordFile = pki.comune(DEMO_COMUNE_ISTAT).passwordPath;

  const places = sandboxPlaceResolver(registry.population.places);
  // The client's settings carry URLs; they are rebuilt below once the port is known.
  const identity = (base: string, id: typeof pdndId = pdndId) =>
    makeTestPdndClient({ simulatorBaseUrl: base, clientId: id.identity.clientId, kid: id.identity.kid, privateKeyPem: id.privateKeyPem });
  let pdnd: PdndSimulatorHandler | undefined;
  const simulator = await startSimulator({
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    registry,
    faults: opts.faults,
    createHandlers: (reg) => {
      pdnd = createPdndSimulatorHandler({
        ...opts.pdnd,
        registry: reg,
        clients: [pdndId, ...otherPdnd].map((id) => identity('http://placeholder', id).client),
        signingKey: { privateKeyPem: pdndId.signingKeyPem, kid: pdndId.identity.signingKid },
      });
      const soapHandler = createSoapSimulatorHandler({ comuneName: places.comune, ...opts.soap, registry: reg, trustedCaPem: pki.caCertPem });
      return { soapHandler, pdndHandler: pdnd };
    },
  });
  const url = (opts.advertisedUrl ?? advertised(simulator.url)).replace(/\/+$/, '');
  const pdndClient = identity(url);
  const ownPdnd = new Map(pdndComuni.map((c, i) => [c, identity(url, otherPdnd[i])]));
  const pdndClientOf = (codiceIstat: string): TestPdndClient => ownPdnd.get(codiceIstat) ?? pdndClient;
  const pdndPrivateKeyFile = (codiceIstat: string): string => (ownPdnd.has(codiceIstat) ? join(dir, 'pdnd', codiceIstat, 'client-key.pem') : join(dir, 'pdnd', 'client-key.pem'));

  const workstation = (id: string): SandboxWorkstation => {
    if (!workstations.includes(id)) throw new Error(`No sandbox workstation ${id}; known: ${workstations.join(', ')}`);
    const f = pki.workstation(id);
    return { id, keystore: { path: f.path, password: f.password }, passwordFile: f.passwordPath };
  };

  const comuneSettings = (codiceIstat: string, channel: 'soap' | 'pdnd', o: SandboxComuneOptions = {}): ComuneAnprSettings => {
    if (!comuni.includes(codiceIstat)) throw new Error(`No sandbox Comune ${codiceIstat}; known: ${comuni.join(', ')}`);
    const base: ComuneAnprSettings = { codiceIstat, environment: 'FREE', channel };
    if (channel === 'pdnd') {
      const own = pdndClientOf(codiceIstat);
      return { ...base, pdnd: { ...own.settings, purposes: { ...own.settings.purposes } } };
    }
    const f = pki.comune(codiceIstat);
    return {
      ...base,
      soap: {
        baseUrl: url,
        service: o.service ?? '3002',
        keystore: { path: f.path, password: f.password },
        signatureAlgorithm: 'rsa-sha1',
        digestAlgorithm: 'sha1',
        idApplicazione: SANDBOX_ID_APPLICAZIONE,
        idSede: codiceIstat,
      },
    };
  };

  return {
    url,
    simulator,
    pki,
    registry,
    pdndClient,
    pdndClientOf,
    pdndPrivateKeyFile,
    pdnd: pdnd!,
    comuni,
    workstations,
    places,
    keystorePasswordFile,
    operatorId: SANDBOX_OPERATOR_ID,
    comuneSettings,
    workstation,
    close: () => simulator.close(),
  };
}
