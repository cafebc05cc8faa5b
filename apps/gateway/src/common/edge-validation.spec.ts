import { describe, expect, it } from '@jest/globals';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { headerFaults, jsonBodyFaults, pathFaults, percentFaults, queryFaults } from './edge-validation.js';
import { structuralErrors } from './validation-pipe.js';
import { isStorableText, printableField, textFault } from './validation.js';

describe('textFault', () => {
  it('names NUL, other controls and lone surrogates; line breaks only where allowed', () => {
    expect(textFault('a\u0000', true)).toBe('contains a NUL character');
    expect(textFault('a\u001b', true)).toBe('contains the control character U+001B');
    expect(textFault('a\u007f', true)).toBe('contains the control character U+007F');
    expect(textFault('a\ud800', true)).toBe('contains a lone UTF-16 surrogate (not valid Unicode text)');
    expect(textFault('a\udc00b', true)).toBe('contains a lone UTF-16 surrogate (not valid Unicode text)');
    expect(textFault('a\t\r\nb', true)).toBeUndefined();
    expect(textFault('a\tb', false)).toBe('contains the control character U+0009');
    expect(textFault('Città 😀 \ufffd', false)).toBeUndefined();
    expect(isStorableText('Riga\nRiga')).toBe(true);
    expect(isStorableText('\u0000')).toBe(false);
  });

  it('escapes what cannot be echoed in a field name', () => {
    expect(printableField('a\u0000b\ud800c😀')).toBe('a\\u0000b\\ud800c😀');
  });
});

describe('edge checks', () => {
  it('walk a JSON body: nulls, numbers out of range, text, keys, nesting', () => {
    expect(jsonBodyFaults([1])).toEqual([{ field: 'body', message: 'body must be a JSON object' }]);
    expect(jsonBodyFaults({ a: null, b: Infinity, c: 2 ** 53, d: [1, 'x\u0000'], e: { f: 'ok', 'g\u0001': 1 }, h: -0, i: 1.5 })).toEqual([
      { field: 'a', message: 'a must not be null (leave an optional field out instead)' },
      { field: 'b', message: 'b must be a finite number' },
      { field: 'c', message: `c must lie between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` },
      { field: 'd.1', message: 'd.1 contains a NUL character' },
      { field: 'e.g\\u0001', message: 'e.g\\u0001 is not a known field (its name contains the control character U+0001)' },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { n: deep };
    expect(jsonBodyFaults(deep)).toHaveLength(1);
  });

  it('check query, percent-encoding, path parameters and the headers the gateway reads', () => {
    expect(queryFaults({ q: ['ok', 'a\u0000'] }, true)).toEqual([{ field: 'q', message: 'q contains a NUL character' }]);
    expect(queryFaults({ q: 'x' }, false)).toEqual([{ field: 'q', message: 'q is not a known query parameter of this operation' }]);
    expect(percentFaults('a=1&q=%ED%A0%80&%E0%A4%A=2&ok=%C3%A0+b')).toEqual([
      { field: 'q', message: 'q is not valid percent-encoded UTF-8' },
      { field: '%E0%A4%A', message: '%E0%A4%A is not valid percent-encoded UTF-8' },
    ]);
    expect(pathFaults({ id: 'a%00', cf: '%E0%A4%A', ok: 'Citt%C3%A0' })).toEqual([
      { field: 'id', message: 'id contains a NUL character' },
      { field: 'cf', message: 'cf is not valid percent-encoded UTF-8' },
    ]);
    const headers: Record<string, string> = { 'X-GeRes-Operator': 'op\t1', 'X-GeRes-Workstation': 'W'.repeat(41), 'Idempotency-Key': 'key-12345678' };
    expect(headerFaults((n) => headers[n])).toEqual([
      { field: 'X-GeRes-Operator', message: 'X-GeRes-Operator contains the control character U+0009' },
      { field: 'X-GeRes-Workstation', message: 'X-GeRes-Workstation is longer than 40 characters' },
    ]);
  });
});

class Inner {
  @ApiProperty({ format: 'date', description: 'A day' })
  @IsString()
  day!: string;
}

class Outer {
  @ValidateNested()
  @Type(() => Inner)
  required!: Inner;

  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  optional?: Inner;

  count?: number;
}

describe('structuralErrors (the global pipe\'s own rules)', () => {
  const run = (o: Record<string, unknown>) => structuralErrors(Object.assign(new Outer(), o)).map((e) => Object.values(e.constraints!)[0]);

  it('requires nested objects unless optional, and refuses arrays for them', () => {
    expect(run({})).toEqual(['required must be an object']);
    expect(run({ required: [], optional: [] })).toEqual(['required must be an object, not an array', 'optional must be an object, not an array']);
  });

  it('holds documented dates to real days and numbers to safe integers, at any depth', () => {
    expect(run({ required: Object.assign(new Inner(), { day: '2026-02-29' }), count: 2 ** 53 })).toEqual([
      'required.day must be a real date written YYYY-MM-DD',
      `count must be a finite number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
    ]);
    expect(run({ required: Object.assign(new Inner(), { day: '2024-02-29' }), count: 3 })).toEqual([]);
  });
});
