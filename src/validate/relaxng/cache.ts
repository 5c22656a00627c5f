/** On-disk cache of compiled schemas: placeholder until serialisation lands. */
import type { CompiledSchema } from './schema.js';
import type { Simplified } from './simplify.js';

export function readCachedSchema(_dir: string, _path: string): CompiledSchema | undefined {
  return undefined;
}

export function writeCachedSchema(_dir: string, _path: string, _s: Simplified): void {}
