// Draws the generated timeline (a TimelineView computed by the core) as an SVG: time axis on top,
// one row per event grouped in phase sections, the incident start / detection / mitigation /
// resolution marked, and bars for the time to detect, mitigate and resolve. Built with DOM calls
// (text through textContent), coloured by classes that media/preview.css maps to the theme.
import type { TimelineView, TimelineViewEvent } from '../core/timeline/types';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 24;
const AXIS = 46;
const SPAN_ROW = 22;
const FONT_SIZE = 12;
const MARKER_WORDS: Record<string, string> = { start: 'start', detection: 'detected', mitigation: 'mitigated', resolution: 'resolved' };

type Attributes = Record<string, string | number>;

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Attributes = {}, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Text width in px at the chart's font (canvas measureText: no layout needed). */
function textWidth(text: string, bold = false): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * FONT_SIZE * 0.6;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  measureContext.font = `${bold ? 'bold ' : ''}${FONT_SIZE}px ${family}`;
  return measureContext.measureText(text).width;
}

/** `text` cut with an ellipsis to fit `width` px. */
function fit(text: string, width: number, bold = false): string {
  if (width <= 0) return '';
  if (textWidth(text, bold) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(`${text.slice(0, middle)}…`, bold) <= width) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low).trimEnd()}…`;
}

/**
 * The SVG of `view`, `width` px wide: a caption and the clock on top, then each section as a
 * header row (the phase's title, full width) followed by a row per event. Events carry
 * data-index (model index) and data-line.
 */
export function renderTimelineSvg(view: TimelineView, width: number): SVGSVGElement {
  width = Math.max(320, Math.round(width));
  const left = 16;
  const right = width - 16;
  const plot = right - left;
  const xOf = (x: number) => left + x * plot;
  const rowsTop = AXIS;
  // Each section gets a header row above its events.
  const sectionOfRow = (row: number) => view.sections.findIndex((s) => row >= s.firstRow && row < s.firstRow + s.rowCount);
  const yOfRow = (row: number) => rowsTop + (row + sectionOfRow(row) + 1) * ROW;
  const rowsBottom = rowsTop + (view.rows + view.sections.length) * ROW;
  const spansTop = rowsBottom + 12;
  const height = spansTop + view.spans.length * SPAN_ROW + 10;

  const svg = el('svg', { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, class: 'pm-timeline', role: 'img', 'font-size': FONT_SIZE });
  svg.append(el('title', {}, `Timeline: ${view.events.length} events`));
  svg.append(el('rect', { class: 'pm-bg', x: 0, y: 0, width, height }));

  // Caption, incident window, tick grid and clock labels.
  const caption = [view.axis.zone && `Times in ${view.axis.zone}`, view.axis.date].filter(Boolean).join(' · ');
  if (caption) svg.append(el('text', { class: 'pm-caption', x: left, y: 13 }, fit(caption, plot)));
  if (view.incident) {
    const incident = el('rect', { class: 'pm-incident', x: xOf(view.incident.fromX), y: rowsTop, width: Math.max(1, (view.incident.toX - view.incident.fromX) * plot), height: rowsBottom - rowsTop });
    incident.append(el('title', {}, 'The incident, from its start to its end'));
    svg.append(incident);
  }
  let lastLabelEnd = -Infinity;
  for (const tick of view.ticks) {
    const x = xOf(tick.x);
    svg.append(el('line', { class: 'pm-grid', x1: x, x2: x, y1: rowsTop - 6, y2: rowsBottom }));
    const labelWidth = textWidth(tick.label);
    const anchor = x + labelWidth / 2 > width - 2 ? 'end' : 'middle';
    const start = anchor === 'end' ? x - labelWidth : x - labelWidth / 2;
    if (start < lastLabelEnd + 6) continue;
    lastLabelEnd = start + labelWidth;
    svg.append(el('text', { class: 'pm-tick', x, y: rowsTop - 12, 'text-anchor': anchor }, tick.label));
  }
  svg.append(el('line', { class: 'pm-axis', x1: left, x2: right, y1: rowsTop - 6, y2: rowsTop - 6 }));

  // Sections: a band per phase, its title on the band's first row, its extent as a bracket.
  view.sections.forEach((section, i) => {
    const y = yOfRow(section.firstRow) - ROW;
    const band = el('g', { class: `pm-section pm-section-${i % 4}` });
    band.append(el('rect', { class: 'pm-band', x: 0, y, width, height: (section.rowCount + 1) * ROW }));
    band.append(el('rect', { class: 'pm-extent', x: xOf(section.fromX) - 3, y: y + ROW + 2, width: Math.max(6, (section.toX - section.fromX) * plot + 6), height: section.rowCount * ROW - 4, rx: 4 }));
    const label = el('text', { class: 'pm-section-label', x: left, y: y + ROW / 2 + 5 }, fit(section.label, plot, true));
    label.append(el('title', {}, section.label));
    if (section.line !== undefined) {
      label.setAttribute('data-line', String(section.line));
      label.classList.add('pm-clickable');
    }
    band.append(label);
    svg.append(band);
  });

  // The four moments: a line down through the rows.
  for (const event of view.events) {
    for (const marker of event.markers) {
      const x = xOf(event.x);
      svg.append(el('line', { class: `pm-marker-line pm-${marker}`, x1: x, x2: x, y1: rowsTop - 6, y2: view.spans.length ? height - 6 : rowsBottom }));
    }
  }

  for (const event of view.events) svg.append(eventGroup(event, xOf(event.x), yOfRow(event.row) + ROW / 2, left, right));

  // Time to detect / mitigate / resolve.
  view.spans.forEach((span, i) => {
    const y = spansTop + i * SPAN_ROW;
    const from = xOf(span.fromX);
    const to = xOf(span.toX);
    const group = el('g', { class: `pm-span pm-span-${span.kind}`, 'data-event': span.event });
    group.append(el('title', {}, `${span.label}: ${span.text}`));
    group.append(el('rect', { class: 'pm-span-bar', x: from, y: y + 4, width: Math.max(3, to - from), height: 10, rx: 3 }));
    const text = `${span.short} ${span.text}`;
    const textLength = textWidth(text, true);
    const after = to + 6 + textLength <= width - 2 || from - 6 - textLength < 2;
    group.append(el('text', { class: 'pm-span-label', x: after ? to + 6 : from - 6, y: y + 13, 'text-anchor': after ? 'start' : 'end' }, text));
    svg.append(group);
  });
  return svg;
}

function eventGroup(event: TimelineViewEvent, x: number, y: number, left: number, right: number): SVGGElement {
  const classes = ['pm-event', 'pm-clickable', ...event.markers.map((m) => `pm-${m}`)];
  const group = el('g', { class: classes.join(' '), 'data-index': event.index, 'data-line': event.line, tabindex: 0, role: 'button' });
  const time = `${event.time}${event.day > 0 ? ` +${event.day}d` : ''}`;
  const markerText = event.markers.map((m) => MARKER_WORDS[m]).join(', ');
  group.setAttribute('aria-label', `${time} ${event.title}${markerText ? ` (${markerText})` : ''}`);
  group.append(el('title', {}, [`${time} ${event.title}`, ...event.details, markerText && `Marks the incident ${markerText === 'start' ? 'start' : markerText}.`].filter(Boolean).join('\n')));
  group.append(el('rect', { class: 'pm-hit', x: left - 8, y: y - ROW / 2, width: right - left + 16, height: ROW }));
  const size = event.markers.length ? 7 : 5;
  group.append(el('path', { class: 'pm-diamond', d: `M ${x} ${y - size} L ${x + size} ${y} L ${x} ${y + size} L ${x - size} ${y} Z` }));

  // The label goes where it fits whole: right of the milestone, else left; else where there is more room.
  const gap = size + 6;
  const timeWidth = textWidth(time, true);
  const markerWidth = markerText ? textWidth(markerText, true) + 6 : 0;
  const needed = timeWidth + 6 + textWidth(event.title) + markerWidth;
  const roomRight = right + 12 - (x + gap);
  const roomLeft = x - gap - (left - 12);
  const toRight = needed <= roomRight || (needed > roomLeft && roomRight >= roomLeft);
  const title = fit(event.title, (toRight ? roomRight : roomLeft) - timeWidth - 6 - markerWidth);
  const label = el('text', { class: 'pm-label', x: toRight ? x + gap : x - gap, y: y + 4, 'text-anchor': toRight ? 'start' : 'end' });
  label.append(el('tspan', { class: 'pm-time' }, time));
  label.append(el('tspan', { dx: 6 }, title));
  if (markerText) label.append(el('tspan', { class: 'pm-marker-word', dx: 6 }, markerText));
  group.append(label);
  return group;
}
