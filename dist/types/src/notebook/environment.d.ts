import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';
/** `NAME,NAME`: variables the user passes through to the notebook on top of the allow-list. */
export declare const NOTEBOOK_ENV_VARIABLE = "MLSERVER_RELEASE_NOTEBOOK_ENV";
/**
 * Variables the tool reads a credential from, in every home (env, aliases, Action inputs), from the
 * option table's secret rows. Never passed, even on request.
 */
export declare const CREDENTIAL_VARIABLES: string[];
export interface StrippedEnvironment {
    /** What the notebook gets. */
    env: Env;
    /** Credential-like variables held back (named in the log; never their values). */
    removed: string[];
    /** Names the user asked for in MLSERVER_RELEASE_NOTEBOOK_ENV that were refused, with why. */
    refused: string[];
}
/** The user's opt-in list: `NAME,NAME` (spaces and newlines also separate). */
export declare function requestedVariables(env: Env): string[];
/**
 * The notebook's environment: the allow-list above, plus the variables the user
 * names in MLSERVER_RELEASE_NOTEBOOK_ENV, less anything that holds a secret.
 */
export declare function notebookEnvironment(env: Env, redactor: Redactor): StrippedEnvironment;
