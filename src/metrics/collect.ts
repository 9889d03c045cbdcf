/**
 * What the executed notebook reports, by two documented conventions:
 * - a cell tagged `metrics` whose last output is a flat object of numbers,
 *   strings and booleans, shown as application/json or as a Python dict literal
 *   in text/plain (`{'accuracy': 0.93, 'f1_macro': 0.91}`); nested objects are
 *   flattened with dots;
 * - `--metrics FILE`, a JSON file the notebook writes (DVC's metrics.json style).
 * And the figures: every image/png or image/svg+xml output of cells tagged
 * `report` (or of all cells), at most 10, each at most 1 MiB.
 */
import { readFile } from 'node:fs/promises';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Notebook, NotebookCell } from '../notebook/inject.js';

export type MetricValue = number | string | boolean;
export type Metrics = Record<string, MetricValue>;

export const MAX_FIGURES = 10;
export const MAX_FIGURE_BYTES = 1024 * 1024;

export interface Figure {
  /** Path inside the version folder: report/<n>-<cell>.png or .svg */
  path: string;
  content: Buffer;
}

const tagged = (cell: NotebookCell, tag: string) => Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
const joined = (value: unknown) => (Array.isArray(value) ? value.join('') : String(value ?? ''));

/**
 * How deep metrics may nest. A classification_report is 2 levels; a JSON file
 * nested thousands deep would otherwise overflow the stack (exit 1).
 */
export const MAX_METRICS_DEPTH = 32;

/**
 * Flattens nested objects with dots; anything but numbers, strings and booleans
 * makes it unusable, and so does nesting deeper than MAX_METRICS_DEPTH levels.
 */
export function flatten(value: unknown, prefix = ''): Metrics | undefined {
  const out: Metrics = {};
  return flattenInto(value, prefix, 1, out) === undefined ? out : undefined;
}

/** Why `value` is not usable as metrics, or undefined when it was flattened into `out`. */
function flattenInto(value: unknown, prefix: string, depth: number, out: Metrics): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  if (depth > MAX_METRICS_DEPTH) return `nested deeper than ${MAX_METRICS_DEPTH} levels`;
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof item === 'number' && Number.isFinite(item)) out[name] = item;
    else if (typeof item === 'string' || typeof item === 'boolean') out[name] = item;
    else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const problem = flattenInto(item, name, depth + 1, out);
      if (problem) return problem;
    } else return 'not an object of numbers, strings and booleans';
  }
  return undefined;
}

/** A Python dict literal of simple values, as repr() prints it, read as JSON. */
export function parsePythonDict(text: string): unknown {
  const source = text.trim();
  if (!source.startsWith('{') || !source.endsWith('}')) return undefined;
  let json = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let body = '';
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\' && j + 1 < source.length) { body += source[j] + source[j + 1]; j += 2; continue; }
        body += source[j++];
      }
      if (j >= source.length) return undefined;
      json += JSON.stringify(body.replace(/\\'/g, "'").replace(/\\"/g, '"'));
      i = j;
      continue;
    }
    const word = /^(True|False|None|nan|inf|-inf)\b/.exec(source.slice(i));
    if (word) {
      json += { True: 'true', False: 'false', None: 'null', nan: 'null', inf: 'null', '-inf': 'null' }[word[1]];
      i += word[1].length - 1;
      continue;
    }
    json += ch;
  }
  try {
    return JSON.parse(json.replace(/,\s*([}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

/** The metrics cells' values, later cells winning; a cell that is not a flat object is named and skipped. */
export function metricsFromNotebook(notebook: Notebook, log: Logger): Metrics {
  const metrics: Metrics = {};
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code' || !tagged(cell, 'metrics')) return;
    const outputs = (cell.outputs ?? []).filter((o) => o.output_type === 'execute_result' || o.output_type === 'display_data');
    const last = outputs.at(-1) as { data?: Record<string, unknown> } | undefined;
    const data = last?.data ?? {};
    const value = data['application/json'] !== undefined ? data['application/json'] : data['text/plain'] !== undefined ? parsePythonDict(joined(data['text/plain'])) : undefined;
    const flat = flatten(value);
    if (!flat) {
      log.warn(`metrics: cell ${index + 1} is tagged "metrics" but its last output is not a flat object of numbers, strings and booleans; it is ignored`);
      return;
    }
    Object.assign(metrics, flat);
  });
  return metrics;
}

/** The --metrics file the notebook wrote. */
export async function metricsFromFile(file: string): Promise<Metrics> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ReleaseError('EMETRICSFILE', `The metrics file ${file} does not exist after the notebook ran`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReleaseError('EMETRICSFILE', `The metrics file ${file} is not JSON: ${(error as Error).message}`);
  }
  const flat: Metrics = {};
  const problem = flattenInto(value, '', 1, flat);
  if (problem) throw new ReleaseError('EMETRICSFILE', `The metrics file ${file} must hold an object of numbers, strings and booleans (nested objects are flattened, at most ${MAX_METRICS_DEPTH} levels deep): it is ${problem}`);
  return flat;
}

/**
 * Why an SVG figure may not be published, or undefined when it may. An SVG is a
 * document: opened from the repository's raw URL or a review it can run script.
 * We refuse such a figure (a warning names it, the figure is dropped) rather
 * than sanitise it: matplotlib and friends never write these constructs, so a
 * figure that has them is not a plot, and a regex "sanitiser" for XML is a
 * promise we could not keep. Refused: <script>, event-handler attributes
 * (on...=), javascript:/vbscript: URLs, <foreignObject>
 * (HTML inside SVG), iframes, embeds, objects, external references (href to
 * anything but a #fragment or an embedded PNG/JPEG/GIF/WebP data: URL), CSS @import and url(...) to
 * outside, and XML entity declarations. Character references are decoded first,
 * so `&#106;avascript:` counts as `javascript:`.
 */
export function unsafeSvg(svg: string): string | undefined {
  // Comments run nothing, and matplotlib puts the title in one; they are dropped
  // only where `<!--` can be nothing but a comment: no CDATA section and no
  // processing instruction but the XML declaration (raw `<` is not allowed in
  // attribute values or text).
  const plainXml = !/<!\[CDATA\[/i.test(svg) && !/<\?(?!xml[\s?])/i.test(svg.replace(/^\s*<\?xml[^>]*\?>/i, ''));
  const text = (plainXml ? svg.replace(/<!--[\s\S]*?-->/g, '') : svg)
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => safeChar(Number(dec)))
    .replace(/&(tab|newline|colon);/gi, (_, name: string) => ({ tab: '\t', newline: '\n', colon: ':' })[name.toLowerCase()] ?? '')
    // Browsers ignore tabs and newlines inside a URL scheme ("java\tscript:").
    .replace(/[\t\n\r]/g, ' ');
  const checks: Array<[RegExp, string]> = [
    [/<\s*(?:[\w.-]+:)?script\b/i, 'a <script> element'],
    [/<\s*(?:[\w.-]+:)?foreignObject\b/i, 'a <foreignObject> element'],
    [/<\s*(?:[\w.-]+:)?(?:iframe|embed|object|handler|listener)\b/i, 'an embedded document or handler'],
    // XML attribute values are quoted, and may hold a raw `>`: no anchoring on the tag.
    [/[\s"'/]on[a-z]+\s*=\s*["']/i, 'an event-handler attribute (on...=)'],
    [/(?:java|vb)\s*script\s*:/i, 'a script URL'],
    [/\b(?:href|src)\s*=\s*(?!["']?\s*(?:#|data:image\/(?:png|jpe?g|gif|webp)[;,]))/i, 'a link to outside the figure (href, src)'],
    [/@import\b/i, 'a CSS @import'],
    [/url\s*\((?!\s*["']?\s*#)/i, 'a CSS url(...) to outside the figure'],
    [/<!ENTITY\b/i, 'an XML entity declaration'],
  ];
  for (const [pattern, what] of checks) if (pattern.test(text)) return what;
  return undefined;
}

function safeChar(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Figures from `report` cells (or all cells), within the limits; the rest are skipped with a warning. */
export function figuresFromNotebook(notebook: Notebook, which: 'report' | 'all', log: Logger): Figure[] {
  const figures: Figure[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code' || (which === 'report' && !tagged(cell, 'report'))) return;
    for (const output of cell.outputs ?? []) {
      const data = (output as { data?: Record<string, unknown> }).data ?? {};
      const [type, extension] = data['image/png'] !== undefined ? ['image/png', 'png'] : data['image/svg+xml'] !== undefined ? ['image/svg+xml', 'svg'] : [];
      if (!type) continue;
      const content = type === 'image/png' ? Buffer.from(joined(data[type]).replace(/\s/g, ''), 'base64') : Buffer.from(joined(data[type]));
      if (figures.length >= MAX_FIGURES) {
        log.warn(`report: a figure of cell ${index + 1} is skipped: at most ${MAX_FIGURES} figures are kept`);
        continue;
      }
      if (content.length > MAX_FIGURE_BYTES) {
        log.warn(`report: a figure of cell ${index + 1} is skipped: ${(content.length / 1024 / 1024).toFixed(1)} MiB is over the 1 MiB limit`);
        continue;
      }
      const unsafe = type === 'image/svg+xml' ? unsafeSvg(content.toString('utf8')) : undefined;
      if (unsafe) {
        log.warn(`report: an SVG figure of cell ${index + 1} is not published: it holds ${unsafe}, which could run in a reader's browser`);
        continue;
      }
      figures.push({ path: `report/${figures.length + 1}-cell${index + 1}.${extension}`, content });
    }
  });
  return figures;
}
