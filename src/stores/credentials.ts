/**
 * Credentials for git over HTTPS. The token leaves this module only as an HTTP
 * header inside environment-scoped git config (GIT_CONFIG_COUNT/KEY/VALUE): never
 * in argv, never in a URL, never in any .git/config.
 */
import { ReleaseError } from '../errors.js';
import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, gitNetworkConfig } from '../publish/network.js';

export type HostKind = 'github' | 'gitlab' | 'generic';

export interface RepoLocation {
  /** The URL or path with any embedded credentials removed; safe to print. */
  url: string;
  isHttp: boolean;
  /** Credentials that were embedded in the URL (the seed's `https://user:token@host/...`). */
  embeddedUser?: string;
  embeddedPassword?: string;
}

/** User names that hosts document for token auth, which are not secrets themselves. */
const PROTOCOL_USERS = new Set(['x-access-token', 'oauth2', 'gitlab-ci-token', 'x-token-auth', 'git', 'token']);

/**
 * The password embedded in a URL's user info, raw and decoded, even when the URL
 * does not parse; or the user alone when it is a token (`https://TOKEN@host/`,
 * which GitHub accepts): eight characters or more, not a documented user name.
 */
export function embeddedSecrets(raw: string | undefined): string[] {
  // Greedy to the last "@": a password with a raw "/" or "@" in it is still all secret.
  const withPassword = raw ? /^\s*[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:(.*)@/is.exec(raw) : null;
  const userOnly = raw && !withPassword ? /^\s*[a-z][a-z0-9+.-]*:\/\/([^/@\s:]{8,})@/i.exec(raw) : null;
  const match = withPassword ?? (userOnly && !PROTOCOL_USERS.has(userOnly[1].toLowerCase()) ? userOnly : null);
  if (!match || !match[1]) return [];
  try {
    return [match[1], decodeURIComponent(match[1])];
  } catch {
    return [match[1]];
  }
}

/** A URL with any user info replaced, safe to print even when it does not parse. */
export function printableUrl(raw: string): string {
  return raw.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/).*@/is, '$1***@');
}

export function parseRepoLocation(raw: string): RepoLocation {
  if (raw !== raw.trim() || /[\0\r\n]/.test(raw)) {
    throw new ReleaseError('EUSAGE', `--repo "${printableUrl(raw).trim()}" has leading or trailing white space or a line break; remove it`);
  }
  if (!/^https?:\/\//i.test(raw)) return { url: raw, isHttp: false };
  let url: URL;
  let embeddedUser: string | undefined;
  let embeddedPassword: string | undefined;
  try {
    url = new URL(raw);
    embeddedUser = url.username ? decodeURIComponent(url.username) : undefined;
    embeddedPassword = url.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    throw new ReleaseError('EUSAGE', `--repo "${printableUrl(raw)}" is not a valid URL (check its percent-encoding: a literal "%" is written %25)`);
  }
  url.username = '';
  url.password = '';
  return { url: url.toString(), isHttp: true, embeddedUser, embeddedPassword };
}

/** Strips user info from any URL-looking string, for provenance records. */
export function withoutCredentials(raw: string): string {
  return /^https?:\/\//i.test(raw) ? parseRepoLocation(raw).url : raw.replace(/^[^@/]+:[^@/]+@/, '');
}

export function detectHostKind(url: string, env: Env): HostKind {
  if (!/^https?:\/\//i.test(url)) {
    if (/github\.com[:/]/.test(url)) return 'github';
    if (/gitlab\.com[:/]/.test(url)) return 'gitlab';
    return 'generic';
  }
  const host = new URL(url).host.toLowerCase();
  if (host === 'github.com' || hostOf(env.GITHUB_SERVER_URL) === host) return 'github';
  if (host === 'gitlab.com' || hostOf(env.CI_SERVER_URL) === host) return 'gitlab';
  return 'generic';
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** GitHub wants `x-access-token` for app and Actions tokens, GitLab `oauth2` for access tokens. */
export function usernameFor(kind: HostKind): string {
  return kind === 'gitlab' ? 'oauth2' : 'x-access-token';
}

export interface Credentials {
  username: string;
  token: string;
}

/**
 * Chooses the credentials for a repository: an explicit token wins over one
 * embedded in the URL; the username comes from the URL or the host kind.
 */
export function resolveCredentials(location: RepoLocation, token: string | undefined, kind: HostKind): Credentials | undefined {
  const secret = token || location.embeddedPassword;
  if (!secret) return undefined;
  return { username: location.embeddedUser ?? usernameFor(kind), token: secret };
}

export function basicAuthHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.token}`).toString('base64')}`;
}

/** Registers every spelling of the credentials with the redactor. */
export function maskCredentials(credentials: Credentials | undefined, redactor: Redactor): void {
  if (!credentials) return;
  redactor.add(credentials.token);
  redactor.add(`${credentials.username}:${credentials.token}`);
  redactor.add(basicAuthHeader(credentials).slice('Basic '.length));
}

/**
 * The environment git runs with: our own config only, no prompts, no credential
 * helpers left behind by a CI checkout, and the auth header scoped to this URL.
 */
export function gitEnvironment(base: Env, url: string, credentials: Credentials | undefined, networkTimeoutMs = DEFAULT_NETWORK_TIMEOUT_MS): Env {
  const env: Env = {};
  for (const [key, value] of Object.entries(base)) {
    if (!/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|PARAMETERS)$/.test(key) && !/^GIT_(DIR|WORK_TREE|INDEX_FILE)$/.test(key)) env[key] = value;
  }
  const config: Array<[string, string]> = [
    // An empty helper resets the list, so helpers from global config cannot answer for us.
    ['credential.helper', ''],
  ];
  config.push(...gitNetworkConfig(networkTimeoutMs));
  if (credentials) config.push([`http.${url}.extraHeader`, `Authorization: ${basicAuthHeader(credentials)}`]);
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(config.length);
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_CONFIG_NOSYSTEM = '1';
  return env;
}
