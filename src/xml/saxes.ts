/**
 * saxes, loaded on first use. Only the XSLT side needs it (the includes of a stylesheet, a
 * schema's links, the compiler's error report); loading it costs ~30 ms, which a whole-process
 * `shifr validate` on the native engine should not pay.
 */
import { createRequire } from 'node:module';
import type { SaxesParser } from 'saxes';

const require = createRequire(import.meta.url);
let saxes: typeof import('saxes') | undefined;

/** A new namespace-aware saxes parser. */
export function namespaceParser(): SaxesParser<{ xmlns: true }> {
  saxes ??= require('saxes') as typeof import('saxes');
  return new saxes.SaxesParser({ xmlns: true });
}
