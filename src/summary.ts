/**
 * The release told for people: a Markdown table for CI summaries, the curl line
 * for the V2 request, and the flat key/values that CI outputs carry.
 */
import type { Env } from './process.js';
import { detectHostKind } from './publish/credentials.js';
import type { ReleaseResult } from './release.js';

/** A browsable link to the release commit, where the host is known. */
export function commitUrl(result: ReleaseResult, env: Env): string | undefined {
  if (!result.commit || !/^https?:\/\//.test(result.repo)) return undefined;
  const base = result.repo.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  const kind = detectHostKind(result.repo, env);
  if (kind === 'github') return `${base}/commit/${result.commit}`;
  if (kind === 'gitlab') return `${base}/-/commit/${result.commit}`;
  return undefined;
}

export function curlLine(result: ReleaseResult, serverUrl = 'http://localhost:8080'): string {
  return `curl -s -X POST ${serverUrl}${result.endpoint} -H 'Content-Type: application/json' -d @inference-request.json`;
}

export function summaryMarkdown(result: ReleaseResult, env: Env): string {
  const link = commitUrl(result, env);
  const commit = result.commit ? (link ? `[\`${result.commit.slice(0, 12)}\`](${link})` : `\`${result.commit.slice(0, 12)}\``) : '—';
  const title = {
    pushed: `Released ${result.model} ${result.version}`,
    'already-published': `${result.model} ${result.version} was already published`,
    'already-promoted': `${result.model} ${result.version} was already promoted`,
    'dry-run': `Dry run: ${result.model} ${result.version}`,
  }[result.status];
  return [
    `### ${title}`,
    '',
    '| | |',
    '|---|---|',
    `| Model | \`${result.model}\` |`,
    `| Version | \`${result.version}\` |`,
    `| Folder | \`${result.folder}/\` |`,
    `| Commit | ${commit} |`,
    `| Endpoint | \`POST ${result.endpoint}\` |`,
    ...(result.reviewUrl ? [`| Review | ${result.reviewUrl} |`] : []),
    `| Executed notebook | ${result.executedNotebook ? `\`${result.executedNotebook}\`` : '—'} |`,
    '',
    'Try it once MLServer has loaded the version:',
    '',
    '```sh',
    curlLine(result),
    '```',
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
    source: (result as { source?: string }).source ?? '',
  };
}
