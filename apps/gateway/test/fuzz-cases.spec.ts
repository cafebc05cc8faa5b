import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Module, Param, Post, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, ApiPropertyOptional, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';
import request from 'supertest';
import { generateCases, RawNumber, runCases, sampleCases, storedFaults, toJsonText } from './fuzz-cases.js';

const DOC = {
  paths: {
    '/things/{id}': {
      post: {
        operationId: 'createThing',
        parameters: [
          { in: 'path', name: 'id', required: true, schema: { type: 'string' } },
          { in: 'query', name: 'page', required: false, schema: { type: 'integer' } },
          { $ref: '#/components/parameters/Operator' },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
      },
      get: { operationId: 'getThing', parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }] },
    },
  },
  components: {
    parameters: { Operator: { in: 'header', name: 'X-GeRes-Operator', required: false, schema: { type: 'string' } } },
    schemas: {
      Thing: {
        type: 'object',
        required: ['name', 'inner'],
        properties: {
          name: { type: 'string', maxLength: 5, example: 'abc' },
          count: { type: 'integer', example: 3 },
          inner: { allOf: [{ $ref: '#/components/schemas/Inner' }], description: 'nested' },
        },
      },
      Inner: { type: 'object', required: ['when'], properties: { when: { type: 'string', format: 'date', example: '2026-01-31' } } },
    },
  },
};

describe('fuzz case generator', () => {
  const cases = generateCases(DOC, { pathValues: { id: 'thing-1' } });
  const byLabel = (op: string, label: string) => cases.find((c) => c.operationId === op && c.label === label);

  it('sets each body field in turn to each wrong value, the rest plausible from the examples', () => {
    expect(JSON.parse(byLabel('createThing', 'body name = NUL')!.body!.text)).toEqual({ name: 'a\u0000b', inner: { when: '2026-01-31' } });
    expect(byLabel('createThing', 'body name = lone surrogate')!.body!.text).toBe('{"name":"a\\ud800b","inner":{"when":"2026-01-31"}}');
    expect(byLabel('createThing', 'body name = oversized')!.body!.text).toContain(`"${'x'.repeat(6)}"`);
    expect(byLabel('createThing', 'body count = 2^53+1')!.body!.text).toBe('{"name":"abc","inner":{"when":"2026-01-31"},"count":9007199254740993}');
    expect(byLabel('createThing', 'body count = 1e309')!.body!.text).toContain('"count":1e309');
    expect(JSON.parse(byLabel('createThing', 'body inner.when = impossible date')!.body!.text)).toEqual({ name: 'abc', inner: { when: '2026-13-45' } });
    expect(JSON.parse(byLabel('createThing', 'body inner = array')!.body!.text)).toEqual({ name: 'abc', inner: [] });
    expect(JSON.parse(byLabel('createThing', 'body inner.when = null')!.body!.text)).toEqual({ name: 'abc', inner: { when: null } });
  });

  it('covers path, query and header parameters, unknown fields and empty bodies, every-role where it matters', () => {
    expect(byLabel('createThing', 'path id = %00')!.path).toBe('/things/%00');
    expect(byLabel('createThing', 'query page = 9007199254740993')!.query).toBe('page=9007199254740993');
    expect(byLabel('createThing', 'header X-GeRes-Operator = "a\\tb"')!.headers).toEqual({ 'X-GeRes-Operator': 'a\tb' });
    expect(byLabel('createThing', 'unknown body field')).toMatchObject({ everyRole: true });
    expect(byLabel('createThing', 'empty JSON object')).toMatchObject({ everyRole: true, body: { text: '{}' } });
    expect(byLabel('createThing', 'no body')).toMatchObject({ everyRole: true, body: undefined });
    expect(byLabel('getThing', 'body on an operation without one')).toMatchObject({ everyRole: true, body: { text: '{"fuzzUnknown":1}' } });
    expect(new Set(cases.map((c) => c.operationId))).toEqual(new Set(['createThing', 'getThing']));
  });

  it('samples reproducibly, always keeping the every-role cases', () => {
    const a = sampleCases(cases, 20, 1);
    expect(a).toHaveLength(20);
    expect(sampleCases(cases, 20, 1)).toEqual(a);
    expect(sampleCases(cases, 20, 2)).not.toEqual(a);
    expect(cases.filter((c) => c.everyRole).every((c) => a.includes(c))).toBe(true);
  });

  it('writes the numbers JSON.stringify cannot', () => {
    expect(toJsonText({ a: [new RawNumber('-0'), 'x', null] })).toBe('{"a":[-0,"x",null]}');
  });
});

describe('stored-value scanner', () => {
  it('finds NUL, lone surrogates stored as U+FFFD, their JSON escapes, impossible dates and invalid date-times', () => {
    const rows = [
      { id: 1, name: 'ok', note: 'Riga 1\nRiga 2', when: '2026-02-28', at: new Date('2026-01-01T00:00:00Z'), tags: '["072006"]' },
      { id: 2, name: 'a\u0000b' },
      { id: 3, name: 'a\ufffdb' },
      { id: 4, tags: '["a\\u0000"]' },
      { id: 5, tags: ['x', '\\ud800'] },
      { id: 6, validFrom: '2026-13-45', note: '2026-13-45' },
      { id: 7, at: new Date('nonsense') },
    ];
    expect(storedFaults('t', rows, new Set(['validFrom', 'when']))).toEqual([
      { table: 't', column: 'name', fault: 'NUL' },
      { table: 't', column: 'name', fault: 'lone surrogate (U+FFFD)' },
      { table: 't', column: 'tags', fault: 'NUL' },
      { table: 't', column: 'tags', fault: 'lone surrogate (U+FFFD)' },
      { table: 't', column: 'validFrom', fault: 'impossible date 2026-13-45' },
      { table: 't', column: 'at', fault: 'invalid date-time' },
    ]);
  });
});

/**
 * The suite must fail when an endpoint lets a bad value through. A deliberately careless endpoint
 * (a date checked as any string, a name stored as sent, a count used without bounds) behind a bare
 * ValidationPipe, without the gateway's edge layer: the same generator and runner find its 5xx,
 * and the scanner finds what it stored.
 */
class CarelessInner {
  @ApiProperty({ format: 'date', example: '2026-01-31', description: 'A day' })
  @IsString()
  when!: string;
}

class CarelessThing {
  @ApiProperty({ example: 'abc', description: 'A name' })
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: 'integer', example: 3, description: 'A count' })
  @IsOptional()
  @IsInt()
  count?: number;

  @ApiPropertyOptional({ type: CarelessInner, description: 'Nested' })
  @IsOptional()
  inner?: CarelessInner;
}

const stored: Array<Record<string, unknown>> = [];

@Controller('things')
class CarelessController {
  @Post(':id')
  createThing(@Param('id') id: string, @Body() dto: CarelessThing) {
    stored.push({ id, name: dto.name });
    return { day: dto.inner ? new Date(dto.inner.when).toISOString() : null, bar: '#'.repeat(dto.count ?? 0) };
  }
}

@Module({ controllers: [CarelessController] })
class CarelessModule {}

describe('the fuzz suite against a careless endpoint', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(CarelessModule, { logger: false });
    app.useGlobalPipes(new ValidationPipe({ transform: true }));
    await app.init();
  });
  afterAll(() => app?.close());

  it('reports its 5xx case by case and the invalid values it stored', async () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const cases = generateCases(doc as any, { pathValues: { id: 'thing-1' } });
    const run = await runCases(request(app.getHttpServer()), cases, { anyone: {} }, 1);
    const failed = run.failures.map((f) => f.case);
    expect(failed).toEqual(
      expect.arrayContaining([
        'POST /things/thing-1 CarelessController_createThing: body inner.when = impossible date',
        'POST /things/thing-1 CarelessController_createThing: body count = 2^53+1',
        'POST /things/thing-1 CarelessController_createThing: body count = -1',
      ]),
    );
    expect(storedFaults('things', stored).map((f) => f.fault)).toEqual(expect.arrayContaining(['NUL', 'lone surrogate (U+FFFD)']));
  });
});
