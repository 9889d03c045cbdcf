/**
 * Every option of every command through all three homes: argv, INPUT_* env as
 * GitHub's runner passes it, and a library call, plus MLSERVER_RELEASE_<OPTION>.
 * Each must produce the same typed options. (Before the option table, promote
 * lost s3-endpoint and s3-path-style in the Action, and rollout lost dry-run.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS, envName, fieldName, inputName, inputVariable, optionsOf, type OptionRow } from '../src/options.js';
import { optionsFromArgv, optionsFromInputs, optionsFromObject } from '../src/read-options.js';

/** A value of the row's kind, different for each option so a crossed wire shows. */
function sample(row: OptionRow, index: number): { typed: unknown; text: string; argv: string[] } {
  switch (row.kind) {
    case 'flag': return { typed: true, text: 'true', argv: [`--${row.name}`] };
    case 'list': return { typed: [`a${index}=1`, `b${index}: 2`], text: `a${index}=1\nb${index}: 2`, argv: [`--${row.name}`, `a${index}=1`, `--${row.name}`, `b${index}: 2`] };
    case 'seconds': case 'count': return { typed: index + 1, text: String(index + 1), argv: [`--${row.name}`, String(index + 1)] };
    default: {
      const value = row.choices ? row.choices[index % row.choices.length] : row.pattern ? String((index % 98) + 1) : `value-${index}-${row.name}`;
      return { typed: value, text: value, argv: [`--${row.name}`, value] };
    }
  }
}

test('every option of every command reads the same from argv, Action inputs, a library call and env', () => {
  let compared = 0;
  for (const command of COMMANDS) {
    const rows = optionsOf(command).filter((row) => row.name !== 'json');
    const argv: string[] = [];
    const inputs: Record<string, string> = {};
    const envOnly: Record<string, string> = {};
    const library: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    rows.forEach((row, index) => {
      const value = sample(row, index);
      argv.push(...value.argv);
      const input = inputName(row);
      if (input) inputs[inputVariable(input)] = value.text;
      envOnly[envName(row.name)] = value.text;
      library[fieldName(row)] = value.typed;
      expected[fieldName(row)] = value.typed;
    });
    const fromArgv = optionsFromArgv(command, argv, {});
    assert.equal(fromArgv, expected, `${command}: argv`);
    assert.equal(optionsFromObject(command, library, {}), expected, `${command}: library`);
    assert.equal(optionsFromArgv(command, [], envOnly), expected, `${command}: MLSERVER_RELEASE_<OPTION>`);
    // The Action exposes every option but those that only make sense on a terminal or GitLab.
    const actionExpected = Object.fromEntries(Object.entries(expected).filter(([field]) => rows.some((row) => fieldName(row) === field && inputName(row))));
    assert.equal(optionsFromInputs(command, inputs), actionExpected, `${command}: Action inputs`);
    assert.equal(rows.filter((row) => !inputName(row)).map((row) => row.name), ['dotenv'].filter((name) => rows.some((row) => row.name === name)), `${command}: only --dotenv is not an input`);
    compared += rows.length;
  }
  assert.ok(compared > 150, `${compared} options compared`);
});

test('the promote S3 options and rollout\'s dry run reach the typed options from the Action', () => {
  const promote = optionsFromInputs('promote', { 'INPUT_S3-ENDPOINT': 'http://minio:9000', 'INPUT_S3-PATH-STYLE': 'true', 'INPUT_TO-TARGET': 's3', 'INPUT_RELOAD-URL': '' });
  assert.equal(promote, { s3Endpoint: 'http://minio:9000', s3PathStyle: true, toTarget: 's3' });
  assert.equal(optionsFromInputs('rollout', { 'INPUT_DRY-RUN': 'true', 'INPUT_MANIFESTS-BRANCH': 'gitops' }), { dryRun: true, manifestsBranch: 'gitops' });
});

test('the version follows one rule for every command: flag, MLSERVER_RELEASE_VERSION, the CI tag, then MLSERVER_VERSION', () => {
  for (const command of COMMANDS.filter((c) => optionsOf(c).some((row) => row.name === 'version'))) {
    assert.is(optionsFromArgv(command, ['--version', 'v9'], { CI_COMMIT_TAG: 'v1' }).version, 'v9');
    assert.is(optionsFromArgv(command, [], { MLSERVER_RELEASE_VERSION: 'v8', CI_COMMIT_TAG: 'v1' }).version, 'v8');
    assert.is(optionsFromArgv(command, [], { CI_COMMIT_TAG: 'v1', MLSERVER_VERSION: 'v0' }).version, 'v1');
    assert.is(optionsFromInputs(command, { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2', MLSERVER_VERSION: 'v0' }).version, 'v2', `${command}: a GitHub tag`);
    assert.is(optionsFromInputs(command, { GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main', MLSERVER_VERSION: 'v0' }).version, 'v0', `${command}: a branch name is not a version`);
  }
});

test.run();
