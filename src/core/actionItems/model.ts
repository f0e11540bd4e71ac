import { buildModel } from '../model/build';
import type { PostmortemModel } from '../model/types.generated';
import { parseMarkdown } from '../parse/markdown';

/** The model of a text without running the rules: what the scaffold and the exporters need. */
export function modelOfText(text: string): PostmortemModel {
  return buildModel(parseMarkdown(text)).model;
}
