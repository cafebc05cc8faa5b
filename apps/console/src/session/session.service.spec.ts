import { describe, expect, it } from '@jest/globals';
import { GeResError, type GeResApi } from '../../../../sdk/src/index.js';
import type { GatewayPort, PersonTokens } from '../gateway/gateway.port.js';
import { SessionEndedError, SessionService } from './session.service.js';
import { InMemorySessionStore } from './session.store.js';

/** The gateway as the session sees it: logins, refreshes and logouts, counted. */
class FakeGateway implements GatewayPort {
  logins = 0;
  refreshes: string[] = [];
  logouts: string[] = [];
  refuseRefresh = false;
  private n = 0;

  private pair(passwordChangeRequired = false): PersonTokens {
    this.n++;
    return { accessToken: `access-${this.n}`, refreshToken: `refresh-${this.n}`, expiresIn: 900, refreshExpiresIn: 43_200, passwordChangeRequired };
  }

  async login(username: string, password: string) {
    this.logins++;
    if (password !== 'right') throw new GeResError('refused', { status: 401, problem: { type: 'urn:geres:problem:invalid-credentials', title: 'x', status: 401 } });
    return this.pair(username === 'temp.user');
  }

  async refresh(refreshToken: string) {
    this.refreshes.push(refreshToken);
    await new Promise((r) => setImmediate(r));
    if (this.refuseRefresh) throw new GeResError('refused', { status: 401, problem: { type: 'urn:geres:problem:invalid-token', title: 'x', status: 401 } });
    return this.pair();
  }

  async logout(_accessToken: string, refreshToken: string) {
    this.logouts.push(refreshToken);
  }

  api(): GeResApi {
    return { me: { getMe: async () => ({ user: { id: 'u-1', role: 'ADMIN' } }) } } as unknown as GeResApi;
  }
}

function setup(idleSeconds = 900) {
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms), now: () => now };
  const gateway = new FakeGateway();
  const store = new InMemorySessionStore(clock.now);
  const sut = new SessionService(store, gateway, idleSeconds, clock.now);
  return { sut, gateway, store, clock };
}

describe('SessionService', () => {
  it('logs in into a new session (new id, new CSRF token) and drops the anonymous one', async () => {
    const { sut, store } = setup();
    const anonymous = await sut.open();
    const session = await sut.login(anonymous, 'admin', 'right');
    expect(session.id).not.toBe(anonymous.id);
    expect(session.csrf).not.toBe(anonymous.csrf);
    expect(session.auth).toMatchObject({ userId: 'u-1', role: 'ADMIN', accessToken: 'access-1', refreshToken: 'refresh-1', passwordChangeRequired: false });
    expect(await store.get(anonymous.id)).toBeUndefined();
    expect((await sut.load(session.id)).session?.auth?.accessToken).toBe('access-1');
  });

  it('keeps the anonymous session when the gateway refuses the login', async () => {
    const { sut, store } = setup();
    const anonymous = await sut.open();
    await expect(sut.login(anonymous, 'admin', 'wrong')).rejects.toMatchObject({ status: 401 });
    expect((await store.get(anonymous.id))?.csrf).toBe(anonymous.csrf);
  });

  it('marks a forced password change from the gateway\'s answer', async () => {
    const { sut } = setup();
    const session = await sut.login(undefined, 'temp.user', 'right');
    expect(session.auth?.passwordChangeRequired).toBe(true);
  });

  it('ends a session idle past the timeout, and says so', async () => {
    const { sut, clock } = setup(60);
    const session = await sut.login(undefined, 'admin', 'right');
    clock.advance(59_000);
    const loaded = await sut.load(session.id);
    expect(loaded.idle).toBe(false);
    await sut.touch(loaded.session!);
    clock.advance(61_000);
    expect(await sut.load(session.id)).toEqual({ idle: true });
    expect(await sut.load(session.id)).toEqual({ idle: true });
    expect(await sut.load(undefined)).toEqual({ idle: false });
  });

  it('renews the access token shortly before it expires, once however many requests wait', async () => {
    const { sut, gateway, clock } = setup(3600);
    const session = await sut.login(undefined, 'admin', 'right');
    expect(await sut.accessToken(session)).toBe('access-1');
    clock.advance(900_000 - 10_000);
    const copies = [structuredClone(session), structuredClone(session), structuredClone(session)];
    const tokens = await Promise.all(copies.map((s) => sut.accessToken(s)));
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(gateway.refreshes).toEqual(['refresh-1']);
    expect((await sut.load(session.id)).session?.auth?.refreshToken).toBe('refresh-2');
  });

  it('ends the session when the gateway refuses the refresh', async () => {
    const { sut, gateway, clock, store } = setup(3600);
    const session = await sut.login(undefined, 'admin', 'right');
    gateway.refuseRefresh = true;
    clock.advance(900_000);
    await expect(sut.accessToken(session)).rejects.toBeInstanceOf(SessionEndedError);
    expect(await store.get(session.id)).toBeUndefined();
  });

  it('checks the CSRF token exactly', async () => {
    const { sut } = setup();
    const session = await sut.open();
    expect(sut.checkCsrf(session, session.csrf)).toBe(true);
    expect(sut.checkCsrf(session, `${session.csrf.slice(0, -1)}x`)).toBe(false);
    expect(sut.checkCsrf(session, undefined)).toBe(false);
    expect(sut.checkCsrf(session, [session.csrf])).toBe(false);
    expect(sut.checkCsrf(undefined, session.csrf)).toBe(false);
  });

  it('logs out here and at the gateway', async () => {
    const { sut, gateway, store } = setup();
    const session = await sut.login(undefined, 'admin', 'right');
    await sut.logout(session);
    expect(await store.get(session.id)).toBeUndefined();
    expect(gateway.logouts).toEqual(['refresh-1']);
  });

  it('renews an expired access token to log out at the gateway', async () => {
    const { sut, gateway, clock } = setup(3600);
    const session = await sut.login(undefined, 'admin', 'right');
    clock.advance(1_000_000);
    await sut.logout(session);
    expect(gateway.refreshes).toEqual(['refresh-1']);
    expect(gateway.logouts).toEqual(['refresh-2']);
  });
});
