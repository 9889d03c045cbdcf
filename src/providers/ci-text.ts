/**
 * The one escaper for everything that reaches a CI: log lines, job summaries,
 * pull/merge request bodies, and GitLab's dotenv report. Metric names, class
 * names, versions read from a store and file names are data other people wrote;
 * nothing here lets them become a runner command, a log section, a table row or
 * a variable of their own.
 *
 * What the hosts read:
 * - GitHub's runner splits a step's output into lines at \n and \r, trims the
 *   line's leading whitespace (.NET TrimStart), and runs it as a command when it
 *   starts with `::` (`::error::`, `::add-mask::`, `::stop-commands::`...); it
 *   also runs the legacy form `##[command]` found *anywhere* in a line
 *   (actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse).
 *   We break both markers with a ZERO WIDTH SPACE (U+200B), which the reader does
 *   not see and .NET does not count as whitespace, and show \r as `\r`.
 * - GitLab's log opens and closes collapsible sections on
 *   `section_start:<time>:<name>` followed by `\r\e[0K` (gitlab-org/gitlab
 *   lib/gitlab/regex.rb, build_trace_section_regex). Data never keeps a raw CR or
 *   ESC (colours excepted), and the marker words are broken too.
 * - Markdown (summaries, reviews): a table row ends at a newline and a cell at
 *   `|`; HTML and Markdown punctuation are escaped so a name cannot add rows,
 *   links, images or tags.
 * - dotenv: see dotenvReport below.
 */

const ZWSP = '\u200b';

/** Control characters shown as escapes: C0 but tab, DEL, C1, line/paragraph separators, bidi overrides. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** SGR colour sequences (ESC [ ... m): harmless on every host, and notebooks and MLServer print them. */
const SGR = /\u001b\[[0-9;]*m/y;

function escapeControl(ch: string): string {
  switch (ch) {
    case '\n': return '\\n';
    case '\r': return '\\r';
    // \uXXXX for the rest: readable, and still a valid escape inside a JSON string.
    default: return `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
  }
}

/**
 * Every control character made visible (`\n`, `\r`, `\u001b`, `\u202e`); tab
 * kept. `keepNewlines` keeps \n for text meant to span lines; `keepColour` keeps
 * SGR colour sequences for log lines.
 */
export function visible(text: string, options: { keepNewlines?: boolean; keepColour?: boolean } = {}): string {
  let out = '';
  let last = 0;
  CONTROL.lastIndex = 0;
  for (let match = CONTROL.exec(text); match; match = CONTROL.exec(text)) {
    const at = match.index;
    const ch = match[0];
    if (ch === '\n' && options.keepNewlines) continue;
    if (ch === '\u001b' && options.keepColour) {
      SGR.lastIndex = at;
      const sgr = SGR.exec(text);
      if (sgr) {
        CONTROL.lastIndex = at + sgr[0].length;
        continue;
      }
    }
    out += text.slice(last, at) + escapeControl(ch);
    last = at + ch.length;
  }
  return out + text.slice(last);
}

/** Whitespace as .NET's char.IsWhiteSpace sees it (what the runner's TrimStart removes), plus JS's. */
const LEADING_SPACE = /^[\s\u0085\u180e]*/u;

/**
 * Breaks what a runner or log viewer would read as a command in one line of
 * text that holds no control characters any more.
 */
function breakMarkers(line: string): string {
  let out = line.replace(/##\[/g, `#${ZWSP}#[`).replace(/section_(start|end):/gi, (m) => `section_${ZWSP}${m.slice(8)}`);
  const lead = LEADING_SPACE.exec(out)![0].length;
  if (out.startsWith('::', lead)) out = `${out.slice(0, lead)}:${ZWSP}${out.slice(lead + 1)}`;
  return out;
}

/**
 * Text for the log, on any host: each line keeps its colours, loses every other
 * control character (CR shown as `\r`), and cannot be a GitHub workflow command
 * or a GitLab section marker. Every line the Logger prints from data passes here.
 */
export function logText(text: string): string {
  return visible(text, { keepNewlines: true, keepColour: true }).split('\n').map(breakMarkers).join('\n');
}

/** One line of data for a log or a text table: newlines shown as `\n`, markers broken. */
export function oneLine(text: string): string {
  return breakMarkers(visible(text));
}

/** A cell of a text table printed to a terminal or log. */
export const textCell = oneLine;

/** What starts emphasis, code, links or strike-through inside a line (the rest only matters at a line's start). */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]~]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '|': '&#124;' };

/**
 * Data as Markdown text, safe in a paragraph and in a table cell: one line, HTML
 * special characters as entities (so no tags), `|` as `&#124;` (GFM splits cells
 * on a raw `|` before anything else, so an entity does not split), and Markdown
 * punctuation backslash-escaped (no emphasis, links, images or code spans).
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[&<>"|]/g, (ch) => HTML[ch]).replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
}

/**
 * Data as inline code. Plain values keep the usual backtick span; anything with
 * a backtick, `|`, `<`, `&` or a control character becomes `<code>` with
 * entities, which renders the same and cannot end early or split a table cell.
 */
export function markdownCode(text: string): string {
  const line = oneLine(text);
  if (!/[`|<>&\\]/.test(line) && line === text && line.trim() === line && line !== '') return `\`${line}\``;
  return `<code>${line.replace(/[&<>"|`\\]/g, (ch) => HTML[ch] ?? `&#${ch.codePointAt(0)};`)}</code>`;
}

/** A URL as a Markdown link target (`<...>` form), or escaped text when it is not a plain http(s) URL. */
export function markdownUrl(url: string): string {
  return /^https?:\/\/[^\s<>|`\\\u0000-\u001f\u007f-\u009f]+$/.test(url) ? `<${url}>` : markdownText(url);
}

/**
 * A link destination for `[text](...)` and `![alt](...)`: the URL itself when it
 * is a plain http(s) URL without spaces, parentheses or angle brackets, else the
 * `<...>` form with those characters percent-encoded.
 */
export function markdownLinkTarget(url: string): string {
  const line = visible(url);
  if (/^https?:\/\/[^\s()<>|`\\]+$/.test(line)) return line;
  return `<${line.replace(/[\s()<>|`\\]/g, (ch) => encodeURIComponent(ch))}>`;
}

/** A fenced code block that the text cannot close: the fence is longer than any run of backticks in it. */
export function markdownFence(text: string, info = ''): string {
  const body = visible(text, { keepNewlines: true });
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** One row of a Markdown table from cells already escaped with markdownText/markdownCode. */
export function markdownRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\n/g, ' ')).join(' | ')} |`;
}

// ---------------------------------------------------------------------------
// GitLab's dotenv report.
//
// GitLab documents (doc/ci/yaml/artifacts_reports.md, "artifacts:reports:dotenv"):
// keys only letters, digits and underscores; the file at most 5 KB; no multiline
// values, no empty lines or comments; the number of variables limited by the
// `dotenv_variables` application limit, whose default on GitLab Self-Managed is
// 20 (doc/administration/instance_limits.md, "Limit dotenv variables"; the file
// size is "Limit dotenv file size", `dotenv_size`, default 5 KB = 5,120 bytes).
// GitLab's parser (app/services/ci/parse_dotenv_artifact_service.rb) refuses the
// whole report unless `file.size < dotenv_size`, so the file stays at or under
// 5,119 bytes; it reads each line as /^(.*?)=(.*)$/ and strips both sides; a
// later duplicate key wins; more than `dotenv_variables` distinct keys fail.
// Job variable keys are at most 255 characters.
// ---------------------------------------------------------------------------

/** GitLab refuses a dotenv report whose size is not below this (5 KB). */
export const DOTENV_SIZE_LIMIT = 5120;
/** GitLab Self-Managed's default `dotenv_variables` limit; GitLab.com allows 50 or more. */
export const DOTENV_VARIABLE_LIMIT = 20;
const DOTENV_KEY_LIMIT = 255;
/** The longest value of one of our own variables before it is shortened. */
const OWN_VALUE_LIMIT = 300;

/** A dotenv key: `MLSERVER_` and the name in upper case, every run of other characters one `_`. */
export function dotenvKey(name: string): string {
  return `MLSERVER_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** A dotenv value: one line, every control character shown as an escape, no surrounding spaces (GitLab strips them). */
export function dotenvValue(value: string): string {
  return visible(value).trim();
}

function shorten(value: string, maxBytes: number): string {
  if (Buffer.byteLength(value) <= maxBytes) return value;
  let out = '';
  for (const ch of value) {
    if (Buffer.byteLength(out + ch) > maxBytes - 3) break;
    out += ch;
  }
  return `${out}...`;
}

export interface DotenvReport {
  text: string;
  /** Keys written, in order. */
  keys: string[];
  /** What the log should say: shortened values, metrics left out, name collisions. */
  warnings: string[];
}

/**
 * The dotenv report: our own outputs first (MLSERVER_<OUTPUT>), always within
 * the limits; then one MLSERVER_METRIC_<NAME> per metric while they fit. Our
 * own values longer than 300 bytes are shortened; `metrics` (a JSON object) keeps
 * the metrics that fit and stays valid JSON. Two metric names that map to one
 * key (`a.b` and `a_b`, `Acc` and `acc`): the first keeps it, the collision is
 * reported.
 */
export function dotenvReport(outputs: Record<string, string>, metrics: Record<string, unknown> = {}, limits = { bytes: DOTENV_SIZE_LIMIT - 1, variables: DOTENV_VARIABLE_LIMIT }): DotenvReport {
  const warnings: string[] = [];
  const lines: string[] = [];
  const keys: string[] = [];
  let bytes = 0;
  const add = (key: string, value: string) => {
    const line = `${key}=${value}\n`;
    lines.push(line);
    keys.push(key);
    bytes += Buffer.byteLength(line);
  };
  const own = Object.entries(outputs).map(([name, value]) => [name, dotenvKey(name), name === 'metrics' ? value : dotenvValue(value)] as const);
  // Every own line but `metrics` at its longest; what is left is metrics' room.
  const fixed = own.filter(([name]) => name !== 'metrics').reduce((sum, [, key, value]) => sum + Buffer.byteLength(`${key}=${shorten(value, OWN_VALUE_LIMIT)}\n`), 0);
  for (const [name, key, value] of own.slice(0, limits.variables)) {
    if (name === 'metrics') {
      const room = limits.bytes - fixed - Buffer.byteLength(`${key}=\n`);
      const json = metricsJson(value, room);
      if (json.dropped > 0) warnings.push(`dotenv: ${key} holds ${json.kept} of ${json.kept + json.dropped} metrics; the report is limited to ${DOTENV_SIZE_LIMIT} bytes (the release.json of the version has them all)`);
      add(key, json.text);
      continue;
    }
    const short = shorten(value, OWN_VALUE_LIMIT);
    if (short !== value) warnings.push(`dotenv: ${key} is shortened to ${OWN_VALUE_LIMIT} bytes`);
    add(key, short);
  }
  const seen = new Map<string, string>(keys.map((key) => [key, `the output ${key}`]));
  const left: string[] = [];
  for (const [name, raw] of Object.entries(metrics)) {
    const key = dotenvKey(`metric-${name}`);
    const taken = seen.get(key);
    if (taken !== undefined) {
      warnings.push(`dotenv: the metric ${JSON.stringify(name)} has no variable: ${key} is already ${taken}`);
      continue;
    }
    seen.set(key, `the metric ${JSON.stringify(name)}`);
    const value = dotenvValue(String(raw));
    if (key.length > DOTENV_KEY_LIMIT || keys.length >= limits.variables || bytes + Buffer.byteLength(`${key}=${value}\n`) > limits.bytes) {
      left.push(name);
      continue;
    }
    add(key, value);
  }
  if (left.length > 0) {
    warnings.push(`dotenv: ${left.length} metric(s) have no MLSERVER_METRIC_ variable, the report being limited to ${limits.variables} variables and ${DOTENV_SIZE_LIMIT} bytes: ${left.map((n) => JSON.stringify(n)).join(', ')}`);
  }
  return { text: lines.join(''), keys, warnings };
}

/**
 * The metrics JSON, escaped as a dotenv value (visible() turns what JSON leaves
 * raw, DEL, C1, U+2028, into \uXXXX escapes, so it stays JSON), cut to whole
 * entries that fit in `room` bytes: still a JSON object.
 */
function metricsJson(value: string, room: number): { text: string; kept: number; dropped: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { text: shorten(dotenvValue(value), Math.max(room, 2)), kept: 0, dropped: 0 };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { text: shorten(dotenvValue(value), Math.max(room, 2)), kept: 0, dropped: 0 };
  const entries = Object.entries(parsed);
  const whole = dotenvValue(JSON.stringify(parsed));
  if (Buffer.byteLength(whole) <= room) return { text: whole, kept: entries.length, dropped: 0 };
  const kept: Record<string, unknown> = {};
  let size = 2;
  let count = 0;
  for (const [name, item] of entries) {
    const piece = Buffer.byteLength(visible(`${JSON.stringify(name)}:${JSON.stringify(item)}`)) + (count > 0 ? 1 : 0);
    if (size + piece > room) continue;
    kept[name] = item;
    size += piece;
    count++;
  }
  return { text: dotenvValue(JSON.stringify(kept)), kept: count, dropped: entries.length - count };
}

/**
 * The legacy entry point: `KEY=value` lines for outputs only, no limits applied.
 * Prefer dotenvReport.
 */
export function dotenvLines(outputs: Record<string, string>): string {
  return Object.entries(outputs).map(([name, value]) => `${dotenvKey(name)}=${dotenvValue(value)}`).join('\n') + '\n';
}
