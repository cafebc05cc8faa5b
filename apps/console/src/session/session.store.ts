import { createHash } from 'node:crypto';

/** What the console keeps about a browser session: ids and tokens, never names or codici fiscali. */
export interface ConsoleSession {
  /** The opaque id in the cookie. */
  id: string;
  /** Synchronizer token: every form and htmx request carries it. */
  csrf: string;
  createdAt: number;
  /** Epoch ms of the last request; idle past the timeout ends the session. */
  lastSeen: number;
  auth?: SessionAuth;
  /** One-shot notices for the next page (fixed texts, no personal data). */
  flash?: Flash[];
}

export interface SessionAuth {
  userId: string;
  role: 'TOP' | 'ADMIN' | 'STANDARD' | 'STANDARDPS';
  accessToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  refreshToken: string;
  /** Epoch ms. */
  refreshExpiresAt: number;
  passwordChangeRequired: boolean;
}

export interface Flash {
  kind: 'success' | 'info' | 'warning' | 'danger';
  text: string;
}

/** Where sessions live: this process's memory, or Redis when several consoles share them. */
export interface SessionStore {
  get(id: string): Promise<ConsoleSession | undefined>;
  /** Saves the session; it disappears by itself after `ttlSeconds` unless saved again. */
  set(session: ConsoleSession, ttlSeconds: number): Promise<void>;
  delete(id: string): Promise<void>;
  close(): Promise<void>;
}

export const SESSION_STORE = Symbol('SessionStore');

/** Stores key sessions by a hash of their id, so a copy of the store yields no usable cookie. */
export const storeKey = (id: string) => createHash('sha256').update(id).digest('base64url');

export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(id: string) {
    const key = storeKey(id);
    const entry = this.sessions.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return undefined;
    }
    // A copy: a session object is never shared between requests.
    return JSON.parse(entry.value) as ConsoleSession;
  }

  async set(session: ConsoleSession, ttlSeconds: number) {
    this.sweep();
    this.sessions.set(storeKey(session.id), { value: JSON.stringify(session), expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async delete(id: string) {
    this.sessions.delete(storeKey(id));
  }

  async close() {
    this.sessions.clear();
  }

  get size() {
    return this.sessions.size;
  }

  /** Drops expired sessions now and then, so abandoned ones do not pile up. */
  private sweep() {
    if (this.sessions.size % 64 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.sessions) if (entry.expiresAt <= now) this.sessions.delete(key);
  }
}
