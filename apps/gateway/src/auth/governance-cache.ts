import { EntityManager, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { Application, Comune, Convenzione, Ente, Profile, User, Workstation } from '#libs/domain';
import { REDIS } from '../health/health.controller.js';

/** Entities whose change must be seen by the next lookup (the governance reads cached below). */
const GOVERNANCE = [User, Profile, Convenzione, Comune, Ente, Application, Workstation] as const;
const GOVERNANCE_NAMES = new Set<string>(GOVERNANCE.map((cls) => cls.name));
const DRIVER_WRITES = ['nativeInsert', 'nativeInsertMany', 'nativeUpdate', 'nativeUpdateMany', 'nativeDelete'] as const;

/** The Redis channel on which an instance tells the others that governance data changed. */
export const GOVERNANCE_CHANNEL = 'geres:governance:changed';

/**
 * At most this long a lookup may act on governance data read before a change (a change made in the
 * database by hand or by raw SQL, one read by a concurrent lookup between its write and its commit,
 * or one whose Redis message was lost); every write the ORM sends for a governance entity (flushed
 * or native) clears this instance's cache at once and, with Redis, every other instance's.
 */
export const GOVERNANCE_TTL_MS = 500;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

/**
 * The governance reads of a lookup (the caller, their profile, their Ente's convenzioni, the target
 * Comune), kept for GOVERNANCE_TTL_MS and shared by concurrent requests, so that a caller sending
 * many lookups does not cost five queries each. Entities handed out here come from a discarded
 * EntityManager and are shared between requests: read them, never modify or persist them.
 */
@Injectable()
export class GovernanceCache implements OnModuleDestroy {
  private readonly log = new Logger('GovernanceCache');
  private readonly entries = new Map<string, Entry>();
  private subscriber: Redis | undefined;
  readonly ttlMs = GOVERNANCE_TTL_MS;
  /** Counts, for tests and the bench's notes. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(
    em: EntityManager,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {
    const governs = (e: unknown) => GOVERNANCE.some((cls) => e instanceof cls);
    const subscriber: EventSubscriber = {
      afterFlush: (args: FlushEventArgs) => {
        const changed = args.uow.getChangeSets().some((cs) => governs(cs.entity)) || args.uow.getCollectionUpdates().some((c) => governs(c.owner));
        if (changed) this.changed();
      },
    };
    em.getEventManager().registerSubscriber(subscriber);
    // Native writes (em.nativeUpdate...) bypass the flush events; every write, flushed or native,
    // goes through the driver: a write to a governance table invalidates once it has run (and a
    // flushed one again from afterFlush, after its implicit transaction committed).
    const driver = em.getDriver() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of DRIVER_WRITES) {
      const original = driver[method]!.bind(driver);
      driver[method] = async (entityName: unknown, ...rest: unknown[]) => {
        const name = typeof entityName === 'function' ? entityName.name : String(entityName);
        if (!GOVERNANCE_NAMES.has(name)) return original(entityName, ...rest);
        try {
          return await original(entityName, ...rest);
        } finally {
          this.changed();
        }
      };
    }
    if (redis) {
      // The shared client refuses commands while (re)connecting; the subscription must wait and be renewed.
      this.subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      this.subscriber.on('message', (channel) => {
        if (channel === GOVERNANCE_CHANNEL) this.invalidate();
      });
      this.subscriber.subscribe(GOVERNANCE_CHANNEL).catch((e: unknown) => this.log.warn(`cannot subscribe to ${GOVERNANCE_CHANNEL}: ${String(e)}`));
    }
  }

  /** The value under `key`, read by `load` when absent or older than the TTL; failures are not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const value = load();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > 10_000) this.sweep(now);
    return value;
  }

  /** Forgets everything this instance holds. */
  invalidate(): void {
    this.stats.invalidations++;
    this.entries.clear();
  }

  /** Governance data changed here: forget it, and tell the other instances. */
  changed(): void {
    this.invalidate();
    this.redis?.publish(GOVERNANCE_CHANNEL, '1').catch((e: unknown) => this.log.warn(`cannot publish on ${GOVERNANCE_CHANNEL}: ${String(e)}`));
  }

  async onModuleDestroy() {
    const s = this.subscriber;
    this.subscriber = undefined;
    if (s) await s.quit().catch(() => s.disconnect());
  }

  private sweep(now: number) {
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
  }
}
