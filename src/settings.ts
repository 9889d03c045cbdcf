/**
 * model-settings.json: read it, check it against MLServer's ModelSettings, and
 * render the release version into a copy. The user's file is never modified, and
 * the version goes in structurally, never by editing JSON text.
 */
import { readFile } from 'node:fs/promises';
import { ReleaseError } from './errors.js';
import { segmentProblems } from './names.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ModelSettings extends JsonObject {
  name: string;
  implementation: string;
}

export const DATATYPES = [
  'BOOL', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64', 'BYTES',
] as const;

/** ModelSettings' top-level fields; anything else MLServer silently drops. */
const KNOWN_FIELDS = new Set([
  'name', 'implementation', 'parameters', 'inputs', 'outputs', 'versions', 'platform',
  'warm_workers', 'parallel_workers', 'max_batch_size', 'max_batch_time', 'cache_enabled',
]);

const IMPORT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** The seed's placeholders, longest first so `${VERSION}` is not half-replaced by `$VERSION`. */
const VERSION_PLACEHOLDERS = ['${VERSION}', '$VERSION', '$VERSAO'];

export interface ValidatedSettings {
  settings: ModelSettings;
  /** Problems MLServer would not refuse but the user should know about. */
  warnings: string[];
}

export async function readSettingsFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReleaseError('ESETTINGSMISSING', `Cannot read model settings ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return parseSettingsText(text, file);
}

export function parseSettingsText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new ReleaseError('ESETTINGSPARSE', `${file} is not valid JSON${where}: ${message}`, [], file);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Checks every rule and reports all problems together, so one run shows the whole list. */
export function validateSettings(value: unknown, file: string): ValidatedSettings {
  if (!isObject(value)) {
    throw new ReleaseError('ESETTINGSINVALID', `${file} must hold a JSON object`, [], file);
  }
  const problems: string[] = [];
  const warnings: string[] = [];

  if (value.implementation === undefined) problems.push('"implementation" is required (e.g. "mlserver_sklearn.SKLearnModel")');
  else if (typeof value.implementation !== 'string' || !IMPORT_PATH.test(value.implementation)) {
    problems.push(`"implementation" must be a dotted Python import path like "mlserver_sklearn.SKLearnModel", got ${JSON.stringify(value.implementation)}`);
  }

  if (value.name === undefined) problems.push('"name" is required: it names the published folder <name>-<version>');
  else if (typeof value.name !== 'string') problems.push(`"name" must be a string, got ${JSON.stringify(value.name)}`);
  else problems.push(...segmentProblems(value.name, '"name"'));

  if (value.parameters !== undefined) {
    if (!isObject(value.parameters)) problems.push('"parameters" must be an object');
    else {
      const { uri, version } = value.parameters;
      if (uri !== undefined) problems.push(...uriProblems(uri));
      if (version !== undefined && typeof version !== 'string') problems.push('"parameters.version" must be a string');
    }
  }

  for (const field of ['inputs', 'outputs'] as const) {
    if (value[field] !== undefined) problems.push(...tensorListProblems(value[field], field));
  }

  for (const field of ['max_batch_size', 'warm_workers', 'parallel_workers'] as const) {
    const n = value[field];
    if (n !== undefined && !(Number.isInteger(n) && (n as number) >= 0)) problems.push(`"${field}" must be a non-negative integer`);
  }
  if (value.max_batch_time !== undefined && typeof value.max_batch_time !== 'number') problems.push('"max_batch_time" must be a number');
  if (value.versions !== undefined && !(Array.isArray(value.versions) && value.versions.every((v) => typeof v === 'string'))) {
    problems.push('"versions" must be a list of strings (dependency versions, not the model version)');
  }

  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) warnings.push(`${file}: unknown top-level key "${key}" will be silently dropped by MLServer`);
  }

  if (problems.length > 0) {
    throw new ReleaseError('ESETTINGSINVALID', `${file} does not satisfy MLServer's ModelSettings (${problems.length} problem${problems.length > 1 ? 's' : ''})`, problems, file);
  }
  return { settings: value as ModelSettings, warnings };
}

function uriProblems(uri: Json): string[] {
  if (typeof uri !== 'string' || uri === '') return ['"parameters.uri" must be a non-empty string'];
  if (uri.startsWith('/') || /^[A-Za-z]:[\\/]/.test(uri)) return [`"parameters.uri" must be relative to the model folder, got absolute "${uri}"`];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return [`"parameters.uri" must be a file path, got the URL "${uri}"`];
  const parts = uri.split(/[\\/]+/);
  if (parts.includes('..')) return [`"parameters.uri" "${uri}" leaves the model folder through ".."`];
  return [];
}

function tensorListProblems(list: Json, field: string): string[] {
  if (!Array.isArray(list)) return [`"${field}" must be a list of {name, datatype, shape}`];
  const problems: string[] = [];
  list.forEach((tensor, index) => {
    const where = `"${field}[${index}]"`;
    if (!isObject(tensor)) return problems.push(`${where} must be an object`);
    if (tensor.name !== undefined && typeof tensor.name !== 'string') problems.push(`${where}.name must be a string`);
    if (tensor.datatype !== undefined && !DATATYPES.includes(tensor.datatype as never)) {
      problems.push(`${where}.datatype ${JSON.stringify(tensor.datatype)} is not one of ${DATATYPES.join(', ')}`);
    }
    if (tensor.shape !== undefined && !(Array.isArray(tensor.shape) && tensor.shape.every((d) => Number.isInteger(d)))) {
      problems.push(`${where}.shape must be a list of integers (-1 for a variable dimension)`);
    }
  });
  return problems;
}

/** A copy of `settings` with the version in `parameters.version` and in every placeholder. */
export function renderSettings(settings: ModelSettings, version: string): ModelSettings {
  const rendered = replacePlaceholders(settings, version) as ModelSettings;
  const parameters = isObject(rendered.parameters) ? rendered.parameters : {};
  rendered.parameters = { ...parameters, version };
  return rendered;
}

function replacePlaceholders(value: Json, version: string): Json {
  if (typeof value === 'string') {
    return VERSION_PLACEHOLDERS.reduce((text, placeholder) => text.split(placeholder).join(version), value);
  }
  if (Array.isArray(value)) return value.map((item) => replacePlaceholders(item, version));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replacePlaceholders(item, version)]));
  }
  return value;
}

export function serializeSettings(settings: ModelSettings): string {
  return JSON.stringify(settings, null, 2) + '\n';
}

export function artifactUri(settings: ModelSettings): string | undefined {
  const parameters = settings.parameters;
  return isObject(parameters) && typeof parameters.uri === 'string' ? parameters.uri : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
