// CPU profiles (the V8 format that node:inspector and the browser's DevTools protocol both give),
// read for the benchmarks: which code each sample's time belongs to.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface OwnedSample {
  owner: string;
  /** When the sample was taken, in ms from the start of the profile. */
  atMs: number;
  /** How long it stands for (ms). */
  ms: number;
}

/**
 * Each sample with its owner: `ownerOfScript(url)` for the innermost frame whose script it names
 * (undefined: that frame's caller decides), so that built-in functions (a DOM call, Node's
 * writing to a pipe) count for the code that called them; "idle" and "garbage collection" for
 * those samples; `otherwise` when no frame on the stack names an owner.
 */
export function ownedSamples(profile: CpuProfile, ownerOfScript: (url: string) => string | undefined, otherwise: string): OwnedSample[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const owners = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owners.get(id);
    if (known) return known;
    const frame = byId.get(id)?.callFrame;
    const parent = parentOf.get(id);
    let owner: string | undefined;
    if (frame?.functionName === '(idle)') owner = 'idle';
    else if (frame?.functionName === '(garbage collector)') owner = 'garbage collection';
    else if (frame?.url) owner = ownerOfScript(frame.url);
    owner ??= parent !== undefined ? ownerOf(parent) : otherwise;
    owners.set(id, owner);
    return owner;
  };
  let atMs = 0;
  return profile.samples.map((id, i) => {
    atMs += profile.timeDeltas[i] / 1000;
    return { owner: ownerOf(id), atMs, ms: (profile.timeDeltas[i + 1] ?? 0) / 1000 };
  });
}
