import type { PostmortemModel } from '../model/types.generated';
import { formatDuration } from './format';
import type { PreviewHeader } from './types';

/** The facts the preview shows above the diagrams: date, duration, impact, cost, derived times. */
export function previewHeader(model: PostmortemModel): PreviewHeader {
  const { metadata, derived } = model;
  const header: PreviewHeader = { times: [] };
  const set = (key: Exclude<keyof PreviewHeader, 'times'>, value: string | undefined) => {
    const text = value?.replace(/\s+/g, ' ').trim();
    if (text) header[key] = text;
  };
  set('title', model.title?.text);
  set('date', metadata.date?.raw ?? metadata.start?.date);
  set('duration', metadata.duration?.raw ?? (derived.durationSeconds !== undefined ? formatDuration(derived.durationSeconds) : undefined));
  set('impact', metadata.impact?.raw);
  set('cost', metadata.revenueLoss?.raw ?? model.costs.totals.at(-1)?.amount.raw);
  set('severity', metadata.severity?.raw);
  const times: [string, string, number | undefined][] = [
    ['TTD', 'Time to detect', derived.timeToDetectSeconds],
    ['TTM', 'Time to mitigate', derived.timeToMitigateSeconds],
    ['TTR', 'Time to resolve', derived.timeToResolveSeconds],
  ];
  for (const [short, label, seconds] of times) {
    if (seconds !== undefined) header.times.push({ short, label, text: formatDuration(seconds) });
  }
  return header;
}
