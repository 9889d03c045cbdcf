/**
 * When to try again. A push refused because someone else pushed first is rebuilt
 * on the new tip; a network hiccup or HTTP 5xx is simply retried. Everything else
 * fails at once with its own message.
 */
import { ReleaseError } from '../errors.js';

export type FailureKind = 'moved' | 'transient' | 'auth' | 'forbidden' | 'not-found' | 'branch-missing' | 'other';

const PATTERNS: Array<[FailureKind, RegExp]> = [
  ['moved', /\(fetch first\)|\(non-fast-forward\)|failed to update ref|cannot lock ref|stale info|incorrect old value/i],
  ['auth', /returned error: 401|Authentication failed|could not read (Username|Password)|terminal prompts disabled/i],
  ['forbidden', /returned error: 403|permission to .* denied|access denied|not allowed to push|You are not allowed/i],
  ['not-found', /returned error: 404|repository '.*' not found|does not appear to be a git repository|Repository not found|No such file or directory/i],
  ['branch-missing', /couldn't find remote ref|fatal: invalid refspec|Remote branch .* not found/i],
  [
    'transient',
    /returned error: 5\d\d|RPC failed|early EOF|unexpected disconnect|remote end hung up|Empty reply from server|Connection reset|Connection refused|Failed to connect|Could not resolve host|timed out|Operation too slow|transfer closed|SSL_ERROR|gnutls_handshake|the remote end hung up/i,
  ],
];

export function classifyGitFailure(stderr: string): FailureKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(stderr)) return kind;
  return 'other';
}

/** Maps a failure that will not get better by retrying to its catalogued error. */
export function publishError(kind: FailureKind, url: string, branch: string | undefined, stderr: string): ReleaseError {
  const detail = stderr.trim().split('\n').filter(Boolean).slice(-4);
  switch (kind) {
    case 'auth':
      return new ReleaseError('EAUTH', `The remote ${url} rejected the credentials (HTTP 401): the token is missing, wrong or expired`, detail);
    case 'forbidden':
      return new ReleaseError('EFORBIDDEN', `The remote ${url} refused access (HTTP 403): the token may not push to this repository`, detail);
    case 'not-found':
      return new ReleaseError('EREMOTENOTFOUND', `Repository not found: ${url} (HTTP 404)`, detail);
    case 'branch-missing':
      return new ReleaseError('EBRANCHMISSING', `Branch "${branch}" does not exist on ${url}`, detail);
    case 'transient':
      return new ReleaseError('EUNREACHABLE', `The remote ${url} could not be reached after several attempts`, detail);
    default:
      return new ReleaseError('EPUSHFAILED', `git failed while publishing to ${url}`, detail);
  }
}

export interface BackoffOptions {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { attempts: 8, baseMs: 250, maxMs: 8000 };

/** Full-jitter exponential backoff: racing releases spread out instead of colliding again. */
export function backoffDelay(attempt: number, options: BackoffOptions, random = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
