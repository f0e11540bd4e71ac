import { cellPlain } from './text';

/** Verbs an action item may start with (base forms). Extend with the PM603 option `verbs`. */
const VERBS = new Set(
  (
    'abort accept acknowledge add adjust adopt alert align allocate allow alter announce apply approve archive assign attach audit ' +
    'authenticate authorize automate avoid back backfill backport balance ban benchmark block bound break build bump cache calculate ' +
    'calibrate cancel cap capture change clamp clarify clean cleanup clear close codify collect combine communicate compare compile ' +
    'complete compress configure confirm connect consolidate contact convert copy correct create cut debounce debug decommission ' +
    'decouple dedupe deduplicate default define delegate delete deliver deploy deprecate describe design detect develop disable ' +
    'disallow document double downgrade drain draft drop dry-run duplicate edit educate eliminate email embed emit enable encrypt ' +
    'enforce enhance enlarge ensure enroll escalate establish estimate exercise expand expire export expose extend extract fail ' +
    'fence fetch file fill filter finalize fix flag flush fold forbid force fork formalize freeze gate gather generate grant ' +
    'graph group halve handle harden hire hold hook host identify implement import include increase index inform initiate inject ' +
    'install instrument integrate introduce invalidate isolate issue keep kill label land launch limit link lint list load lock ' +
    'log lower maintain make manage mandate map mark measure merge migrate minimize mirror mock model modify monitor move mute ' +
    'name negotiate normalize notify observe obtain offload onboard open optimize order organize own package page pair parallelize ' +
    'parameterize parse partition patch pause perform persist pin plan poll populate port post precompute prefetch prepare ' +
    'present preserve prevent prioritize probe produce profile prohibit promote propagate protect prototype provide provision ' +
    'prune publish pull purge push put quarantine query queue raise rate-limit re-enable reach read rebalance rebuild recalibrate ' +
    'record recover redesign redirect reduce refactor refresh register reject release relocate remind remove rename reorder ' +
    'repair replace replicate report reproduce request require reroute reserve reset resize resolve restart restore restrict ' +
    'restructure retire retrain retry return reuse revert revise revoke rewrite roll rollback rotate route run sanitize scale ' +
    'scan schedule scope script seal secure segment select send separate serve set setup shard share shed ship shorten show ' +
    'shut sign simplify simulate size skip slow snapshot sort specify split stabilize stage standardize start stop store stream ' +
    'strengthen stress-test strip submit subscribe supply support surface suspend swap switch sync synchronize tag teach template ' +
    'terminate test throttle tighten time-box timebox track train transfer transition translate triage trigger trim tune turn ' +
    'unblock unify uninstall unpin update upgrade upload use validate verify version wait warn watch whitelist allowlist denylist ' +
    'widen wire write'
  ).split(' '),
);

/** Verbs that promise no outcome; an action item starting with one is vague. Override with the PM603 option `vagueVerbs`. */
export const DEFAULT_VAGUE_VERBS: readonly string[] = [
  'investigate', 'improve', 'look into', 'look at', 'consider', 'explore', 'think about', 'discuss', 'revisit', 'follow up',
  'work on', 'research', 'try', 'evaluate', 'understand', 'figure out', 'check on', 'look for',
];

const DETERMINERS = new Set(['the', 'a', 'an', 'all', 'every', 'each', 'our', 'its', 'their', 'any', 'both', 'new', 'more', 'less', 'no']);

export interface TitleCheck {
  /** The vague verb the action starts with. */
  vague?: string;
  /** True when the action starts with no verb the check knows. */
  noVerb?: boolean;
}

/**
 * Checks that an action item's title starts with a verb, and not a vague one. "Label: do X" is
 * read at "do X" as well. A word followed by "the", "a", "all"... is taken as a verb even when it is
 * not in the list ("Shard the cache").
 */
export function checkActionTitle(action: string, options: { vagueVerbs?: readonly string[]; verbs?: readonly string[] } = {}): TitleCheck {
  const plain = cellPlain(action).replace(/^[\s\-–—*•]+/, '');
  if (!plain) return {};
  const vagueVerbs = (options.vagueVerbs ?? DEFAULT_VAGUE_VERBS).map((v) => v.toLowerCase().trim()).filter(Boolean);
  const extra = new Set((options.verbs ?? []).map((v) => v.toLowerCase().trim()));
  const starts = [plain];
  const colon = plain.indexOf(': ');
  if (colon > 0 && colon <= 60 && plain.slice(0, colon).split(/\s+/).length <= 6) starts.push(plain.slice(colon + 2).trim());
  for (const start of starts) {
    const lower = start.toLowerCase();
    const vague = vagueVerbs.find((v) => lower === v || lower.startsWith(`${v} `) || lower.startsWith(`${v}s `) || lower.startsWith(`${v}:`));
    if (vague) return { vague };
  }
  for (const start of starts) {
    const words = start.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
    if (words.length === 0) continue;
    if (isVerb(words[0], extra) || (words.length > 1 && DETERMINERS.has(words[1]) && /^\p{L}+$/u.test(words[0]))) return {};
  }
  return { noVerb: true };
}

function isVerb(word: string, extra: ReadonlySet<string>): boolean {
  const known = (w: string) => VERBS.has(w) || extra.has(w);
  if (known(word)) return true;
  // Inflected forms: adds, fixes, added, reduced, dropped, running.
  const stems = [
    word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, ''),
    word.replace(/ied$/, 'y'), word.replace(/ed$/, ''), word.replace(/d$/, ''), word.replace(/(\w)\1ed$/, '$1'),
    word.replace(/ing$/, ''), word.replace(/ing$/, 'e'), word.replace(/(\w)\1ing$/, '$1'),
  ];
  return stems.some((s) => s !== word && known(s));
}
