/**
 * The command surface cannot drift from the option table (src/options.ts):
 * action.yml, the README's options table and each command's --help are made
 * from it, choices are checked once for every command in every home, and the
 * published types need nothing but the package itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import YAML from 'yaml';
import { actionYml, readmeOptions } from '../scripts/surface.js';
import { commandHelp, optionLine } from '../src/help.js';
import { COMMANDS, fieldName, inputName, inputVariable, OPTIONS, optionsOf } from '../src/options.js';
import { optionsFromArgv, optionsFromInputs, optionsFromObject } from '../src/read-options.js';
import { ReleaseError } from '../src/errors.js';
import { cli } from './helpers/capture.js';

test('action.yml is exactly what the option table generates (npm run generate)', () => {
  assert.fixture(readFileSync('action.yml', 'utf8'), actionYml());
  const inputs = YAML.parse(actionYml()).inputs as Record<string, { description: string; default?: string }>;
  for (const row of OPTIONS) {
    const input = inputName(row);
    if (!input) continue;
    assert.ok(inputs[input].description.includes(row.help), `${input}: the description carries the help`);
    for (const choice of row.choices ?? []) assert.ok(inputs[input].description.includes(choice), `${input}: choice ${choice}`);
    if (row.default !== undefined) assert.ok(inputs[input].description.includes(`Default: ${row.default}.`), `${input}: default`);
    // An input with a default would hide MLSERVER_RELEASE_<OPTION> and make the Action differ from argv.
    assert.is(inputs[input].default, undefined, `${input} declares no default`);
  }
});

test("the README's options table is exactly what the option table generates", () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme.includes(readmeOptions()), 'README.md options table is stale: run npm run generate');
});

test('each command\'s --help shows its options, with choices and defaults, and no other command\'s', async () => {
  for (const command of COMMANDS) {
    const help = commandHelp(command);
    for (const row of OPTIONS) {
      if (row.commands.includes(command)) assert.ok(help.includes(optionLine(row)), `${command} --help: --${row.name}`);
      else assert.not.match(help, new RegExp(`^  --${row.name}(?![\\w-])`, "m"), `${command} --help shows --${row.name}`);
    }
  }
  const run = await cli(['promote', '--help']);
  assert.is(run.code, 0);
  assert.match(run.stdout, '--from-target git|folder|s3');
  assert.not.match(run.stdout, '--runner');
});

test('an invalid choice of any option of any command is exit 2 naming the option and its choices, in every home', async () => {
  let checked = 0;
  for (const command of COMMANDS) {
    for (const row of optionsOf(command).filter((r) => r.choices)) {
      const expected = new RegExp(`Unknown ${row.name} "bogus" \\((--${row.name}|input ${inputName(row)}|option ${fieldName(row)})\\): expected one of ${row.choices!.join(', ').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);
      const homes = [
        () => optionsFromArgv(command, [`--${row.name}`, 'bogus'], {}),
        () => optionsFromObject(command, { [fieldName(row)]: 'bogus' }, {}),
        ...(inputName(row) ? [() => optionsFromInputs(command, { [inputVariable(inputName(row)!)]: 'bogus' })] : []),
      ];
      for (const home of homes) {
        try {
          home();
          assert.unreachable(`${command} --${row.name} bogus was accepted`);
        } catch (error) {
          assert.instance(error, ReleaseError);
          assert.is((error as ReleaseError).exitCode, 2);
          assert.match((error as Error).message, expected);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 60, `${checked} checks`);
  const run = await cli(['list', '--repo', '/nowhere', '--token-type', 'bearer']);
  assert.is(run.code, 2);
  assert.match(run.stderr, 'Unknown token-type "bearer" (--token-type): expected one of private, oauth, job');
  const canary = await cli(['rollout', '--platform', 'kserve', '--canary', 'abc']);
  assert.is(canary.code, 2);
  assert.match(canary.stderr, '--canary must be a whole percent from 1 to 99, got "abc"');
});

test('a library call with a misspelt option is a usage error, not silently ignored', () => {
  assert.throws(() => optionsFromObject('promote', { fromTarge: 's3' }, {}), /promote: unknown option "fromTarge"/);
});

test('the published types need nothing outside the package (no zod, yaml or SDK types)', () => {
  const seen = new Set<string>();
  const outside = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const match of text.matchAll(/(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = match[1] ?? match[2];
      if (!spec.startsWith('.')) {
        if (!spec.startsWith('node:')) outside.add(`${spec} (from ${path.relative('dist', file)})`);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec.replace(/\.js$/, ''));
      walk(existsSync(`${base}.d.ts`) ? `${base}.d.ts` : path.join(base, 'index.d.ts'));
    }
  };
  walk('dist/index.d.ts');
  assert.ok(seen.size > 5, 'the declarations were followed');
  assert.equal([...outside], []);
});

test.run();
