/**
 * Test-only: tests that need ANPR's reference files in ../shared. Where the folder is missing they are
 * skipped *visibly* (Jest counts them as skipped and the title says why), except under CI=true, where
 * a missing ../shared is an error: CI has the folder, so a skip there would hide a test that never ran.
 */
import { describe, it } from '@jest/globals';
import { join } from 'node:path';
import { expectedSharedDir, findShared } from './shared-data.js';

const warned = new Set<string>();

/**
 * `../shared/<parts>` if present. If absent: throws under CI=true; otherwise returns undefined after
 * one console warning naming the folder.
 */
export function sharedOrSkip(...parts: string[]): string | undefined {
  const found = findShared(...parts);
  if (found) return found;
  const expected = join(expectedSharedDir(), ...parts);
  if (process.env.CI === 'true') {
    throw new Error(`${expected} is missing, and CI=true: the tests that need ANPR's reference files must run in CI (check out ../shared beside the repository)`);
  }
  if (!warned.has(expected)) {
    warned.add(expected);
    console.warn(`Skipped, ANPR's reference files not found: ${expected} (put ../shared beside the repository to run these tests)`);
  }
  return undefined;
}

const reason = (parts: string[]) => ` [skipped: ../shared/${parts.join('/')} not found]`;

/** `it` when ../shared/<parts> exists; otherwise a skipped `it` whose title says what is missing. */
export function itWithShared(...parts: string[]): (title: string, fn: (dir: string) => unknown, timeout?: number) => void {
  const dir = sharedOrSkip(...parts);
  return (title, fn, timeout) => (dir ? it(title, () => fn(dir) as Promise<void>, timeout) : it.skip(title + reason(parts), () => undefined));
}

/** `describe` when ../shared/<parts> exists; otherwise the block is collected as skipped (every test counted). */
export function describeWithShared(parts: string[], title: string, fn: (dir: string) => void): void {
  const dir = sharedOrSkip(...parts);
  if (dir) describe(title, () => fn(dir));
  else describe.skip(title + reason(parts), () => fn(join(expectedSharedDir(), ...parts)));
}
