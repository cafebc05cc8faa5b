import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../common/problem.js';
import { checkMetricsAccess } from './health.controller.js';

const TOKEN = 'metrics-token-0123456789';

const refusal = (config: { sandbox: boolean; metricsToken?: string }, authorization?: string) => {
  try {
    checkMetricsAccess(config, authorization);
    return 'allowed';
  } catch (e) {
    return (e as ProblemException).problemType;
  }
};

describe('checkMetricsAccess', () => {
  it('is off outside the sandbox without METRICS_TOKEN, open inside it', () => {
    expect(refusal({ sandbox: false })).toBe('not-found');
    expect(refusal({ sandbox: false }, `Bearer ${TOKEN}`)).toBe('not-found');
    expect(refusal({ sandbox: true })).toBe('allowed');
  });

  it('needs the token as a bearer token when METRICS_TOKEN is set, in the sandbox too', () => {
    for (const sandbox of [false, true]) {
      expect(refusal({ sandbox, metricsToken: TOKEN })).toBe('unauthenticated');
      expect(refusal({ sandbox, metricsToken: TOKEN }, `Basic ${TOKEN}`)).toBe('unauthenticated');
      expect(refusal({ sandbox, metricsToken: TOKEN }, 'Bearer wrong-token')).toBe('invalid-token');
      expect(refusal({ sandbox, metricsToken: TOKEN }, `Bearer ${TOKEN}x`)).toBe('invalid-token');
      expect(refusal({ sandbox, metricsToken: TOKEN }, `Bearer ${TOKEN}`)).toBe('allowed');
      expect(refusal({ sandbox, metricsToken: TOKEN }, `bearer  ${TOKEN}`)).toBe('allowed');
    }
  });
});
