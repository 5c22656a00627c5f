/** The site's static files (CSS, scripts) from xslt/html/assets/, copied as they are. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../xslt/build.js';

export function assetsDir(): string {
  return join(projectRoot(), 'xslt', 'html', 'assets');
}

/** Hash of the asset files, part of the manifest's stylesheet hash. */
export function assetsHash(): string {
  const h = createHash('sha256');
  for (const name of readdirSync(assetsDir()).sort()) h.update(name + '\0').update(readFileSync(join(assetsDir(), name)));
  return h.digest('hex');
}

export function copyAssets(outDir: string): void {
  const target = join(outDir, 'assets');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(assetsDir())) copyFileSync(join(assetsDir(), name), join(target, name));
}
