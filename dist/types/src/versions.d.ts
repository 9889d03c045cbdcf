/**
 * Version ordering. People expect v1.10.0 after v1.9.0; MLServer, for URLs
 * without a version, picks the lexicographically greatest version unless every
 * version is an integer. Both orders are computed so the difference can be shown.
 */
/** Semver-aware comparison; non-semver versions sort after, in natural order. */
export declare function compareVersions(a: string, b: string): number;
export declare function newestVersion(versions: string[]): string | undefined;
/** The version MLServer serves for a URL without one. */
export declare function mlserverDefaultVersion(versions: string[]): string | undefined;
