import { expect } from '@jest/globals';
import { AnprError } from './errors.js';

/** The AnprError a call rejects with; fails the test when it resolves or rejects with anything else. */
export async function anprFailure(call: Promise<unknown>): Promise<AnprError> {
  try {
    await call;
  } catch (err) {
    expect(err).toBeInstanceOf(AnprError);
    return err as AnprError;
  }
  throw new Error('expected an AnprError, and the call succeeded');
}
