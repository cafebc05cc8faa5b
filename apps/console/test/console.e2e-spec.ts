import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { backends, PASSWORD, seedTenants, startGateway, type Tenants, type TestGateway } from '../../gateway/test/harness.js';
import { Profile, User } from '../../../libs/domain/src/index.js';
import { startConsole, type RunningConsole } from '../src/console.factory.js';

const CHROMIUM = '/usr/bin/chromium';
// Logins hash passwords (argon2) and the machine is shared: browser steps need more than Jest's 5 s.
jest.setTimeout(90_000);
const SHOTS = '/tmp/console-shots';

/**
 * The console in a real browser against a real gateway: login, CSRF, logout, idle timeout, a
 * user's creation and profile, a CSV import with a forced password change, what an ADMIN cannot
 * open, and axe on every page at a phone's and a desktop's width (screenshots in /tmp/console-shots).
 */
const noBrowser = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`;
if (noBrowser && process.env.CI === 'true') throw new Error(noBrowser);

(noBrowser ? describe.skip : describe).each(backends())(`console on $name${noBrowser ? ` (skipped: ${noBrowser})` : ''}`, (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  let sut: RunningConsole;
  let browser: Browser;
  /** The console's clock runs ahead of the real one by this much (idle timeout). */
  let offsetMs = 0;

  beforeAll(async () => {
    gw = await startGateway(backend);
    t = await seedTenants(gw.em);
    await gw.app.listen(0, '127.0.0.1');
    const gatewayUrl = `http://127.0.0.1:${(gw.app.getHttpServer().address() as AddressInfo).port}`;
    sut = await startConsole({ gatewayUrl, port: 0, sandbox: true, idleTimeoutMinutes: 15, now: () => Date.now() + offsetMs });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
    await gw?.close();
  });

  async function loggedIn(username: string, password = PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: sut.url, locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto('/accedi');
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/accedi')), page.click('form[data-testid=form-accesso] button[type=submit]')]);
    return { context, page };
  }

  async function expectAxeClean(page: Page) {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  }

  /** Elements sticking out of the window sideways (a phone would scroll the whole page). */
  async function overflowing(page: Page): Promise<string[]> {
    // A string, run in the page: the project's type-check knows no DOM.
    return page.evaluate(`(() => {
      const width = document.documentElement.clientWidth;
      const out = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        if (el.parentElement && el.parentElement.closest('.table-responsive, .navbar-collapsable, .visually-hidden, .skiplink')) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + Array.from(el.classList).join('.') + ' (' + Math.round(r.right) + ')');
      }
      if (document.documentElement.scrollWidth > width + 1) out.push('document (' + document.documentElement.scrollWidth + ')');
      return out.slice(0, 5);
    })()`) as Promise<string[]>;
  }

  it('shows the login page in Italian, with a session cookie that is httpOnly and SameSite=Strict', async () => {
    const context = await browser.newContext({ baseURL: sut.url });
    const page = await context.newPage();
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/accedi');
    await expect(page.locator('h1').textContent()).resolves.toBe('Accedi alla console');
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'geres_console', httpOnly: true, sameSite: 'Strict', secure: false });
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await context.close();
  });

  it('refuses a wrong password with the gateway\'s answer in Italian', async () => {
    const context = await browser.newContext({ baseURL: sut.url });
    const page = await context.newPage();
    await page.goto('/accedi');
    await page.fill('#username', 'top.bari');
    await page.fill('#password', 'not-the-password');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/accedi') && r.request().method() === 'POST'), page.click('button[type=submit]')]);
    expect(res.status()).toBe(401);
    await expect(page.locator('[data-testid=errore]').textContent()).resolves.toContain('Nome utente o password errati.');
    await context.close();
  });

  it('logs the TOP user in, replacing the session id, and shows the TOP menu', async () => {
    const context = await browser.newContext({ baseURL: sut.url });
    const page = await context.newPage();
    await page.goto('/accedi');
    const before = (await context.cookies())[0].value;
    await page.fill('#username', 'top.bari');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${sut.url}/`), page.click('button[type=submit]')]);
    const after = (await context.cookies())[0].value;
    expect(after).not.toBe(before);
    await expect(page.locator('[data-testid=utente-corrente]').textContent()).resolves.toContain('top.bari');
    expect(await page.locator('[data-testid=menu] a').allTextContents()).toEqual(['Home', 'Enti e convenzioni', 'Utenti', 'Applicazioni', 'Postazioni', 'Comune', 'Bacheca', 'Monitoraggio', 'Profilo']);
    await context.close();
  });

  it('refuses a form without the session\'s CSRF token, and changes nothing', async () => {
    const { context, page } = await loggedIn('admin.consorzio');
    const form = { username: 'csrf.victim', name: 'Vittima', email: 'v@test.invalid', role: 'STANDARD', enteId: t.enti.consorzio.id, password: 'Csrf-Victim-2026!' };
    const without = await page.request.post('/utenti', { form, maxRedirects: 0 });
    expect(without.status()).toBe(403);
    expect(await without.text()).toContain('Richiesta non valida');
    const wrong = await page.request.post('/utenti', { form: { ...form, _csrf: 'x'.repeat(43) }, maxRedirects: 0 });
    expect(wrong.status()).toBe(403);
    const users = await gw.em.fork().find(User, { username: 'csrf.victim' });
    expect(users).toHaveLength(0);
    await context.close();
  });

  it('lets an ADMIN create an operator and set their profile', async () => {
    const { context, page } = await loggedIn('admin.consorzio');
    await page.click('[data-testid=menu] >> text=Utenti');
    await page.click('[data-testid=nuovo-utente]');
    await page.fill('#username', 'op.nuovo');
    await page.fill('#name', 'Operatore Nuovo');
    await page.fill('#email', 'op.nuovo@test.invalid');
    await page.selectOption('#role', 'STANDARD');
    await page.selectOption('#enteId', t.enti.consorzio.id);
    await page.fill('#password', 'weak');
    // The browser's own checks would stop a short password: send it anyway to see the gateway's answer.
    await page.$eval('#password', (el) => el.removeAttribute('minlength'));
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/utenti') && r.request().method() === 'POST'), page.click('form[data-testid=form-nuovo-utente] button[type=submit]')]);
    expect(refused.status()).toBe(400);
    await expect(page.locator('[data-testid=errore]').textContent()).resolves.toMatch(/Alcuni dati non sono validi|La password non rispetta le regole/);
    expect(await page.inputValue('#username')).toBe('op.nuovo');
    await page.fill('#password', 'Operatore-Nuovo-2026!');
    await Promise.all([page.waitForURL(/\/utenti\/[^/]+$/), page.click('form[data-testid=form-nuovo-utente] button[type=submit]')]);
    await expect(page.locator('.alert-success').textContent()).resolves.toContain('Utente creato');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Operatore Nuovo');
    await expect(page.locator('[data-testid=stato-utente]').textContent()).resolves.toBe('Attivo');
    await page.click('label[for=sec-generalita]');
    await page.click('label[for=sec-residenza]');
    await page.click('label[for=com-072006]');
    await page.fill('#dailyQuota', '50');
    await Promise.all([page.waitForURL(/\/utenti\/[^/]+$/), page.click('form[data-testid=form-profilo] button[type=submit]')]);
    await expect(page.locator('.alert-success').textContent()).resolves.toContain('Profilo aggiornato');

    const em = gw.em.fork();
    const user = await em.findOneOrFail(User, { username: 'op.nuovo' });
    expect(user.role).toBe('STANDARD');
    const profile = await em.findOneOrFail(Profile, { user } as never);
    expect([...profile.sections].sort()).toEqual(['generalita', 'residenza']);
    expect(profile.allowedComuni).toEqual(['072006']);
    expect(profile.dailyQuota).toBe(50);

    // Suspend from the same page.
    await Promise.all([page.waitForURL(/\/utenti\/[^/]+$/), page.click('[data-testid=sospendi]')]);
    await expect(page.locator('[data-testid=stato-utente]').textContent()).resolves.toBe('Sospeso');
    expect((await gw.em.fork().findOneOrFail(User, { username: 'op.nuovo' })).status).toBe('suspended');
    await context.close();
  });

  it('does not give an ADMIN the TOP pages: not in the menu, and refused by the gateway when typed', async () => {
    const { context, page } = await loggedIn('admin.consorzio');
    expect(await page.locator('[data-testid=menu] a').allTextContents()).toEqual(['Home', 'Utenti', 'Applicazioni', 'Postazioni', 'Monitoraggio', 'Profilo']);
    for (const path of ['/comune', '/monitoraggio/verifica']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.locator('[data-testid=errore]').textContent()).resolves.toContain('Questa funzione non rientra nella tua area di competenza.');
    }
    // The Enti page shows only what the gateway gives an ADMIN: their own Ente.
    await page.goto('/enti');
    expect(await page.locator('[data-testid=tabella-enti] tbody tr td:first-child').allTextContents()).toEqual(['Consorzio']);
    await context.close();
  });

  it('logs out: the session ends here and its login at the gateway', async () => {
    const { context, page } = await loggedIn('std.consorzio');
    await Promise.all([page.waitForURL(/\/accedi\?uscito=1$/), page.click('[data-testid=esci]')]);
    await expect(page.locator('.alert-info').textContent()).resolves.toContain('Sei uscito');
    const res = await page.goto('/profilo');
    expect(new URL(page.url()).pathname).toBe('/accedi');
    expect(res?.status()).toBe(200);
    await gw.drain();
    const log = await gw.http.get('/v1/me/access-log?event=logout').set('authorization', `Bearer ${(await gw.http.post('/v1/auth/login').send({ username: 'std.consorzio', password: PASSWORD })).body.accessToken}`);
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(1);
    await context.close();
  });

  it('ends the session of a person suspended while logged in', async () => {
    const { context, page } = await loggedIn('std.salento');
    expect((await page.goto('/profilo'))?.status()).toBe(200);
    const admin = (await gw.http.post('/v1/auth/login').send({ username: 'admin.salento', password: PASSWORD })).body.accessToken;
    const suspended = await gw.http.patch(`/v1/users/${t.users['std.salento'].id}`).auth(admin, { type: 'bearer' }).send({ status: 'suspended' });
    expect(suspended.status).toBe(200);
    await page.goto('/profilo');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/accedi?sospeso=1');
    await expect(page.locator('.alert-info').textContent()).resolves.toContain('sospeso');
    await context.close();
  });

  it('ends a session left idle past the timeout', async () => {
    const { context, page } = await loggedIn('admin.pl');
    expect((await page.goto('/utenti'))?.status()).toBe(200);
    offsetMs += 16 * 60_000;
    await page.goto('/utenti');
    expect(new URL(page.url()).pathname).toBe('/accedi');
    expect(new URL(page.url()).searchParams.get('scaduta')).toBe('1');
    await expect(page.locator('.alert-info').textContent()).resolves.toContain('scaduta');
    await context.close();
  });

  it('imports users from CSV and makes the imported user change the temporary password first', async () => {
    const { context, page } = await loggedIn('admin.consorzio');
    await page.goto('/utenti/importa');
    const bad = `username,name,email,role,ente\nimp.uno,Uno,uno@test.invalid,STANDARD,${t.enti.consorzio.id}\nimp.due,Due,not-an-email,STANDARD,${t.enti.consorzio.id}\n`;
    await page.setInputFiles('#file', { name: 'utenti.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/utenti/importa') && r.request().method() === 'POST'), page.click('form[enctype] button[type=submit]')]);
    expect(refused.status()).toBe(422);
    await expect(page.locator('[data-testid=errore]').textContent()).resolves.toContain('Riga 3');
    expect(await gw.em.fork().count(User, { username: 'imp.uno' })).toBe(0);

    const good = `username,name,email,role,ente\nimp.uno,Uno,uno@test.invalid,STANDARD,${t.enti.consorzio.id}\n`;
    await page.setInputFiles('#file', { name: 'utenti.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/utenti/importa') && r.status() === 200), page.click('form[enctype] button[type=submit]')]);
    await expect(page.locator('[data-testid=esito-importazione]').textContent()).resolves.toContain('Importati 1 utenti');
    const temporary = (await page.locator('code.secret-once').textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await context.close();

    const imported = await loggedIn('imp.uno', temporary);
    expect(new URL(imported.page.url()).pathname).toBe('/password');
    await expect(imported.page.locator('[data-testid=cambio-obbligatorio]').isVisible()).resolves.toBe(true);
    // Every other page leads back here until the password is changed.
    await imported.page.goto('/profilo');
    expect(new URL(imported.page.url()).pathname).toBe('/password');
    await imported.page.fill('#currentPassword', temporary);
    await imported.page.fill('#newPassword', 'Imported-User-2026!');
    await imported.page.fill('#confirmPassword', 'Imported-User-2026!');
    await Promise.all([imported.page.waitForURL(`${sut.url}/`), imported.page.click('main button[type=submit].btn-primary')]);
    await expect(imported.page.locator('.alert-success').textContent()).resolves.toContain('La password è stata cambiata.');
    await imported.context.close();
  });

  it('lets the TOP user register an Ente with its ADMIN and authorise its workstation', async () => {
    const { context, page } = await loggedIn('top.bari');
    await page.goto('/enti');
    await page.fill('#e-name', 'Ufficio Tributi');
    await page.selectOption('#e-kind', 'municipal_office');
    await page.fill('#e-from', '2026-01-01');
    await page.fill('#e-ref', 'Prot. 123/2026');
    await Promise.all([page.waitForURL(/\/enti\/[^/]+$/), page.click('form[data-testid=form-nuovo-ente] button[type=submit]')]);
    await expect(page.locator('main h1').textContent()).resolves.toBe('Ufficio Tributi');
    const enteId = new URL(page.url()).pathname.split('/').pop()!;

    await page.goto('/utenti/nuovo');
    await page.fill('#username', 'admin.tributi');
    await page.fill('#name', 'Amministratore Tributi');
    await page.fill('#email', 'admin.tributi@test.invalid');
    await page.selectOption('#role', 'ADMIN');
    await page.selectOption('#enteId', enteId);
    await page.fill('#password', 'Admin-Tributi-2026!');
    await Promise.all([page.waitForURL(/\/utenti\/[^/]+$/), page.click('form[data-testid=form-nuovo-utente] button[type=submit]')]);
    const admin = await gw.em.fork().findOneOrFail(User, { username: 'admin.tributi' }, { populate: ['ente'] as never });
    expect(admin.role).toBe('ADMIN');
    expect((admin as any).ente.id).toBe(enteId);

    await page.goto('/postazioni');
    await page.fill('#w-code', 'PT-TRIBUTI-01');
    await page.fill('#w-label', 'Sportello tributi');
    await page.selectOption('#w-ente', enteId);
    await page.click('label[for=w-token]');
    const [created] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/postazioni') && r.request().method() === 'POST'), page.click('main form[action="/postazioni"] button[type=submit]')]);
    expect(created.status()).toBe(201);
    await expect(page.locator('[data-testid=postazione-creata]').textContent()).resolves.toMatch(/Token del dispositivo, mostrato solo ora/);
    await Promise.all([page.waitForURL(/\/postazioni$/), page.click('[data-testid=autorizza-PT-TRIBUTI-01]')]);
    await expect(page.locator('.alert-success').textContent()).resolves.toContain('Postazione autorizzata.');
    const row = page.locator('[data-testid=tabella-postazioni] tr', { hasText: 'PT-TRIBUTI-01' });
    await expect(row.locator('.badge').textContent()).resolves.toBe('Autorizzata');
    await context.close();
  });

  it('lets the TOP user write on the bacheca, and shows a private message to its recipient only', async () => {
    const top = await loggedIn('top.bari');
    await top.page.goto('/bacheca');
    const today = new Date().toISOString().slice(0, 10);
    const write = async (title: string, recipient?: string) => {
      await top.page.fill('#b-title', title);
      await top.page.fill('#b-body', `Testo di ${title}\nseconda riga`);
      await top.page.fill('#b-from', today);
      await top.page.selectOption('#b-recipient', recipient ? { label: `Solo ${recipient}` } : { value: '' });
      await Promise.all([top.page.waitForURL(/\/bacheca$/), top.page.click('form[data-testid=form-bacheca] button[type=submit]')]);
      await expect(top.page.locator('.alert-success').textContent()).resolves.toContain('Messaggio pubblicato.');
    };
    await write('Avviso a tutti');
    await write('Solo per il consorzio', 'std.consorzio');
    expect(await top.page.locator('[data-testid=tabella-bacheca] tbody tr td:first-child').allTextContents()).toEqual(expect.arrayContaining(['Avviso a tutti', 'Solo per il consorzio']));
    await top.context.close();

    const titles = async (username: string) => {
      const s = await loggedIn(username);
      const found = await s.page.locator('[data-testid=bacheca] h3').allTextContents();
      await s.context.close();
      return found.map((x) => x.trim());
    };
    expect(await titles('std.consorzio')).toEqual(expect.arrayContaining(['Avviso a tutti', 'Solo per il consorzio Personale']));
    const other = await titles('admin.consorzio');
    expect(other).toContain('Avviso a tutti');
    expect(other.some((x) => x.startsWith('Solo per il consorzio'))).toBe(false);
  });

  it('shows the audit trail as the gateway lets each person see it, filtered with htmx, never a STANDARDPS request to others', async () => {
    const lookup = async (username: string, motivo: string) => {
      const token = (await gw.http.post('/v1/auth/login').send({ username, password: PASSWORD })).body.accessToken;
      await gw.http.post('/v1/persons/search').auth(token, { type: 'bearer' }).send({ comune: '072006', motivoRichiesta: motivo, sections: ['generalita'], criterion: { type: 'codiceFiscale', codiceFiscale: 'NRECLD70B17A662M' } });
    };
    await lookup('std.consorzio', 'Pratica console 1');
    await lookup('ps.pl', 'Pratica riservata PS');
    await lookup('top.bari', 'Pratica del TOP');
    await gw.drain();

    const top = await loggedIn('top.bari');
    await top.page.goto('/monitoraggio/richieste');
    const motivi = () => top.page.locator('[data-testid=tabella-richieste] tbody tr td:nth-child(5)').allTextContents();
    expect((await motivi()).filter((m) => m.startsWith('Pratica')).sort()).toEqual(['Pratica console 1', 'Pratica del TOP']);
    // Filtering swaps the table only (htmx) and puts the filter in the address.
    await top.page.selectOption('#f-utente', { label: 'std.consorzio' });
    await Promise.all([
      top.page.waitForResponse((r) => r.url().includes('/monitoraggio/richieste?') && r.request().headers()['hx-request'] === 'true'),
      top.page.click('form[role=search] button[type=submit]'),
    ]);
    await top.page.waitForURL(/utente=/);
    expect(await motivi()).toEqual(['Pratica console 1']);
    expect(await top.page.locator('h1').count()).toBe(1);
    await top.page.goto('/monitoraggio/accessi?evento=login_success');
    const events = await top.page.locator('[data-testid=tabella-accessi] tbody tr td:nth-child(3)').allTextContents();
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events)).toEqual(new Set(['Accesso']));
    await top.context.close();

    const admin = await loggedIn('admin.pl');
    await admin.page.goto('/monitoraggio/richieste');
    const adminMotivi = await admin.page.locator('[data-testid=tabella-richieste] tbody tr td:nth-child(5)').allTextContents();
    expect(adminMotivi).not.toContain('Pratica riservata PS');
    expect(adminMotivi).not.toContain('Pratica console 1');
    await admin.context.close();

    const std = await loggedIn('std.consorzio');
    expect(await std.page.locator('[data-testid=menu] a').allTextContents()).toEqual(['Home', 'Le mie richieste', 'Profilo']);
    await std.page.goto('/monitoraggio/richieste');
    expect(await std.page.locator('[data-testid=tabella-richieste] tbody tr td:nth-child(5)').allTextContents()).toEqual(['Pratica console 1']);
    await std.context.close();
  });

  const topPages = ['/', '/profilo', '/password', '/enti', '/enti/ENTE', '/utenti', '/utenti/nuovo', '/utenti/USER', '/utenti/importa', '/applicazioni', '/postazioni', '/comune', '/bacheca', '/monitoraggio/richieste', '/monitoraggio/accessi', '/monitoraggio/allarmi', '/monitoraggio/verifica'];
  const adminPages = ['/', '/utenti', '/applicazioni/APP', '/comune'];

  // The pages render the same whatever the gateway's database: axe and the screenshots run once, on SQLite.
  (backend.name === 'sqlite' ? describe : describe.skip)('every page passes axe at 360 px and 1280 px (screenshots in /tmp/console-shots)', () => {
    const sessions: Record<'top' | 'admin', { context: BrowserContext; page: Page }> = {} as never;
    let appId: string | undefined;

    beforeAll(async () => {
      sessions.admin = await loggedIn('admin.consorzio');
      const app = await sessions.admin.page.request.post('/applicazioni', { form: { name: 'Protocollo', _csrf: await sessions.admin.page.locator('input[name=_csrf]').first().inputValue() } });
      expect(app.status()).toBe(200);
      appId = /\/applicazioni\/([^/"]+)\/segreti"/.exec(await app.text())?.[1];
      sessions.top = await loggedIn('top.bari');
    }, 120_000);

    afterAll(async () => {
      await sessions.admin?.context.close();
      await sessions.top?.context.close();
    });

    it('the login page', async () => {
      const anonymous = await browser.newContext({ baseURL: sut.url });
      const page = await anonymous.newPage();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto('/accedi');
        await expectAxeClean(page);
        await page.screenshot({ path: `${SHOTS}/accedi-${width}.png`, fullPage: true });
      }
      await anonymous.close();
    });

    it.each([...topPages.map((p) => ['top', p] as const), ...adminPages.map((p) => ['admin', p] as const)])('%s %s', async (who, path) => {
      expect(appId).toBeDefined();
      const { page } = sessions[who];
      const url = path.replace('ENTE', t.enti.consorzio.id).replace('USER', t.users['std.consorzio'].id).replace('APP', appId!);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const res = await page.goto(url);
        expect(res?.status()).toBe(who === 'admin' && path === '/comune' ? 403 : 200);
        await expectAxeClean(page);
        expect(await overflowing(page)).toEqual([]);
        const name = path === '/' ? 'home' : path.slice(1).replace(/\//g, '-');
        await page.screenshot({ path: `${SHOTS}/${who}-${name}-${width}.png`, fullPage: true });
      }
    });
  });
});
