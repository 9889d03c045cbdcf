/**
 * Checks a parsed model-settings.json the way the targeted MLServer line reads it
 * (mlserver-schema.ts), plus the project's policies (policy.ts), and reports every
 * problem at once, each with its JSON path (`inputs[1].datatype`).
 */
import type { z } from 'zod';
import { ReleaseError } from '../errors.js';
import { knownTopLevelKeys, LINES, modelSettingsSchema, pairsAsObject, PYDANTIC1_SETTINGS_OPTIONS, type MlserverLine } from './mlserver-schema.js';
import { policyFindings } from './policy.js';
import type { JsonObject, ModelSettings } from './render.js';

export interface ValidatedSettings {
  settings: ModelSettings;
  /** The model name as MLServer will read it (pydantic 1 turns `42` into "42"). */
  name: string;
  /** Problems MLServer would not refuse but the user should know about. */
  warnings: string[];
  line: MlserverLine;
}

export function validateSettings(value: unknown, file: string, line: MlserverLine): ValidatedSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReleaseError('ESETTINGSINVALID', `${file} must hold a JSON object`, [], file);
  }
  const rules = LINES[line];
  const parsed = modelSettingsSchema(line).safeParse(value, { reportInput: true });
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, line));
  // What MLServer makes of `parameters: [...]` on pydantic 1 (dict(value)), so the policy and the
  // published copy see the same object; the file on disk is left as it is.
  const source = value as Record<string, unknown>;
  const pairs = rules.pydantic === 1 ? pairsAsObject(source.parameters) : undefined;
  const normalized = pairs ? { ...source, parameters: pairs } : source;
  const policy = policyFindings(normalized, rules.pydantic, rules.wellKnownModelFiles);
  problems.push(...policy.problems);

  const warnings = policy.warnings.map((w) => `${file}: ${w}`);
  if (rules.pydantic === 1) {
    for (const key of PYDANTIC1_SETTINGS_OPTIONS) {
      if (key in source) warnings.push(`${file}: "${key}" is not a field: MLServer ${line}'s pydantic 1 BaseSettings takes it as an option (where it reads MLSERVER_MODEL_* values from on the server); 1.6+ ignores it`);
    }
  }
  if (rules.unknownTopLevelKeys === 'ignored') {
    const known = new Set(knownTopLevelKeys(line));
    for (const key of Object.keys(value)) {
      if (!known.has(key)) warnings.push(`${file}: unknown top-level key "${key}" is ignored by MLServer ${line} (and refused by 1.3 to 1.5)`);
    }
  }
  if (problems.length > 0) {
    throw new ReleaseError(
      'ESETTINGSINVALID',
      `${file} is not a model-settings.json that MLServer ${line} can use (${problems.length} problem${problems.length > 1 ? 's' : ''})`,
      problems,
      file,
    );
  }
  const settings = normalized as ModelSettings;
  return { settings, name: pythonText(settings.name), warnings, line };
}

/** The model name in parsed settings, for commands that only need the name (verify). */
export function modelNameIn(value: unknown, file: string): string {
  const name = (value as { name?: unknown } | null)?.name;
  const problems = typeof name === 'string' || typeof name === 'number' ? policyFindings({ name }, 1).problems.filter((p) => p.startsWith('name')) : ['name: required'];
  if (problems.length > 0) throw new ReleaseError('ESETTINGSINVALID', `${file} does not name the model usably`, problems, file);
  return pythonText(name);
}

/** str(value) as Python writes it, for a name pydantic 1 turns from a number into text. */
function pythonText(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  return String(value);
}

function describeIssue(issue: z.core.$ZodIssue, line: MlserverLine): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const where = jsonPath([...issue.path, key]);
      const typo = key === 'implementation_' ? ' (the field is "implementation")' : '';
      return `${where}: unknown key${typo}; MLServer ${line} refuses extra fields ("extra fields not permitted") and skips the model; 1.6+ ignores them`;
    });
  }
  const where = jsonPath(issue.path) || '(top level)';
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return [`${where}: required (${issue.message})`];
  return [`${where}: ${issue.message} for MLServer ${line}, got ${describeValue(input)}`];
}

/** ["inputs", 1, "datatype"] -> inputs[1].datatype */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    const key = String(part);
    const plain = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    return out ? `${out}.${plain}` : plain;
  }, '');
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export type { JsonObject };
