/**
 * Options from the three homes, argv, the Action's INPUT_* variables and a
 * library call, into one command's typed options, by the table in options.ts.
 * All three end in `finish`, which applies the env rule, turns text into the
 * row's kind and checks choices, once for every command, so a value means the
 * same wherever it comes from.
 */
import { parseArgs } from 'node:util';
import { ReleaseError } from './errors.js';
import {
  COMMANDS, envName, fieldName, inputName, inputVariable, optionsOf, type Command, type OptionRow, type OptionsOf,
} from './options.js';
import type { Env } from './process.js';

type Given = string | string[] | boolean | number | Record<string, string> | undefined;

/** Where a value came from, for the message that names it. */
type Source = (row: OptionRow) => string;

const flagLabel: Source = (row) => `--${row.name}`;

/** The env rule: MLSERVER_RELEASE_<OPTION>, then the row's aliases in order. */
function fromEnv(row: OptionRow, env: Env): { value: string; label: string } | undefined {
  const own = env[envName(row.name)];
  if (own !== undefined && own !== '') return { value: own, label: envName(row.name) };
  for (const alias of row.aliases ?? []) {
    if (alias.when && env[alias.when.name] !== alias.when.equals) continue;
    const value = env[alias.name];
    if (value !== undefined && value !== '') return { value, label: alias.name };
  }
  return undefined;
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** GitHub's boolean inputs follow YAML 1.2's core schema; env takes 1/0 and yes/no too. */
function booleanOf(text: string, label: string, strictYaml: boolean): boolean {
  const value = text.trim();
  if (strictYaml ? /^(true|True|TRUE)$/.test(value) : /^(1|true|yes)$/i.test(value)) return true;
  if (strictYaml ? /^(false|False|FALSE)$/.test(value) : /^(0|false|no)$/i.test(value)) return false;
  throw new ReleaseError('EUSAGE', `${label}="${text}" is not a boolean (use true or false)`);
}

/** The longest wait a Node timer can hold, in seconds: 2^31 - 1 ms. */
const MAX_SECONDS = 2_147_483;

function convert(row: OptionRow, value: Given, label: string, strictYaml = false): unknown {
  if (value === undefined) return undefined;
  switch (row.kind) {
    case 'flag':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') return value.trim() === '' ? undefined : booleanOf(value, label, strictYaml);
      break;
    case 'list':
      if (Array.isArray(value)) return value.map(String);
      if (typeof value === 'string') return lines(value);
      // An object is the natural library form: { k: v } parameters, { Name: value } headers.
      if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => (row.secret === 'header-values' ? `${k}: ${v}` : `${k}=${v}`));
      break;
    case 'seconds': {
      // Decimal only (no 0x10, no 1e3), and at most what a Node timer can wait (about 24.8 days).
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
      if (number > 0 && number <= MAX_SECONDS) return number;
      throw new ReleaseError('EUSAGE', `${label} must be a positive number of seconds, at most ${MAX_SECONDS}, got "${String(value)}"`);
    }
    case 'count': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
      const minimum = row.minimum ?? 0;
      if (Number.isSafeInteger(number) && number >= minimum) return number;
      throw new ReleaseError('EUSAGE', `${label} must be a whole number ${minimum > 0 ? `of at least ${minimum}` : '(0 or more)'}, got "${String(value)}"`);
    }
    case 'text': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string') break;
      if (row.choices && !row.choices.includes(text)) {
        throw new ReleaseError('EUSAGE', `Unknown ${row.name} "${text}" (${label}): expected one of ${row.choices.join(', ')}`);
      }
      if (row.pattern && !row.pattern.test.test(text)) throw new ReleaseError('EUSAGE', `${label} must be ${row.pattern.expected}, got "${text}"`);
      return text;
    }
  }
  // A secret's value is never echoed, whatever its type.
  const got = row.secret ? `a ${Array.isArray(value) ? 'list' : typeof value} (not shown: it is a secret)` : JSON.stringify(value);
  throw new ReleaseError('EUSAGE', `${label} must be ${{ flag: 'true or false', list: 'a list of strings', seconds: 'a number of seconds', count: 'a whole number', text: 'a string' }[row.kind]}, got ${got}`);
}

/**
 * One command's typed options from what a home was given (by option name):
 * unset values follow the env rule; every value is converted and checked.
 * Only set fields appear in the result.
 */
function finish<C extends Command>(command: C, given: Map<string, Given>, env: Env, label: Source, strictYaml = false): OptionsOf<C> {
  const out: Record<string, unknown> = {};
  for (const row of optionsOf(command)) {
    let value = convert(row, given.get(row.name), label(row), strictYaml);
    if (value === undefined) {
      const found = fromEnv(row, env);
      if (found) value = convert(row, found.value, found.label);
    }
    if (value !== undefined) out[fieldName(row)] = value;
  }
  return out as OptionsOf<C>;
}

export function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly string[]).includes(value ?? '');
}

/** argv after the command: `--name value`, `--flag`, repeatable lists. Unknown options are usage errors. */
export function optionsFromArgv<C extends Command>(command: C, args: string[], env: Env): OptionsOf<C> {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args,
      options: Object.fromEntries(optionsOf(command).map((row) => [row.name, { type: row.kind === 'flag' ? 'boolean' : 'string', multiple: row.kind === 'list' }])),
      allowPositionals: false,
      strict: true,
    });
    values = parsed.values as typeof values;
  } catch (error) {
    throw new ReleaseError('EUSAGE', `${command}: ${(error as Error).message.replace(/^TypeError \[\w+\]: /, '')}`);
  }
  return finish(command, new Map(Object.entries(values)), env, flagLabel);
}

/**
 * The Action's inputs as GitHub's runner passes them: INPUT_<NAME> for each input
 * in action.yml, empty when not given. Read from the injected env, as @actions/core
 * would read process.env: trimmed; lists one per line; booleans YAML 1.2.
 */
export function optionsFromInputs<C extends Command>(command: C, env: Env): OptionsOf<C> {
  const given = new Map<string, Given>();
  for (const row of optionsOf(command)) {
    const input = inputName(row);
    if (!input) continue;
    const value = (env[inputVariable(input)] ?? '').trim();
    if (value !== '') given.set(row.name, value);
  }
  return finish(command, given, env, (row) => `input ${inputName(row)}`, true);
}

/** The command the Action runs: its `command` input (default release). */
export function commandFromInputs(env: Env): Command {
  const command = (env[inputVariable('command')] ?? '').trim() || 'release';
  if (!isCommand(command)) throw new ReleaseError('EUSAGE', `input command must be one of ${COMMANDS.join(', ')}; got "${command}"`);
  return command;
}

/** A library call's options object (by field name); unknown fields are usage errors, so a typo does not pass silently. */
export function optionsFromObject<C extends Command>(command: C, given: object, env: Env): OptionsOf<C> {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) throw new ReleaseError('EUSAGE', `${command}: the options must be an object, got ${given === null ? 'null' : Array.isArray(given) ? 'a list' : typeof given}`);
  const rows = new Map(optionsOf(command).map((row) => [fieldName(row), row]));
  const byName = new Map<string, Given>();
  for (const [field, value] of Object.entries(given)) {
    const row = rows.get(field);
    if (!row) throw new ReleaseError('EUSAGE', `${command}: unknown option "${field}": expected one of ${[...rows.keys()].join(', ')}`);
    byName.set(row.name, value as Given);
  }
  return finish(command, byName, env, (row) => `option ${fieldName(row)}`);
}
