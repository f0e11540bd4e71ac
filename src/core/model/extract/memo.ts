/**
 * Per-block memos. Block objects are reused by the incremental parser while their chunk is
 * unchanged and unmoved, so what is computed from one block alone is computed once per edit of
 * that block, not once per lint. Results must be treated as immutable by callers.
 */

/**
 * `compute`, remembered per owner object: the returned function computes `compute(owner, input)`
 * the first time it is asked about `owner` and returns that value after. `input` must be the same
 * for the same owner as far as the result is concerned (for blocks: the document's lines, which
 * do not change under an unchanged block). One WeakMap per memo, and no closure per request: a
 * re-lint of a 1 MB post-mortem asks for tens of thousands of memoized values.
 */
export function memoizedPerBlock<O extends object, I, T>(compute: (owner: O, input: I) => T): (owner: O, input: I) => T {
  const values = new WeakMap<O, T>();
  return (owner, input) => {
    let value = values.get(owner);
    if (value === undefined && !values.has(owner)) {
      value = compute(owner, input);
      values.set(owner, value);
    }
    return value as T;
  };
}
