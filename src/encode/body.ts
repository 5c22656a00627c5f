/**
 * The text of a telegram → TEI body: one div per text version, each cut into the telegram's
 * parts. A part runs opener → paragraphs → closer; when the text goes back (a salute after a
 * paragraph, a paragraph after a signature — a covering note and the draft it covers), a new part
 * begins, and a div with several parts wraps each in `div[@type=part]`, because TEI allows no
 * paragraph after a closer. Blocks of a telegram quoted inside the telegram become
 * floatingText[@type=telegram]/body, cut into parts the same way.
 */
import type { Block, BlockKind, Inline, SourceSpan, TextVersion } from '../model.js';
import type { AlignUnit } from '../align/align.js';
import { numberAnchors } from '../align/anchors.js';
import { newBlock } from '../ingest/structure.js';
import { packedMap } from '../packed.js';
import { footnoteId, paragraphId } from './ids.js';
import { plainText, renderInline, trimContent, type InlineState } from './inline.js';
import { el, elWith, type Element } from './xml.js';

const OPENER: ReadonlySet<BlockKind> = new Set(['heading', 'letterhead', 'classification', 'doctype', 'priority', 'series', 'dateline', 'salute']);
const CLOSER: ReadonlySet<BlockKind> = new Set(['signature', 'closingDate']);
const GLOBAL: ReadonlySet<BlockKind> = new Set(['distribution', 'serviceNote', 'pageBreak', 'continuation', 'catchword', 'gap', 'footnote']);

/** A paragraph as encoded, in document order: what alignment pairs and then points to. */
export interface EncodedParagraph extends AlignUnit {
  element: Element;
  anchors: Set<string>;
  /** Where the paragraph is in the source page. */
  span: SourceSpan;
}

type Item = { block: Block } | { quoted: Block[] } | { distribution: Block[] };

/**
 * A copy of a block in another quoted group, made by `newBlock` like every block of the model: a
 * spread copy would have a hidden class of its own, and the first page quoting a telegram sent the
 * encoder's optimised code back to the interpreter.
 */
function inGroup(b: Block, quotedGroup: number | undefined): Block {
  return newBlock(b.kind, b.content, b.source, b.span, b.noteType, b.folio, quotedGroup, b.gapReason, b.n);
}

/** Page furniture that may fall inside a quoted telegram without ending it. */
const FURNITURE: ReadonlySet<BlockKind> = new Set(['pageBreak', 'continuation', 'catchword']);

/**
 * Groups the blocks into items: the blocks of one quoted telegram (with the page breaks,
 * continuation headers and catchwords that fall inside it) into one, and consecutive copy-list
 * lines into one distribution note.
 */
function items(blocks: readonly Block[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i]!;
    const g = b.quotedGroup;
    if (g === undefined && b.kind === 'distribution') {
      const lines: Block[] = [];
      while (i < blocks.length && blocks[i]!.kind === 'distribution' && blocks[i]!.quotedGroup === undefined) lines.push(blocks[i++]!);
      out.push({ distribution: lines });
      continue;
    }
    if (g === undefined) {
      out.push({ block: b });
      i++;
      continue;
    }
    const group: Block[] = [];
    for (;;) {
      while (i < blocks.length && blocks[i]!.quotedGroup === g) group.push(blocks[i++]!);
      let k = i;
      while (k < blocks.length && blocks[k]!.quotedGroup === undefined && FURNITURE.has(blocks[k]!.kind)) k++;
      if (k === i || k >= blocks.length || blocks[k]!.quotedGroup !== g) break;
      while (i < k) group.push(inGroup(blocks[i++]!, g));
    }
    out.push({ quoted: group });
  }
  return out;
}

interface Part {
  top: Item[];
  main: Item[];
  bottom: Item[];
}

function role(item: Item): 'opener' | 'closer' | 'global' | 'main' {
  if ('quoted' in item) return 'main';
  if ('distribution' in item) return 'global';
  const k = item.block.kind;
  // Where the page breaks off, the missing text stands where the text would be, after any opener.
  if (k === 'gap' && item.block.gapReason === 'truncated') return 'main';
  if (OPENER.has(k)) return 'opener';
  if (CLOSER.has(k)) return 'closer';
  if (GLOBAL.has(k)) return 'global';
  return 'main';
}

/** Cuts a sequence of items into parts (see the module comment). */
function parts(list: readonly Item[]): Part[] {
  const out: Part[] = [];
  let part: Part = { top: [], main: [], bottom: [] };
  let phase: 'top' | 'main' | 'bottom' = 'top';
  const next = (): void => {
    out.push(part);
    part = { top: [], main: [], bottom: [] };
  };
  for (const item of list) {
    const r = role(item);
    if (r === 'global') part[phase].push(item);
    else if (r === 'opener') {
      if (phase !== 'top') {
        next();
        phase = 'top';
      }
      part.top.push(item);
    } else if (r === 'main') {
      if (phase === 'bottom') {
        next();
      }
      phase = 'main';
      part.main.push(item);
    } else {
      phase = 'bottom';
      part.bottom.push(item);
    }
  }
  out.push(part);
  return out.filter((p) => p.top.length + p.main.length + p.bottom.length > 0);
}

/** Encodes one text version into its div; the paragraphs, with their ids, are kept for alignment. */
export class BodyEncoder {
  readonly paragraphs: EncodedParagraph[] = [];
  /** The folio of a page break just written, so that the continuation header of that sheet adds none. */
  private lastFolio: string | undefined;

  constructor(
    private readonly divId: string,
    private readonly state: InlineState,
  ) {}

  /** Writes the version's blocks into `div`. */
  encode(div: Element, version: TextVersion): void {
    this.state.versionId = this.divId;
    const footnotes = new Set<string>();
    for (const b of version.blocks) if (b.kind === 'footnote' && b.n !== undefined) footnotes.add(b.n);
    this.state.footnotes = footnotes;
    this.segment(div, items(version.blocks), false);
  }

  private segment(parent: Element, list: readonly Item[], mustHaveText: boolean): void {
    const ps = parts(list);
    if (mustHaveText && !ps.some((p) => p.main.length > 0)) {
      // A quoted telegram with no paragraph at all: TEI's body needs one, so its lines become paragraphs.
      for (const item of list) this.paragraphLike(parent, item);
      return;
    }
    if (ps.length === 1) {
      this.part(parent, ps[0]!);
      return;
    }
    ps.forEach((p, i) => this.part(el(parent, 'div', { type: 'part', n: String(i + 1) }), p));
  }

  private part(parent: Element, part: Part): void {
    if (part.main.length === 0) {
      // No paragraph: the closer cannot stand without text before it, but an opener may hold
      // signed and dateline too.
      this.opener(parent, [...part.top, ...part.bottom]);
      return;
    }
    this.opener(parent, part.top);
    for (const item of part.main) this.item(parent, item);
    let last = part.bottom.length;
    while (last > 0 && role(part.bottom[last - 1]!) === 'global') last--;
    if (last > 0) {
      const closer = el(parent, 'closer');
      for (const item of part.bottom.slice(0, last)) this.item(closer, item);
    }
    for (const item of part.bottom.slice(last)) this.item(parent, item);
  }

  /** The top of a part: its headings as the division's heads (TEI has none inside opener), what lies between them in openers. */
  private opener(parent: Element, list: readonly Item[]): void {
    let run: Item[] = [];
    for (const item of list) {
      if (!('block' in item) || item.block.kind !== 'heading') {
        run.push(item);
        continue;
      }
      this.openerRun(parent, run);
      run = [];
      this.item(parent, item);
    }
    this.openerRun(parent, run);
  }

  private openerRun(parent: Element, list: readonly Item[]): void {
    if (list.length === 0) return;
    if (!list.some((i) => role(i) !== 'global')) {
      for (const item of list) this.item(parent, item);
      return;
    }
    const opener = el(parent, 'opener');
    for (const item of list) this.item(opener, item);
  }

  private paragraphLike(parent: Element, item: Item): void {
    if ('quoted' in item || 'distribution' in item) {
      for (const b of 'quoted' in item ? item.quoted : item.distribution) this.paragraphLike(parent, { block: b });
      return;
    }
    if (item.block.kind === 'paragraph') this.item(parent, item);
    else renderInline(el(parent, 'p'), trimContent(item.block.content), this.state);
  }

  private item(parent: Element, item: Item): void {
    if ('distribution' in item) {
      this.distribution(elWith(parent, 'note', 'type', 'distribution'), item.distribution);
      return;
    }
    if ('quoted' in item) {
      const body = el(elWith(parent, 'floatingText', 'type', 'telegram'), 'body');
      this.segment(body, items(packedMap(item.quoted, (b) => inGroup(b, undefined))), true);
      return;
    }
    this.block(parent, item.block);
  }

  private block(parent: Element, b: Block): void {
    const content = trimContent(b.content);
    const st = this.state;
    const folio = this.lastFolio;
    this.lastFolio = undefined;
    switch (b.kind) {
      case 'letterhead':
        renderInline(elWith(parent, 'fw', 'type', 'letterhead'), content, st);
        break;
      case 'heading':
        renderInline(el(parent, 'head'), content, st);
        break;
      case 'classification':
      case 'priority':
      case 'series':
        renderInline(elWith(parent, 'seg', 'type', b.kind), content, st);
        break;
      case 'doctype':
        renderInline(elWith(parent, 'seg', 'type', 'doctype'), content, st, { numbers: true });
        st.numbers.length = 0;
        break;
      case 'dateline':
        renderInline(el(parent, 'dateline'), content, st, { dates: true });
        st.dates.length = 0;
        break;
      case 'salute':
        renderInline(el(parent, 'salute'), content, st);
        break;
      case 'paragraph': {
        const id = paragraphId(this.divId, this.paragraphs.length + 1);
        const element = elWith(parent, 'p', 'xml:id', id);
        st.paragraphNames = new Set();
        renderInline(element, content, st);
        const text = plainText(content);
        this.paragraphs.push({ id, element, text, anchors: numberAnchors(text, st.paragraphNames), span: b.span });
        st.paragraphNames = undefined;
        break;
      }
      case 'signature':
        renderInline(el(parent, 'signed'), content, st);
        break;
      case 'closingDate':
        renderInline(el(parent, 'dateline'), content, st, { dates: true, numbers: true });
        st.dates.length = 0;
        st.numbers.length = 0;
        break;
      case 'distribution':
        this.distribution(elWith(parent, 'note', 'type', 'distribution'), [b]);
        break;
      case 'serviceNote':
        renderInline(elWith(parent, 'note', 'type', b.noteType ?? 'service'), content, st);
        break;
      case 'pageBreak':
        this.lastFolio = b.folio;
        el(parent, 'pb', { n: b.folio });
        if (content.length > 0) renderInline(elWith(parent, 'fw', 'type', 'pageNum'), content, st);
        break;
      case 'continuation':
        // The sheet's header: a page break unless one was just given for the same sheet.
        if (b.folio !== undefined && b.folio !== folio) el(parent, 'pb', { n: b.folio });
        renderInline(elWith(parent, 'fw', 'type', 'continuation'), content, st);
        break;
      case 'catchword':
        renderInline(elWith(parent, 'fw', 'type', 'catchword'), content, st);
        break;
      case 'gap':
        elWith(parent, 'gap', 'reason', b.gapReason ?? 'omitted');
        break;
      case 'footnote':
        renderInline(el(parent, 'note', { type: 'editorial', place: 'foot', n: b.n, 'xml:id': footnoteId(this.divId, b.n ?? '') }), content, st);
        break;
    }
  }

  /** A copy list: one item per line when the copies are itemised, else the note's text as written. */
  private distribution(note: Element, blocks: readonly Block[]): void {
    const lines: Inline[][] = [];
    for (const b of blocks) {
      const content = trimContent(b.content);
      if (content.length === 1 && content[0]!.kind === 'text') {
        for (const l of content[0]!.text.split(/\s*\n\s*/)) if (l !== '') lines.push([{ kind: 'text', text: l }]);
      } else lines.push(content);
    }
    if (lines.length < 2) {
      renderInline(note, lines[0] ?? [], this.state);
      return;
    }
    const list = el(note, 'list');
    for (const line of lines) renderInline(el(list, 'item'), line, this.state);
  }
}
