/**
 * Credentials for git over HTTPS. The token leaves this module only as an HTTP
 * header inside environment-scoped git config (GIT_CONFIG_COUNT/KEY/VALUE): never
 * in argv, never in a URL, never in any .git/config.
 */
import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, gitNetworkConfig } from './network.js';

export type HostKind = 'github' | 'gitlab' | 'generic';

export interface RepoLocation {
  /** The URL or path with any embedded credentials removed; safe to print. */
  url: string;
  isHttp: boolean;
  /** Credentials that were embedded in the URL (the seed's `https://user:token@host/...`). */
  embeddedUser?: string;
  embeddedPassword?: string;
}

export function parseRepoLocation(raw: string): RepoLocation {
  if (!/^https?:\/\//i.test(raw)) return { url: raw, isHttp: false };
  const url = new URL(raw);
  const embeddedUser = url.username ? decodeURIComponent(url.username) : undefined;
  const embeddedPassword = url.password ? decodeURIComponent(url.password) : undefined;
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
