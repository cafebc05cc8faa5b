import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditEvent } from '#libs/domain';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

const search = (criterion: unknown, extra: Record<string, unknown> = {}) => ({
  criterion,
  sections: ['generalita'],
  comune: '072006',
  motivoRichiesta: 'Pratica 2026/1',
  ...extra,
});

describe.each(backends())('the validation layer at the edge, on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  let top: string;

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend, process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {});
    t = await seedTenants(gw.em);
    top = await login(gw, 'top.bari');
  }, 60_000);
  afterAll(() => gw?.close(), 60_000);

  const auditCount = async () => {
    await gw.drain();
    return gw.em.fork().count(AuditEvent, {});
  };

  it('refuses a NUL in a criterion before any work: 400 naming the field, one refusal event that does not copy the refused value, no ANPR call', async () => {
    const before = await auditCount();
    const res = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send(search({ type: 'codiceFiscale', codiceFiscale: 'NRECLD70B17A662M\u0000' }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('urn:geres:problem:validation-failed');
    expect(res.body.errors).toEqual([{ field: 'criterion.codiceFiscale', message: 'criterion.codiceFiscale contains a NUL character' }]);
    // Every refusal of a lookup endpoint is on record (finding 7), and what is stored is storable text;
    // no intent event (`pending`) was written, so ANPR was not called.
    expect(await auditCount()).toBe(before + 1);
    const events = await gw.em.fork().find(AuditEvent, { requestId: res.body.requestId });
    expect(events.map((e) => [e.operation, e.outcome, e.outcomeDetail])).toEqual([['searchPersons', 'denied', 'validation-failed']]);
    expect(events[0].criterionValue ?? null).toBeNull();
  });

  it('refuses a lone surrogate sent as a JSON escape, and a control character in a key', async () => {
    const res = await gw.http
      .post('/v1/persons/search')
      .auth(top, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"criterion":{"type":"codiceFiscale","codiceFiscale":"NRECLD70B17A662M"},"sections":["generalita"],"comune":"072006","motivoRichiesta":"Pratica \\ud800","x\\u0001":1}');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'motivoRichiesta', message: 'motivoRichiesta contains a lone UTF-16 surrogate (not valid Unicode text)' },
      { field: 'x\\u0001', message: 'x\\u0001 is not a known field (its name contains the control character U+0001)' },
    ]);
  });

  it('allows tab, line feed and carriage return in bodies only', async () => {
    const ok = await gw.http.patch(`/v1/enti/${t.enti.consorzio.id}`).auth(top, { type: 'bearer' }).send({ name: 'Consorzio\tdi\r\nbonifica' });
    expect(ok.status).toBe(200);
    const query = await gw.http.get('/v1/users').query({ q: 'a\tb' }).auth(top, { type: 'bearer' });
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([{ field: 'q', message: 'q contains the control character U+0009' }]);
    const header = await gw.http.get('/v1/me').auth(top, { type: 'bearer' }).set('X-GeRes-Workstation', 'ws\t1');
    expect(header.status).toBe(400);
    expect(header.body.errors).toEqual([{ field: 'X-GeRes-Workstation', message: 'X-GeRes-Workstation contains the control character U+0009' }]);
  });

  it('refuses NUL and bad percent-encoding in path parameters, naming the parameter', async () => {
    const nul = await gw.http.get('/v1/users/ab%00cd').auth(top, { type: 'bearer' });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ field: 'id', message: 'id contains a NUL character' }]);
    const broken = await gw.http.get('/v1/persons/%E0%A4%A').query({ comune: '072006', sections: 'generalita', motivoRichiesta: 'x' }).auth(top, { type: 'bearer' });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([{ field: 'identifier', message: 'identifier is not valid percent-encoded UTF-8' }]);
  });

  it('refuses bytes that are not UTF-8, which would be stored as U+FFFD: in the query, a JSON body, a form', async () => {
    const query = await gw.http.get('/v1/users?q=a%ED%A0%80').auth(top, { type: 'bearer' });
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([{ field: 'q', message: 'q is not valid percent-encoded UTF-8' }]);
    const json = await gw.http
      .post('/v1/persons/search')
      .auth(top, { type: 'bearer' })
      .set('content-type', 'application/json')
      .serialize((bytes: Buffer) => bytes as any)
      .send(Buffer.concat([Buffer.from('{"motivoRichiesta":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]));
    expect(json.status).toBe(400);
    expect(json.body.errors).toEqual([{ field: 'body', message: 'body is not valid UTF-8' }]);
    const form = await gw.http.post('/v1/oauth/token').set('content-type', 'application/x-www-form-urlencoded').send('grant_type=client_credentials&client_id=a%ED%A0%80&client_secret=x');
    expect(form.status).toBe(400);
    expect(form.body.errors).toEqual([{ field: 'client_id', message: 'client_id is not valid percent-encoded UTF-8' }]);
  });

  it('refuses an over-long header the audit trail would store', async () => {
    const res = await gw.http.get('/v1/me').auth(top, { type: 'bearer' }).set('X-GeRes-Workstation', 'W'.repeat(41));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'X-GeRes-Workstation', message: 'X-GeRes-Workstation is longer than 40 characters' }]);
  });

  it('refuses null, a wrong type, an unsafe integer and a number beyond double range', async () => {
    const nul = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send(search(null));
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ field: 'criterion', message: 'criterion must not be null (leave an optional field out instead)' }]);
    const optionalNull = await gw.http.patch(`/v1/users/${t.users['std.consorzio'].id}`).auth(top, { type: 'bearer' }).send({ name: null });
    expect(optionalNull.status).toBe(400);
    expect(optionalNull.body.errors).toEqual([{ field: 'name', message: 'name must not be null (leave an optional field out instead)' }]);
    const wrongType = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send(search({ type: 'codiceFiscale', codiceFiscale: 42 }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors.map((e: any) => e.field)).toEqual(['criterion.codiceFiscale']);
    const huge = await gw.http
      .put(`/v1/users/${t.users['std.consorzio'].id}/profile`)
      .auth(top, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"sections":["generalita"],"visuraTypes":[],"rivestizioneFields":[],"scope":"agreed","allowedComuni":["072006"],"dailyQuota":1e309}');
    expect(huge.status).toBe(400);
    expect(huge.body.errors).toEqual([{ field: 'dailyQuota', message: 'dailyQuota must be a finite number' }]);
    const page = await gw.http.get('/v1/users').query('page=9007199254740993').auth(top, { type: 'bearer' });
    expect(page.status).toBe(400);
    // Both the pipe's safe-integer rule and the page bound refuse it; the bound is checked first.
    expect(page.body.errors).toEqual([{ field: 'page', message: 'page must not be greater than 1000000' }]);
  });

  it('refuses dates that match the pattern but do not exist', async () => {
    const res = await gw.http
      .post('/v1/persons/search')
      .auth(top, { type: 'bearer' })
      .send(search({ type: 'generalita', cognome: 'ROSSI', nome: 'MARIO', dataNascita: '2026-13-45' }, { asOf: '2026-02-29' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'criterion.dataNascita', message: 'criterion.dataNascita must be a real date written YYYY-MM-DD' },
      { field: 'asOf', message: 'asOf must be a real date written YYYY-MM-DD' },
    ]);
  });

  it('answers 400, not 500, to a body without criterion, and names every missing field of an empty body', async () => {
    const noCriterion = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send({ sections: ['generalita'], comune: '072006', motivoRichiesta: 'x' });
    expect(noCriterion.status).toBe(400);
    expect(noCriterion.body.errors).toEqual([{ field: 'criterion', message: 'criterion must be an object' }]);
    const arrayCriterion = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send(search([]));
    expect(arrayCriterion.status).toBe(400);
    expect(arrayCriterion.body.errors.map((e: any) => e.field)).toEqual(['criterion']);
    for (const body of [undefined, {}]) {
      const req = gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' });
      const empty = body === undefined ? await req : await req.send(body);
      expect(empty.status).toBe(400);
      expect([...new Set(empty.body.errors.map((e: any) => e.field))].sort()).toEqual(['comune', 'criterion', 'motivoRichiesta', 'sections']);
    }
    const noConvenzione = await gw.http.post('/v1/enti').auth(top, { type: 'bearer' }).send({ kind: 'external_body', name: 'Ente senza convenzione' });
    expect(noConvenzione.status).toBe(400);
    expect(noConvenzione.body.errors).toEqual([{ field: 'convenzione', message: 'convenzione must be an object' }]);
  });

  it('refuses unknown fields everywhere: in a DTO, on an operation without a body, in a query string', async () => {
    const dto = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send(search({ type: 'codiceFiscale', codiceFiscale: 'NRECLD70B17A662M', extra: 1 }));
    expect(dto.status).toBe(400);
    expect(dto.body.errors).toEqual([{ field: 'criterion.extra', message: 'criterion.extra is not a known field' }]);
    const bodyless = await gw.http.post(`/v1/applications/${t.users['std.consorzio'].id}/revocation`).auth(top, { type: 'bearer' }).send({ reason: 'x' });
    expect(bodyless.status).toBe(400);
    expect(bodyless.body.errors).toEqual([{ field: 'reason', message: 'reason is not a known field (this operation takes no body)' }]);
    const query = await gw.http.get('/v1/me').query({ debug: '1' }).auth(top, { type: 'bearer' });
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([{ field: 'debug', message: 'debug is not a known query parameter of this operation' }]);
    const top2 = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).set('content-type', 'application/json').send('[1,2]');
    expect(top2.status).toBe(400);
    expect(top2.body.errors).toEqual([{ field: 'body', message: 'body must be a JSON object' }]);
  });

  it('takes JSON only where JSON is declared: 415 for form and text bodies, 400 for malformed JSON, 413 over the limit', async () => {
    const form = await gw.http.post('/v1/auth/login').type('form').send({ username: 'top.bari', password: 'x' });
    expect(form.status).toBe(415);
    expect(form.body.type).toBe('urn:geres:problem:unsupported-media-type');
    const text = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).set('content-type', 'text/plain').send('{"criterion":{}}');
    expect(text.status).toBe(415);
    const csvOnJson = await gw.http.post('/v1/users').auth(top, { type: 'bearer' }).set('content-type', 'text/csv').send('a,b\n');
    expect(csvOnJson.status).toBe(415);
    const jsonOnCsv = await gw.http.post('/v1/users/import').auth(top, { type: 'bearer' }).send({ csv: 'a' });
    expect(jsonOnCsv.status).toBe(415);
    const latin1 = await gw.http.post('/v1/auth/login').set('content-type', 'application/json; charset=latin1').send('{}');
    expect(latin1.status).toBe(415);
    const malformed = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).set('content-type', 'application/json').send('{"criterion":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe('urn:geres:problem:bad-request');
    const large = await gw.http.post('/v1/persons/search').auth(top, { type: 'bearer' }).send(search({ type: 'codiceFiscale', codiceFiscale: 'x'.repeat(200_000) }));
    expect(large.status).toBe(413);
    expect(large.body.type).toBe('urn:geres:problem:payload-too-large');
  });

  it('keeps the other media types where they are declared: the token endpoint takes a form, the import a CSV', async () => {
    // A client id of its own: failures are throttled per client id and address, in Redis across runs.
    const nobody = `nobody-${randomUUID()}`;
    const form = await gw.http.post('/v1/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: nobody, client_secret: 'wrong' });
    expect(form.status).toBe(401);
    expect(form.body.type).toBe('urn:geres:problem:invalid-client');
    const json = await gw.http.post('/v1/oauth/token').send({ grant_type: 'client_credentials', client_id: nobody, client_secret: 'wrong' });
    expect(json.status).toBe(401);
    const csv = await gw.http.post('/v1/users/import').auth(top, { type: 'bearer' }).set('content-type', 'text/csv').send('username,name,email,role,ente\nnul.user,Nul\u0000,n@test.invalid,STANDARD,93012345678\n');
    expect(csv.status).toBe(400);
    expect(csv.body.errors).toEqual([{ field: 'body', message: 'body line 2 contains a NUL character' }]);
  });
});
