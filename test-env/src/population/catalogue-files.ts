import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const isTestEnv = (dir: string) => basename(dir) === 'test-env' && existsSync(join(dir, 'SANDBOX-CATALOGUE.md'));

/** The test-env/ directory of the repository, found from this module whether it runs from src or dist. */
export function testEnvRoot(): string {
  if (process.env.GERES_TEST_ENV_DIR) return process.env.GERES_TEST_ENV_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (isTestEnv(dir)) return dir;
    // Compiled code lives in <repo>/dist/test-env/...; the committed files are in <repo>/test-env.
    if (basename(dir) === 'test-env' && basename(dirname(dir)) === 'dist') {
      const source = join(dirname(dirname(dir)), 'test-env');
      if (isTestEnv(source)) return source;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('cannot locate the test-env directory (set GERES_TEST_ENV_DIR)');
}

export const CATALOGUE_JSON = 'sandbox-catalogue.json';
export const CATALOGUE_MD = 'SANDBOX-CATALOGUE.md';

export const catalogueJsonPath = (): string => join(testEnvRoot(), CATALOGUE_JSON);
export const catalogueMdPath = (): string => join(testEnvRoot(), CATALOGUE_MD);
