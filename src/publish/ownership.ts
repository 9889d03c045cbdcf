/**
 * Whose version folder is this? `models/a-b-c` is both model "a-b" version "c"
 * and model "a" version "b-c", so a folder's name never proves it belongs to this
 * release. Its release.json (or, for folders the tool did not write, its
 * model-settings.json) does. A folder owned by another model is never compared,
 * replaced or removed on behalf of this one, not even with --force.
 */
import { ReleaseError } from '../errors.js';
import { RECORD_FILE, SETTINGS_FILE } from './layout.js';

export interface FolderIdentity {
  model: string;
  version?: string;
}

/** The identity recorded in a folder's release.json or model-settings.json text. */
export function recordedIdentity(releaseJson: string | undefined, settingsJson: string | undefined): FolderIdentity | undefined {
  const record = parseObject(releaseJson);
  if (record && typeof record.model === 'string') {
    return { model: record.model, version: typeof record.version === 'string' ? record.version : undefined };
  }
  const settings = parseObject(settingsJson);
  if (settings && (typeof settings.name === 'string' || typeof settings.name === 'number')) {
    const parameters = parseObject(JSON.stringify(settings.parameters ?? null));
    return { model: String(settings.name), version: typeof parameters?.version === 'string' ? parameters.version : undefined };
  }
  return undefined;
}

/** Throws when the folder belongs to another model or version. */
export function assertOwnedBy(folder: string, mine: FolderIdentity, owner: FolderIdentity | undefined): void {
  if (!owner) return;
  const otherModel = owner.model !== mine.model;
  const otherVersion = owner.version !== undefined && mine.version !== undefined && owner.version !== mine.version;
  if (otherModel || otherVersion) {
    throw new ReleaseError(
      'EFOLDEROWNER',
      `${folder} belongs to model "${owner.model}"${owner.version ? ` version "${owner.version}"` : ''}, not to "${mine.model}"${mine.version ? ` version "${mine.version}"` : ''}; it is left alone, even with --force`,
    );
  }
}

export const IDENTITY_FILES = [RECORD_FILE, SETTINGS_FILE] as const;

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
