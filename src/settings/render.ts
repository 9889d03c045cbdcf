/**
 * The release version goes into a copy of model-settings.json structurally, never
 * by editing JSON text: `parameters.version`, the only place MLServer reads a
 * version from (repository/load.py), plus the seed's placeholders anywhere.
 */

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

export function serializeSettings(settings: ModelSettings): string {
  return JSON.stringify(settings, null, 2) + '\n';
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
