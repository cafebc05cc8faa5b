import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { generateRivestizioneOpenApi } from '../bin/write-openapi.js';
import { OPENAPI_FILE, projectRoot } from './build-document.js';

jest.setTimeout(60_000);

describe('openapi/rivestizione.openapi.json', () => {
  it('is what the controllers describe (UPDATE_OPENAPI=1 rewrites it)', async () => {
    const current = await generateRivestizioneOpenApi();
    const file = join(projectRoot(), OPENAPI_FILE);
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(file, current);
    expect(readFileSync(file, 'utf8')).toBe(current);
    const doc = JSON.parse(current);
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>).flatMap((p) => Object.values(p));
    expect(ops.map((o) => o.operationId).sort()).toEqual([
      'approveRivestizione',
      'createRivestizione',
      'downloadRivestizioneFile',
      'getRivestizione',
      'getRivestizioneSettings',
      'listRivestizioni',
      'rejectRivestizione',
      'updateRivestizioneSettings',
      'validateRivestizione',
    ]);
    for (const op of ops) expect(op.responses['401']).toBeDefined();
  });
});
