/**
 * On-disk cache of compiled schemas (`.cache/relaxng/<hash>.json`). An entry holds the
 * simplified pattern graph and, for every schema file read, its SHA-256 and file signature
 * (`fileSignature`); it is used only while all those files are unchanged, so editing any included
 * file recompiles. A file whose signature is unchanged is not read again; one whose signature
 * changed (copied, checked out anew) is hashed. Writing is atomic, and an unreadable or stale
 * entry is simply ignored.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../fsutil.js';
import { fileSignature, sha256 } from '../../hash.js';
import { INVALID } from './datatype.js';
import { createDatatype } from './datatypes.js';
import { noteContextDependentDatatype } from './matcher.js';
import { anyNameNc, choiceNc, nameNc, nsNameNc, type NameClass } from './nameclass.js';
import {
  attribute,
  choice,
  data,
  element,
  EMPTY,
  group,
  interleave,
  Kind,
  list,
  NOT_ALLOWED,
  oneOrMore,
  operands,
  setContent,
  TEXT,
  value,
  type Pattern,
} from './pattern.js';
import { CompiledSchema } from './schema.js';
import type { DatatypeSpec, Simplified } from './simplify.js';

const FORMAT = 3;

type NcJson = ['n', string, string] | ['a', NcJson?] | ['s', string, NcJson?] | ['c', NcJson, NcJson];
type NodeJson = (number | NcJson)[];

interface Entry {
  format: number;
  /** Each schema file read: path, SHA-256 of its content, signature. */
  files: [string, string, string | undefined][];
  start: number;
  elements: number[];
  nodes: NodeJson[];
  datatypes: DatatypeSpec[];
}

const contentHash = (path: string) => sha256(readFileSync(path));
/** The entry's file: named by the schema's path, so one file serves each schema (and is replaced when it changes). */
const entryPath = (dir: string, schemaPath: string) => join(dir, `${pathKey(resolve(schemaPath))}.json`);

/**
 * 32 hex digits from a path (FNV-1a in four lanes): a file name, not a security measure, and
 * short work that start-up can do without loading node:crypto. The entry also records the
 * paths it was compiled from, so a collision could only make two schemas replace each other's entry.
 */
function pathKey(path: string): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x2545f491, 0x6c078965];
  let key = '';
  for (let lane = 0; lane < lanes.length; lane++) {
    let h = lanes[lane]!;
    for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193 + 2 * lane);
    key += (h >>> 0).toString(16).padStart(8, '0');
  }
  return key;
}

function ncToJson(nc: NameClass): NcJson {
  switch (nc.kind) {
    case 'name':
      return ['n', nc.ns, nc.local];
    case 'anyName':
      return nc.except ? ['a', ncToJson(nc.except)] : ['a'];
    case 'nsName':
      return nc.except ? ['s', nc.ns, ncToJson(nc.except)] : ['s', nc.ns];
    case 'choice':
      return ['c', ncToJson(nc.a), ncToJson(nc.b)];
  }
}

function ncFromJson(j: NcJson): NameClass {
  switch (j[0]) {
    case 'n':
      return nameNc(j[1], j[2]);
    case 'a':
      return anyNameNc(j[1] ? ncFromJson(j[1]) : undefined);
    case 's':
      return nsNameNc(j[1], j[2] ? ncFromJson(j[2]) : undefined);
    case 'c':
      return choiceNc(ncFromJson(j[1]), ncFromJson(j[2]));
  }
}

/** Writes the compiled form of `schemaPath` into the cache; failures only cost the next load time. */
export function writeCachedSchema(dir: string, schemaPath: string, s: Simplified): void {
  const index = new Map<Pattern, number>();
  const nodes: NodeJson[] = [];
  const datatypes: DatatypeSpec[] = [];
  const pendingElements: Pattern[] = [];
  const visit = (p: Pattern): number => {
    const known = index.get(p);
    if (known !== undefined) return known;
    if (p.kind === Kind.Element) {
      const i = nodes.push([Kind.Element, ncToJson(p.nc!), -1]) - 1;
      index.set(p, i);
      pendingElements.push(p);
      return i;
    }
    // A choice chain's tail is rebuilt before its head, so that on reading back the head is the
    // newest member and `choice` extends the chain in O(1) (see pattern.ts).
    const kids = p.kind === Kind.Choice ? [p.b!, p.a!].map(visit).reverse() : operands(p).map(visit);
    let node: NodeJson;
    if (p.kind === Kind.Data || p.kind === Kind.DataExcept || p.kind === Kind.Value) {
      node = [p.kind, datatypes.push(s.datatypes.get(p)!) - 1, ...kids];
    } else if (p.kind === Kind.Attribute) node = [p.kind, ncToJson(p.nc!), ...kids];
    else node = [p.kind, ...kids];
    const i = nodes.push(node) - 1;
    index.set(p, i);
    return i;
  };
  const start = visit(s.start);
  while (pendingElements.length > 0) {
    const el = pendingElements.pop()!;
    nodes[index.get(el)!]![2] = visit(el.a!);
  }
  const elements = s.elements.filter((e) => index.has(e)).map((e) => index.get(e)!);
  const entry: Entry = { format: FORMAT, files: s.files.map((f) => [f, contentHash(f), fileSignature(f)]), start, elements, nodes, datatypes };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(entryPath(dir, schemaPath), JSON.stringify(entry));
  } catch {
    // A read-only or full disk leaves the cache empty; validation does not depend on it.
  }
}

/** The cached compiled schema, or undefined when there is none or any schema file changed. */
export function readCachedSchema(dir: string, schemaPath: string): CompiledSchema | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryPath(dir, schemaPath), 'utf8')) as Entry;
    if (entry.format !== FORMAT) return undefined;
    if (entry.files[0]?.[0] !== resolve(schemaPath)) return undefined;
    for (const [file, hash, signature] of entry.files) {
      if ((signature === undefined || fileSignature(file) !== signature) && contentHash(file) !== hash) return undefined;
    }
  } catch {
    return undefined;
  }
  const built: Pattern[] = [];
  const contents: [Pattern, number][] = [];
  for (const node of entry.nodes) {
    const kind = node[0] as Kind;
    const n = (i: number) => built[node[i] as number]!;
    let p: Pattern;
    switch (kind) {
      case Kind.Empty:
        p = EMPTY;
        break;
      case Kind.NotAllowed:
        p = NOT_ALLOWED;
        break;
      case Kind.Text:
        p = TEXT;
        break;
      case Kind.Choice:
        p = choice(n(1), n(2));
        break;
      case Kind.Group:
        p = group(n(1), n(2));
        break;
      case Kind.Interleave:
        p = interleave(n(1), n(2));
        break;
      case Kind.OneOrMore:
        p = oneOrMore(n(1));
        break;
      case Kind.List:
        p = list(n(1));
        break;
      case Kind.Attribute:
        p = attribute(ncFromJson(node[1] as NcJson), n(2));
        break;
      case Kind.Element:
        p = element(ncFromJson(node[1] as NcJson));
        contents.push([p, node[2] as number]);
        break;
      case Kind.Data:
      case Kind.DataExcept:
      case Kind.Value: {
        const spec = entry.datatypes[node[1] as number]!;
        const dt = createDatatype(spec.library, spec.type, spec.params);
        if (dt.contextDependent) noteContextDependentDatatype();
        if (kind === Kind.Value) {
          const parsed = dt.parse(spec.lexical!, spec.bindings);
          if (parsed === INVALID) return undefined;
          p = value(dt, parsed, spec.lexical!);
        } else p = data(dt, spec.params, kind === Kind.DataExcept ? n(2) : undefined);
        break;
      }
      default:
        return undefined;
    }
    built.push(p);
  }
  for (const [el, content] of contents) setContent(el, built[content]!);
  return new CompiledSchema(built[entry.start]!, entry.elements.map((i) => built[i]!));
}
