/**
 * Version ordering, by the `semver` package. People expect v1.10.0 after v1.9.0;
 * MLServer, for URLs without a version, picks the lexicographically greatest
 * version unless every version is an integer. Both orders are computed so the
 * difference can be shown.
 *
 * Coercion, documented in the README: a leading "v" or "V" is dropped, and a
 * version of one or two numbers gains zeros ("v1" is 1.0.0, "1.2" is 1.2.0,
 * "v1-rc.1" is 1.0.0-rc.1). Anything still not semver sorts after every semver
 * version, among its kind in natural order ("build-7" before "build-10"): a
 * version whose age cannot be read is never the first one prune removes.
 */
import semver from 'semver';

const SHORT = /^[vV]?(\d+)(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** The semver reading of a version tag, or undefined when it has none. */
export function semverOf(version: string): string | undefined {
  const direct = semver.valid(version.replace(/^[vV](?=\d)/, ''));
  if (direct) return direct;
  const short = SHORT.exec(version);
  return short ? semver.valid(`${short[1]}.${short[2] ?? 0}.0${short[3]}`) ?? undefined : undefined;
}

/** Semver order; versions that are not semver sort last, in natural order. */
export function compareVersions(a: string, b: string): number {
  const sa = semverOf(a);
  const sb = semverOf(b);
  if (sa && sb) return semver.compare(sa, sb) || a.localeCompare(b);
  if (sa) return -1;
  if (sb) return 1;
  return a.localeCompare(b, 'en', { numeric: true });
}

export function newestVersion(versions: string[]): string | undefined {
  return [...versions].sort(compareVersions).pop();
}

/** The version MLServer serves for a URL without one. */
export function mlserverDefaultVersion(versions: string[]): string | undefined {
  if (versions.length === 0) return undefined;
  if (versions.every((v) => /^\d+$/.test(v))) return versions.reduce((a, b) => (Number(b) > Number(a) ? b : a));
  return versions.reduce((a, b) => (b > a ? b : a));
}
