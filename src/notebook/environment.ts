/**
 * The environment the notebook (and every Python check) runs in: the user's, less
 * the tool's credentials. A notebook is user code, and what it prints is kept in
 * the executed notebook, which CI keeps as an artifact; it has no business with
 * the push token.
 */
import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';

/** Variables the tool reads a credential from, in every home (CLI env, Action inputs, promote). */
export const CREDENTIAL_VARIABLES = [
  'MLSERVER_REPO_TOKEN', 'MLSERVER_RELEASE_TOKEN', 'INPUT_TOKEN',
  'MLSERVER_STAGING_TOKEN', 'MLSERVER_PRODUCTION_TOKEN', 'MLSERVER_MANIFESTS_TOKEN', 'MLSERVER_RELEASE_VERIFY_HEADER', 'INPUT_VERIFY_HEADERS',
];

/** Variables that may hold a repository URL, which is a credential when it embeds one. */
const REPOSITORY_VARIABLES = ['MLSERVER_REPO', 'MLSERVER_RELEASE_REPO', 'INPUT_REPO', 'MLSERVER_STAGING_REPO', 'MLSERVER_PRODUCTION_REPO'];

export interface StrippedEnvironment {
  env: Env;
  removed: string[];
}

export function withoutCredentials(env: Env, redactor: Redactor): StrippedEnvironment {
  const out: Env = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const credential = CREDENTIAL_VARIABLES.includes(key)
      || (REPOSITORY_VARIABLES.includes(key) && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value.trim()))
      || redactor.reveals(value);
    if (credential) removed.push(key);
    else out[key] = value;
  }
  return { env: out, removed };
}
