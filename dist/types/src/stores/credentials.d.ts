import type { Env } from '../process.js';
import type { Redactor } from '../redact.js';
export type HostKind = 'github' | 'gitlab' | 'generic';
export interface RepoLocation {
    /** The URL or path with any embedded credentials removed; safe to print. */
    url: string;
    isHttp: boolean;
    /** Credentials that were embedded in the URL (the seed's `https://user:token@host/...`). */
    embeddedUser?: string;
    embeddedPassword?: string;
}
/**
 * The password embedded in a URL's user info, raw and decoded, even when the URL
 * does not parse; or the user alone when it is a token (`https://TOKEN@host/`,
 * which GitHub accepts): eight characters or more, not a documented user name.
 */
export declare function embeddedSecrets(raw: string | undefined): string[];
/** A URL with any user info replaced, safe to print even when it does not parse. */
export declare function printableUrl(raw: string): string;
export declare function parseRepoLocation(raw: string): RepoLocation;
/** Strips user info from any URL-looking string, for provenance records. */
export declare function withoutCredentials(raw: string): string;
export declare function detectHostKind(url: string, env: Env): HostKind;
/** GitHub wants `x-access-token` for app and Actions tokens, GitLab `oauth2` for access tokens. */
export declare function usernameFor(kind: HostKind): string;
export interface Credentials {
    username: string;
    token: string;
}
/**
 * Chooses the credentials for a repository: an explicit token wins over one
 * embedded in the URL; the username comes from the URL or the host kind.
 */
export declare function resolveCredentials(location: RepoLocation, token: string | undefined, kind: HostKind): Credentials | undefined;
export declare function basicAuthHeader(credentials: Credentials): string;
/** Registers every spelling of the credentials with the redactor. */
export declare function maskCredentials(credentials: Credentials | undefined, redactor: Redactor): void;
/**
 * The environment git runs with: our own config only, no prompts, no credential
 * helpers left behind by a CI checkout, and the auth header scoped to this URL.
 */
export declare function gitEnvironment(base: Env, url: string, credentials: Credentials | undefined, networkTimeoutMs?: number): Env;
