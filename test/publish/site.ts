/** Builds the small fixture edition once per test run, for the publish and browser tests. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, type CliResult, scratchDir } from '../helpers.js';

export const FIXTURE_TEI = join(ROOT, 'test', 'fixtures', 'publish', 'tei');

export interface BuiltSite {
  /** The temporary folder holding both; remove it when done. */
  dir: string;
  /** A private copy of the fixture TEI folder (tests may edit it). */
  teiDir: string;
  outDir: string;
  result: CliResult;
}

/** Copies the fixtures to a temporary folder and publishes them with the CLI. */
export async function buildFixtureSite(): Promise<BuiltSite> {
  const dir = scratchDir('publish');
  const teiDir = join(dir, 'tei');
  cpSync(FIXTURE_TEI, teiDir, { recursive: true });
  const outDir = join(dir, 'site');
  const result = await runCli(['publish', teiDir, '--out', outDir, '--format', 'json']);
  return { dir, teiDir, outDir, result };
}
