/**
 * The host's URL shapes for links a person clicks: a commit, a committed file.
 * GitHub and GitLab spell them differently; other hosts get no link.
 */
import type { Env } from '../process.js';
import type { ReleaseResult } from '../results.js';
import { detectHostKind } from './credentials.js';

/** A browsable link to the release commit, where the host is known. */
export function commitUrl(result: ReleaseResult, env: Env): string | undefined {
  if (!result.commit || !/^https?:\/\//.test(result.repo)) return undefined;
  const base = result.repo.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  const kind = detectHostKind(result.repo, env);
  if (kind === 'github') return `${base}/commit/${result.commit}`;
  if (kind === 'gitlab') return `${base}/-/commit/${result.commit}`;
  return undefined;
}

/**
 * A link that shows a committed file in the browser, for figures in reviews:
 * GitHub's /raw/<ref>/<path> and GitLab's /-/raw/<ref>/<path>. Undefined elsewhere.
 */
export function rawFileUrl(repoUrl: string, ref: string, file: string, env: Env = {}): string | undefined {
  if (!/^https?:\/\//.test(repoUrl)) return undefined;
  const base = repoUrl.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  const kind = detectHostKind(repoUrl, env);
  if (kind === 'gitlab') return `${base}/-/raw/${ref}/${file}`;
  return `${base}/raw/${ref}/${file}`;
}

