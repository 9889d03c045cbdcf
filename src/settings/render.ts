/**
 * The release version goes into a copy of model-settings.json structurally, never
 * by editing JSON text: `parameters.version`, the only place MLServer reads a
 * version from (repository/load.py), plus the seed's placeholders anywhere.
 */
import { randomUUID } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ModelSettings extends JsonObject {
  implementation: string;
}

/** The seed's placeholders, longest first so `${VERSION}` is not half-replaced by `$VERSION`. */
const VERSION_PLACEHOLDERS = ['${VERSION}', '$VERSION', '$VERSAO'];

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

/**
 * The settings as JSON that Python's json.load reads back to the same values:
 * NaN, Infinity and -Infinity are written as Python's json.dumps writes them
 * (JSON.stringify would turn them into null, which e.g. `max_batch_time` refuses).
 */
export function serializeSettings(settings: ModelSettings): string {
  const marker = `\u0000${randomUUID()}:`;
  let constants = false;
  const text = JSON.stringify(settings, (_key, value: unknown) => {
    if (typeof value !== 'number' || Number.isFinite(value)) return value;
    constants = true;
    return `${marker}${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}`;
  }, 2);
  if (!constants) return text + '\n';
  const quotedMarker = JSON.stringify(marker).slice(0, -1);
  return text.replace(new RegExp(`${escapeRegExp(quotedMarker)}(NaN|Infinity|-Infinity)"`, 'g'), '$1') + '\n';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function artifactUri(settings: ModelSettings): string | undefined {
  const parameters = settings.parameters;
  return isObject(parameters) && typeof parameters.uri === 'string' ? parameters.uri : undefined;
}

export function environmentTarball(settings: ModelSettings): string | undefined {
  const parameters = settings.parameters;
  return isObject(parameters) && typeof parameters.environment_tarball === 'string' ? parameters.environment_tarball : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
