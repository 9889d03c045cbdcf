/**
 * The quality gate and the comparison with the baseline. A gate refuses the
 * release (exit 7) before anything is published:
 * - `--require 'accuracy>=0.9'`: a threshold, with >= > <= < == !=;
 * - `--no-regression accuracy[:tolerance]`: not below the baseline minus the
 *   tolerance (higher is better); with no baseline (a first release) it passes,
 *   and the output says so.
 * A metric a rule names but the notebook never reported fails the gate too.
 */
import { ReleaseError } from '../errors.js';
import { markdownText, textCell } from '../providers/ci-text.js';
import type { MetricValue, Metrics } from './collect.js';

export type Operator = '>=' | '>' | '<=' | '<' | '==' | '!=';

export interface Requirement {
  metric: string;
  operator: Operator;
  value: MetricValue;
  text: string;
}

export interface NoRegression {
  metric: string;
  tolerance: number;
  text: string;
}

export interface Gate {
  require: Requirement[];
  noRegression: NoRegression[];
}

const NAME = '[A-Za-z_][A-Za-z0-9_.\\-]*';

/** Parses the gate's expressions before anything runs; a bad one is exit 2. */
export function parseGate(require: string[] = [], noRegression: string[] = []): Gate {
  const problems: string[] = [];
  const requirements: Requirement[] = [];
  for (const text of require) {
    const match = new RegExp(`^\\s*(${NAME})\\s*(>=|<=|==|!=|>|<)\\s*(\\S.*?)\\s*$`).exec(text);
    if (!match) {
      problems.push(`--require "${text}": expected <metric><op><value>, with op one of >= > <= < == != (e.g. 'accuracy>=0.9')`);
      continue;
    }
    const raw = match[3];
    const value: MetricValue = /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw.replace(/^(['"])(.*)\1$/, '$2');
    if (typeof value !== 'number' && !['==', '!='].includes(match[2])) problems.push(`--require "${text}": ${match[2]} needs a number`);
    requirements.push({ metric: match[1], operator: match[2] as Operator, value, text: text.trim() });
  }
  const regressions: NoRegression[] = [];
  for (const text of noRegression) {
    const match = new RegExp(`^\\s*(${NAME})\\s*(?::\\s*(\\d+(?:\\.\\d+)?))?\\s*$`).exec(text);
    if (!match) {
      problems.push(`--no-regression "${text}": expected <metric> or <metric>:<tolerance> (e.g. 'accuracy:0.01')`);
      continue;
    }
    regressions.push({ metric: match[1], tolerance: Number(match[2] ?? 0), text: text.trim() });
  }
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'The quality gate cannot be read', problems);
  return { require: requirements, noRegression: regressions };
}

export interface GateVerdict {
  /** Metric -> why it failed. */
  failures: Map<string, string>;
  notes: string[];
}

function holds(actual: MetricValue, operator: Operator, expected: MetricValue): boolean {
  switch (operator) {
    case '==': return actual === expected;
    case '!=': return actual !== expected;
    case '>=': return typeof actual === 'number' && actual >= (expected as number);
    case '>': return typeof actual === 'number' && actual > (expected as number);
    case '<=': return typeof actual === 'number' && actual <= (expected as number);
    case '<': return typeof actual === 'number' && actual < (expected as number);
  }
}

export function evaluateGate(gate: Gate, metrics: Metrics, baseline: Metrics | undefined, baselineVersion: string | undefined): GateVerdict {
  const failures = new Map<string, string>();
  const notes: string[] = [];
  for (const rule of gate.require) {
    const actual = metrics[rule.metric];
    if (actual === undefined) failures.set(rule.metric, `metric not reported (required: ${rule.text})`);
    else if (!holds(actual, rule.operator, rule.value)) failures.set(rule.metric, `${rule.metric} is ${actual}, required ${rule.operator} ${rule.value}`);
  }
  for (const rule of gate.noRegression) {
    const actual = metrics[rule.metric];
    if (actual === undefined) {
      failures.set(rule.metric, `metric not reported (no regression required: ${rule.text})`);
      continue;
    }
    if (!baseline) {
      notes.push(`--no-regression ${rule.text}: there is no baseline (the model's first release), so it passes`);
      continue;
    }
    const before = baseline[rule.metric];
    if (typeof before !== 'number' || typeof actual !== 'number') {
      notes.push(`--no-regression ${rule.text}: the baseline ${baselineVersion} has no number for it, so it passes`);
      continue;
    }
    if (actual < before - rule.tolerance) {
      failures.set(rule.metric, `${rule.metric} fell from ${before} (${baselineVersion}) to ${actual}${rule.tolerance ? `, beyond the tolerance ${rule.tolerance}` : ''}`);
    }
  }
  return { failures, notes };
}

export interface ComparisonRow {
  metric: string;
  baseline?: MetricValue;
  current?: MetricValue;
  change: string;
}

export function comparisonRows(metrics: Metrics, baseline: Metrics | undefined): ComparisonRow[] {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(baseline ?? {})])].sort();
  return names.map((metric) => {
    const current = metrics[metric];
    const before = baseline?.[metric];
    let change = '';
    if (typeof current === 'number' && typeof before === 'number') {
      const delta = current - before;
      change = delta === 0 ? '= 0' : `${delta > 0 ? '▲ +' : '▼ '}${Number(delta.toPrecision(4))}`;
    } else if (current !== undefined && before !== undefined) change = current === before ? '=' : 'changed';
    else if (before === undefined && current !== undefined) change = 'new';
    else change = 'not reported';
    return { metric, baseline: before, current, change };
  });
}

const show = (value: MetricValue | undefined) => (value === undefined ? '—' : typeof value === 'number' ? String(Number(value.toPrecision(6))) : String(value));

/**
 * The comparison as a table: markdown for summaries and reviews, text for the
 * terminal. Metric names, string values and the baseline's version are data
 * (the notebook's, the store's): every cell passes through the CI escaper, so a
 * table keeps one row per metric and no cell is a CI command.
 */
export function comparisonTable(rows: ComparisonRow[], baselineVersion: string | undefined, version: string, failing: Map<string, string>, format: 'markdown' | 'text'): string {
  const cell = format === 'markdown' ? markdownText : textCell;
  const head = ['metric', baselineVersion ? `baseline (${cell(baselineVersion)})` : 'baseline (none)', `this version (${cell(version)})`, 'change'];
  const body = rows.map((r) => [`${failing.has(r.metric) ? (format === 'markdown' ? '❌ ' : '✗ ') : ''}${cell(r.metric)}`, cell(show(r.baseline)), cell(show(r.current)), r.change]);
  if (format === 'markdown') {
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((cells) => `| ${cells.join(' | ')} |`)].join('\n') + '\n';
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n') + '\n';
}
