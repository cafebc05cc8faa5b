import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './logger.js';

describe('redactUrl', () => {
  it.each([
    ['/v1/persons/RSSMRA80A01H501U', '/v1/persons/:identifier'],
    ['/v1/persons/rssmra80a01h501u?sections=generalita', '/v1/persons/:identifier'],
    ['/v1/persons/OR69233LN', '/v1/persons/:identifier'],
    ['/v1/persons/%20RSSMRA80A01H501U', '/v1/persons/:identifier'],
    ['/v1/persons/anything-at-all', '/v1/persons/:identifier'],
    ['/v1/persons/RSSMRA80A01H501U/extra', '/v1/persons/:id/extra'],
    ['/v1/nothing/RSSMRA80A01H501U', '/v1/nothing/:id'],
    ['/v1/nothing/RSSMRA%380A01H501U', '/v1/nothing/:id'],
    ['/v2/persons/12345678901', '/v2/persons/:id'],
    ['/v1/persons/search?codiceFiscale=RSSMRA80A01H501U', '/v1/persons/search'],
    ['/v1/audit-events?subject=RSSMRA80A01H501U&page=2', '/v1/audit-events'],
    ['/v1/applications/5d0c3c8e-6a4b-4f8e-9a4e-1f2b3c4d5e6f/operators', '/v1/applications/5d0c3c8e-6a4b-4f8e-9a4e-1f2b3c4d5e6f/operators'],
    ['/v1/comuni/072006/settings', '/v1/comuni/072006/settings'],
    ['/v1/audit-events/verification', '/v1/audit-events/verification'],
    ['/v1/nothing/%E0%A4%A', '/v1/nothing/%E0%A4%A'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
