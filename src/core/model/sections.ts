import type { Block, HeadingBlock } from '../parse/blocks';
import type { SectionKind } from './types.generated';

/** Recognises what a section is about from its heading. Order matters: first match wins. */
const SECTION_PATTERNS: ReadonlyArray<[SectionKind, RegExp]> = [
  // "Lessons Learned & Action Items" is a lessons section: lessons are tested first.
  ['lessons', /\blessons?\b|\blearn(ed|ings)\b|\bimprovements?\b|\btake ?aways?\b/i],
  ['action-items', /\baction items?\b|\bfollow[- ]?ups?\b|\bremediation items?\b|\bcorrective actions?\b|\bnext steps\b/i],
  ['prevention', /\bprevent(ion|ive)?\b|\bdeployment gates?\b|\bsafeguards?\b/i],
  ['findings', /\bfindings\b|\bwhat went (well|wrong|right|poorly|badly)\b|\bwhere we got lucky\b|\bwent well\b|\bretrospective\b/i],
  ['timeline', /\btimeline\b|\bchronolog|\bsequence of events\b|\bresponse flow\b|\bevent log\b|\bzeitablauf\b|\bchronologie\b|\bcronolog[ií]a\b/i],
  ['checklist', /\bchecklist\b|\brunbook\b|\bdebugging\b/i],
  ['metrics', /\bmetrics?\b|\bkpis?\b|\bslis?\b|\bslos?\b|\bmeasurements?\b/i],
  ['costs', /\bcosts?\b|\bfinancial\b|\brevenue\b|\bbusiness impact\b/i],
  ['root-cause', /\broot[- ]?causes?\b|\btrigger\b|\bcontributing factors?\b|\bcause analysis\b|\bwhy\b/i],
  ['impact', /\bimpact\b/i],
  ['references', /\breferences?\b|\bsupporting information\b|\blinks\b|\bdocumentation\b|\bappendix\b/i],
  ['overview', /\boverview\b|\bsummary\b|\babstract\b|\bincident details\b|\bat a glance\b|\bfacts\b|\bzusammenfassung\b|\br[ée]sum[ée]\b|\bresumen\b/i],
];

const kindCache = new Map<string, SectionKind>();

/** Classifies a heading's text. */
export function classifySection(title: string): SectionKind {
  let kind = kindCache.get(title);
  if (kind) return kind;
  kind = 'other';
  for (const [candidate, pattern] of SECTION_PATTERNS) {
    if (pattern.test(title)) {
      kind = candidate;
      break;
    }
  }
  // Headings are few; the bound only guards against documents made of millions of them.
  if (kindCache.size > 50_000) kindCache.clear();
  kindCache.set(title, kind);
  return kind;
}

/** A block together with the headings it sits under (outermost first). */
export interface BlockInContext<B extends Block = Block> {
  block: B;
  headings: readonly HeadingBlock[];
  /** The kinds of the sections those headings open (see classifySection). */
  sections: ReadonlySet<SectionKind>;
}

/**
 * Walks the blocks and hands each one to `visit` with its heading path and the kinds of the
 * sections on it. Blocks of one section share their path and kinds, so each section's headings
 * are classified once per walk, not once per block and extractor.
 */
export function forEachBlockInContext(blocks: readonly Block[], visit: (entry: BlockInContext) => void): void {
  let path: HeadingBlock[] = [];
  let sections: ReadonlySet<SectionKind> = new Set();
  for (const block of blocks) {
    if (block.kind === 'heading') {
      path = path.filter((h) => h.depth < block.depth);
      sections = new Set(path.map((h) => classifySection(h.text)));
      visit({ block, headings: path, sections });
      path = [...path, block];
      sections = new Set([...sections, classifySection(block.text)]);
      continue;
    }
    visit({ block, headings: path, sections });
  }
}

/** The kind of the nearest enclosing section that has a kind other than `other`. */
export function nearestKind(headings: readonly HeadingBlock[], wanted: readonly SectionKind[]): { kind: SectionKind; heading: HeadingBlock } | undefined {
  for (let i = headings.length - 1; i >= 0; i--) {
    const kind = classifySection(headings[i].text);
    if (wanted.includes(kind)) return { kind, heading: headings[i] };
  }
  return undefined;
}
