/**
 * Versions and model names become a folder name (`<name>-<version>`) and URL path
 * segments, so both are held to the same safe alphabet.
 */

export const MAX_SEGMENT_LENGTH = 100;

/** Returns what is wrong with `value` as a name or version, or an empty list. */
export function segmentProblems(value: string, what: string): string[] {
  if (value === '') return [`${what} is empty`];
  const problems: string[] = [];
  if (value.length > MAX_SEGMENT_LENGTH) problems.push(`${what} is ${value.length} characters long (at most ${MAX_SEGMENT_LENGTH})`);
  if (value.includes('/')) problems.push(`${what} "${value}" contains "/"`);
  if (value.includes('..')) problems.push(`${what} "${value}" contains ".."`);
  // "/" is reported above; list the other characters outside the alphabet.
  const bad = [...new Set(value.replace(/[A-Za-z0-9._\/-]/g, ''))].join('');
  if (bad) problems.push(`${what} "${value}" contains characters outside [A-Za-z0-9._-]: ${JSON.stringify(bad)}`);
  if (value === '.' || value.startsWith('.')) problems.push(`${what} "${value}" starts with "." (MLServer skips dot-folders)`);
  return problems;
}

/** The V2 (Open Inference Protocol) path that serves one version of a model. */
export function inferencePath(name: string, version: string): string {
  return `/v2/models/${name}/versions/${version}/infer`;
}
