/**
 * Writes test-env/sandbox-catalogue.json and test-env/SANDBOX-CATALOGUE.md for the default seed and
 * size (or SIM_SEED / SIM_SIZE). Run after changing the generator, then commit both files; a test
 * fails while they drift from what the generator produces.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSandboxCatalogue, createSyntheticRegistry, DEFAULT_SEED, DEFAULT_SIZE, renderCatalogueMarkdown, serialiseCatalogue } from '../population/index.js';
import { CATALOGUE_JSON, CATALOGUE_MD, testEnvRoot } from '../population/catalogue-files.js';

// Optional first argument: output directory (default: the test-env package directory).
const outDir = process.argv[2] ?? testEnvRoot();

const seed = process.env.SIM_SEED ?? DEFAULT_SEED;
const size = process.env.SIM_SIZE ? Number(process.env.SIM_SIZE) : DEFAULT_SIZE;
const catalogue = buildSandboxCatalogue(createSyntheticRegistry({ seed, size }));
const jsonPath = join(outDir, CATALOGUE_JSON);
const mdPath = join(outDir, CATALOGUE_MD);
writeFileSync(jsonPath, serialiseCatalogue(catalogue));
writeFileSync(mdPath, renderCatalogueMarkdown(catalogue));
console.log(`wrote ${jsonPath} and ${mdPath} (${catalogue.entries.length} identities, seed ${catalogue.generator.seed}, ${catalogue.generator.size} people)`);
