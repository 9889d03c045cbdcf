/**
 * Version ordering. People expect v1.10.0 after v1.9.0; MLServer, for URLs
 * without a version, picks the lexicographically greatest version unless every
 * version is an integer. Both orders are computed so the difference can be shown.
 */

const SEMVER = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(version: string) {
  const match = SEMVER.exec(version);
  if (!match) return undefined;
  return { parts: [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)], pre: match[4] };
}

/** Semver-aware comparison; non-semver versions sort after, in natural order. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa && pb) {
    for (let i = 0; i < 3; i++) if (pa.parts[i] !== pb.parts[i]) return pa.parts[i] - pb.parts[i];
    if (pa.pre === pb.pre) return 0;
    if (pa.pre === undefined) return 1; // 1.0.0 is newer than 1.0.0-rc.1
    if (pb.pre === undefined) return -1;
    return pa.pre.localeCompare(pb.pre, 'en', { numeric: true });
  }
  if (pa) return -1;
  if (pb) return 1;
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
