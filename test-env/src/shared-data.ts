import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * ANPR's reference files (WSDL/XSD, PDND OpenAPI, decoding tables) are not part of this repository:
 * they live in `../shared/anpr`, beside the checkout. This is the one place that finds that folder,
 * from the sources (tests, ts) and from `dist/` (`npm start`) alike, whatever the working directory.
 */

/** The repository root: the nearest folder above this module whose package.json is the project's. */
export function repositoryRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'geres') return dir;
      } catch {
        // not a readable manifest: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(process.cwd());
    dir = parent;
  }
}

/**
 * Where `../shared` is expected (`<repository>/../shared`), whether or not it exists.
 * GERES_SHARED_DIR points elsewhere (e.g. to check how tests behave without it).
 */
export function expectedSharedDir(): string {
  return process.env.GERES_SHARED_DIR ? resolve(process.env.GERES_SHARED_DIR) : resolve(repositoryRoot(), '..', 'shared');
}

/** `../shared/<parts>` when that path exists on this machine, else undefined. */
export function findShared(...parts: string[]): string | undefined {
  const path = join(expectedSharedDir(), ...parts);
  return existsSync(path) ? path : undefined;
}
