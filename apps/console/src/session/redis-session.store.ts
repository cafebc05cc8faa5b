import { Redis } from 'ioredis';
import { storeKey, type ConsoleSession, type SessionStore } from './session.store.js';

const PREFIX = 'geres:console:session:';

/** Sessions in Redis, each under a hash of its id with the idle timeout as its expiry. */
export class RedisSessionStore implements SessionStore {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async get(id: string) {
    const raw = await this.redis.get(PREFIX + storeKey(id));
    return raw ? (JSON.parse(raw) as ConsoleSession) : undefined;
  }

  async set(session: ConsoleSession, ttlSeconds: number) {
    await this.redis.set(PREFIX + storeKey(session.id), JSON.stringify(session), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async delete(id: string) {
    await this.redis.del(PREFIX + storeKey(id));
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
