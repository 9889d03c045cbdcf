/**
 * The release told for people: a Markdown table for CI summaries, the curl line
 * for the V2 request, and the flat key/values that CI outputs carry. Every value
 * in the Markdown passes through the CI escaper (providers/ci-text.ts): a name
 * with a newline, `|` or HTML stays inside its cell.
 */
import type { Env } from './process.js';
import { markdownCode, markdownFence, markdownLinkTarget, markdownText, markdownUrl } from './providers/ci-text.js';
import { commitUrl, rawFileUrl } from './stores/links.js';
import type { ReleaseResult } from './results.js';

export { commitUrl, rawFileUrl } from './stores/links.js';
import { comparisonTable, type ComparisonRow } from './metrics/gate.js';

/** The metrics table and the figures, in Markdown, for summaries and reviews. */
export function reportMarkdown(report: { rows: ComparisonRow[]; baseline?: { version: string }; figures: Array<{ path: string }>; notes: string[] }, version: string, figureUrl: (file: string) => string | undefined): string {
  if (report.rows.length === 0 && report.figures.length === 0) return '';
  const lines = ['', '#### Metrics', ''];
  if (report.rows.length > 0) lines.push(comparisonTable(report.rows, report.baseline?.version, version, new Map(), 'markdown').trimEnd());
  for (const note of report.notes) lines.push('', `_${markdownText(note)}_`);
  for (const figure of report.figures) {
    const url = figureUrl(figure.path);
    lines.push('', url ? `![${markdownText(figure.path)}](${markdownLinkTarget(url)})` : markdownCode(figure.path));
  }
  return lines.join('\n') + '\n';
}

export function curlLine(result: ReleaseResult, serverUrl = 'http://localhost:8080'): string {
  return `curl -s -X POST ${serverUrl}${result.endpoint} -H 'Content-Type: application/json' -d @inference-request.json`;
}

/**
 * The body of a release's or promotion's job summary (the headline comes from the
 * report). Figures link through the commit, a permalink, never through a branch
 * that a merge may delete.
 */
export function summaryMarkdown(result: ReleaseResult, env: Env, promoted = false): string {
  const link = commitUrl(result, env);
  const short = result.commit ? markdownCode(result.commit.slice(0, 12)) : '—';
  const commit = result.commit && link ? `[${short}](${markdownLinkTarget(link)})` : short;
  const figureRef = result.commit ?? result.branch ?? 'main';
  return [
    '| | |',
    '|---|---|',
    `| Model | ${markdownCode(result.model)} |`,
    `| Version | ${markdownCode(result.version)} |`,
    `| Folder | ${markdownCode(`${result.folder}/`)} |`,
    `| Commit | ${commit} |`,
    `| Endpoint | ${markdownCode(`POST ${result.endpoint}`)} |`,
    ...(result.reviewUrl ? [`| Review | ${markdownUrl(result.reviewUrl)} |`] : []),
    ...(promoted ? [`| Source | ${result.source ? markdownCode(result.source) : '—'} |`] : [`| Executed notebook | ${result.executedNotebook ? markdownCode(result.executedNotebook) : '—'} |`]),
    ...(result.storageUri ? [`| Storage URI | ${markdownCode(result.storageUri)} |`] : []),
    ...(result.comparison ? [reportMarkdown({ rows: result.comparison, baseline: result.baseline, figures: (result.figures ?? []).map((p) => ({ path: p })), notes: result.baseline ? [] : ['no baseline: the first release of this model'] }, result.version, (file) => rawFileUrl(result.repo, figureRef, `${result.folder}/${file}`, env) ?? (result.storageUri ? `${result.storageUri.replace(/\/+$/, '')}/${file}` : undefined))] : []),
    '',
    'Try it once MLServer has loaded the version:',
    '',
    markdownFence(curlLine(result), 'sh'),
    '',
  ].join('\n');
}

/** The outputs a CI step exposes, named as in action.yml. */
export function resultOutputs(result: ReleaseResult): Record<string, string> {
  return {
    model: result.model,
    version: result.version,
    folder: result.folder,
    commit: result.commit ?? '',
    endpoint: result.endpoint,
    'already-published': String(result.alreadyPublished),
    'executed-notebook': result.executedNotebook ?? '',
    verified: String(result.verified ?? false),
    'review-url': result.reviewUrl ?? '',
    source: result.source ?? '',
    metrics: JSON.stringify(result.metrics ?? {}),
    'storage-uri': result.storageUri ?? '',
  };
}
