/**
 * The environment the notebook (and every Python check, which imports user code)
 * runs in: an allow-list of what a notebook needs, never the user's whole
 * environment. A notebook is user code, and what it prints is kept in the executed
 * notebook, which CI keeps as an artifact. A deny-list of known credentials always
 * misses one (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN let a notebook assume the
 * store's role), so nothing passes unless it is listed here or the user names it in
 * MLSERVER_RELEASE_NOTEBOOK_ENV.
 *
 * Whatever the list says, a variable never passes when its value is a secret the
 * tool knows (the redactor), or when it is one of the tool's own credentials.
 */
import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';
/** `NAME,NAME`: variables the user passes through to the notebook on top of the allow-list. */
export declare const NOTEBOOK_ENV_VARIABLE = "MLSERVER_RELEASE_NOTEBOOK_ENV";
/** Variables the tool reads a credential from, in every home (CLI env, Action inputs, promote). Never passed, even on request. */
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
