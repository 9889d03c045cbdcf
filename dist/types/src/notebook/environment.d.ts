/**
 * The environment the notebook (and every Python check) runs in: the user's, less
 * the tool's credentials. A notebook is user code, and what it prints is kept in
 * the executed notebook, which CI keeps as an artifact; it has no business with
 * the push token.
 */
import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';
/** Variables the tool reads a credential from, in every home (CLI env, Action inputs, promote). */
export declare const CREDENTIAL_VARIABLES: string[];
export interface StrippedEnvironment {
    env: Env;
    removed: string[];
}
export declare function withoutCredentials(env: Env, redactor: Redactor): StrippedEnvironment;
