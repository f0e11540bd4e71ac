/**
 * Per-block memo. Block objects are reused by the incremental parser while their chunk is
 * unchanged and unmoved, so what is computed from one block alone is computed once per edit of
 * that block, not once per lint. Results must be treated as immutable by callers.
 */
const memo = new WeakMap<object, Map<string, unknown>>();

/** The value of `compute()` for (`owner`, `key`), computed once while `owner` lives. */
export function memoized<T>(owner: object, key: string, compute: () => T): T {
  let entries = memo.get(owner);
  if (!entries) {
    entries = new Map();
    memo.set(owner, entries);
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  entries.set(key, value);
  return value;
}
