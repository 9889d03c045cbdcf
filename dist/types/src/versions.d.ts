/** The semver reading of a version tag, or undefined when it has none. */
export declare function semverOf(version: string): string | undefined;
/** Semver order; versions that are not semver sort last, in natural order. */
export declare function compareVersions(a: string, b: string): number;
export declare function newestVersion(versions: string[]): string | undefined;
/** The version MLServer serves for a URL without one. */
export declare function mlserverDefaultVersion(versions: string[]): string | undefined;
