/** Assertions on settings validation shared by the settings suites: what a line accepts, and where it refuses. */
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import type { MlserverLine } from '../../src/settings/mlserver-schema.js';
import { validateSettings } from '../../src/settings/validate.js';

/** The problems validation reports for `value` on `line` (always exit 2), or none. */
export function problemsOf(value: unknown, line: MlserverLine): string[] {
  try {
    validateSettings(value, 'model-settings.json', line);
  } catch (error) {
    assert.instance(error, ReleaseError);
    assert.is((error as ReleaseError).exitCode, 2);
    return (error as ReleaseError).details;
  }
  return [];
}

export const accepted = (value: unknown, line: MlserverLine) => assert.equal(problemsOf(value, line), [], `${line} should accept ${JSON.stringify(value)}`);

export const refused = (value: unknown, line: MlserverLine, path: string) => {
  const problems = problemsOf(value, line);
  assert.ok(problems.some((p) => p.startsWith(`${path}:`)), `${line} should refuse ${path} in ${JSON.stringify(value)}; got ${JSON.stringify(problems)}`);
};
