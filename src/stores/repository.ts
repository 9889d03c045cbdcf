/**
 * Which model repository an operation targets, and how to reach it: a git
 * remote (URL or local repository) with its credentials, or a plain folder
 * (an MLServer model volume) when `--target folder` says so.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { repositoryRootAt } from '../git.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { isLoopbackHost } from '../publish/network.js';
import {
  detectHostKind, maskCredentials, parseRepoLocation, printableUrl, resolveCredentials, type Credentials, type HostKind,
} from './credentials.js';

export const TARGETS = ['git', 'folder', 's3'] as const;
export type TargetKind = (typeof TARGETS)[number];

export interface RepositoryOptions {
  repo?: string;
  token?: string;
  target?: string;
  /** Declares a self-hosted instance's kind, which the URL cannot tell. */
  hostType?: string;
  /** Where --repo and --token default from (promote reads MLSERVER_STAGING_* and MLSERVER_PRODUCTION_*). */
  envNames?: { repo: string; token: string };
  /** How this side is called in messages, e.g. --from. */
  flag?: string;
}

export interface Repository {
  target: TargetKind;
  /** URL without credentials, or an absolute path. */
  url: string;
  isHttp: boolean;
  hostKind: HostKind;
  credentials?: Credentials;
}

export async function resolveRepository(options: RepositoryOptions, env: Env, cwd: string, log: Logger): Promise<Repository> {
  const target = options.target ?? 'git';
  if (!(TARGETS as readonly string[]).includes(target)) {
    throw new ReleaseError('EUSAGE', `Unknown --target "${target}": expected git, folder or s3`);
  }
  const names = options.envNames ?? { repo: 'MLSERVER_REPO', token: 'MLSERVER_REPO_TOKEN' };
  const flag = options.flag ?? '--repo';
  const repoInput = options.repo || env[names.repo];
  if (!repoInput) throw new ReleaseError('EREPOMISSING', `No model repository given: ${flag} (or ${names.repo}) is required`);

  if (target === 's3' || /^s3:\/\//.test(repoInput)) {
    if (!/^s3:\/\//.test(repoInput)) throw new ReleaseError('EUSAGE', `--target s3 needs ${flag} s3://bucket/prefix, got "${printableUrl(repoInput)}"`);
    // The AWS SDK reads the credentials itself (env, profiles, web identity); they are masked like tokens.
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) log.redactor.add(env[name]);
    return { target: 's3', url: repoInput.replace(/\/+$/, ''), isHttp: false, hostKind: 'generic' };
  }
  if (target === 'folder') {
    const dir = path.resolve(cwd, repoInput);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReleaseError('EREPONOTFOUND', `${flag} ${dir} is not an existing folder`);
    return { target, url: dir, isHttp: false, hostKind: 'generic' };
  }

  // Credentials are registered for redaction before any later step can print them.
  const location = parseRepoLocation(repoInput);
  if (location.embeddedPassword) log.redactor.add(location.embeddedPassword);
  const hostKind = options.hostType === 'github' || options.hostType === 'gitlab' ? options.hostType : detectHostKind(location.url, env);
  const credentials = resolveCredentials(location, options.token || env[names.token], hostKind);
  maskCredentials(credentials, log.redactor);
  if (credentials && location.isHttp && new URL(location.url).protocol === 'http:' && !isLoopbackHost(new URL(location.url).hostname)) {
    log.warn(`${location.url} is plain http: the token would cross the network unencrypted; use https`);
  }
  const url = await resolveGitLocation(location.url, location.isHttp, env, cwd, flag);
  return { target: 'git', url, isHttp: location.isHttp, hostKind, credentials };
}

/** A local path must already be a git repository; URLs are checked by the preflight. */
async function resolveGitLocation(url: string, isHttp: boolean, env: Env, cwd: string, flag: string): Promise<string> {
  if (isHttp || /^(ssh|git|file):\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url)) return url;
  const dir = path.resolve(cwd, url);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ReleaseError('EREPONOTFOUND', `${flag} ${dir} does not exist`);
  }
  // Compare real paths: a plain folder inside some other checkout is not a repository of its own.
  const root = await repositoryRootAt({ cwd: dir, env: { ...env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
  if (!root || realpathSync(root) !== realpathSync(dir)) {
    throw new ReleaseError('EREPONOTFOUND', `${flag} ${dir} is not a git repository (to publish into a plain MLServer model folder, pass --target folder)`);
  }
  return dir;
}
