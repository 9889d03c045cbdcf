/**
 * Files beside model-settings.json that MLServer needs to load the model, so
 * they are published with it:
 * - a custom runtime: MLServer imports `implementation` with the model folder on
 *   sys.path (settings.py, `_extra_sys_path`), so `custom_runtime.MyModel` is found
 *   as `custom_runtime.py` or a `custom_runtime/` package in that folder;
 * - `parameters.environment_tarball`: MLServer resolves a relative one against
 *   the settings' folder (utils.py `to_absolute_path`) and unpacks it for the model;
 * - the model file itself when `parameters.uri` is omitted and the runtime finds a
 *   well-known file name in the folder (modelFileUri).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { LINES, type MlserverLine } from './mlserver-schema.js';
import { artifactUri, environmentTarball, type ModelSettings } from './render.js';

export interface RuntimeFile {
  /** Path relative to the model folder, which is also its path in the version folder. */
  relative: string;
  why: string;
}

/** The custom runtime module the implementation names, when it sits in the model folder. */
export function customRuntimeFile(implementation: string, modelDir: string): RuntimeFile | undefined {
  const top = implementation.split('.')[0];
  if (!top) return undefined;
  const file = `${top}.py`;
  if (existsSync(path.join(modelDir, file))) return { relative: file, why: `the custom runtime ${implementation}` };
  const dir = path.join(modelDir, top);
  if (existsSync(dir) && statSync(dir).isDirectory() && existsSync(path.join(dir, '__init__.py'))) {
    return { relative: top, why: `the custom runtime package ${top}/` };
  }
  return undefined;
}

/** A relative environment_tarball, which must exist once the notebook has run. */
export function environmentTarballFile(settings: ModelSettings, modelDir: string, settingsPath: string): RuntimeFile | undefined {
  const tarball = environmentTarball(settings);
  if (!tarball) return undefined;
  if (path.isAbsolute(tarball) || /^[a-z][a-z0-9+.-]*:\/\//i.test(tarball)) return undefined; // a path on the server: not ours to publish
  const parts = tarball.replace(/\\/g, '/').split('/');
  if (parts.includes('..')) {
    throw new ReleaseError('ERUNTIMEFILE', `parameters.environment_tarball "${tarball}" leaves the model folder through ".."`, [], settingsPath);
  }
  if (!existsSync(path.join(modelDir, tarball))) {
    throw new ReleaseError('ERUNTIMEFILE', `parameters.environment_tarball "${tarball}" does not exist in ${modelDir}; MLServer would fail to unpack it`, [], settingsPath);
  }
  return { relative: tarball.replace(/^\.\//, ''), why: 'the environment tarball' };
}

/**
 * The file to publish as the model: `parameters.uri` when set; otherwise, for a
 * runtime that finds a well-known file name in its folder, the first of those names
 * that exists in the model folder, which is the one MLServer's `get_model_uri`
 * (mlserver/utils.py, 1.3.2 to 1.7.1) would load. The settings are published without
 * a uri, as written, and MLServer finds the file beside them. Call it once the
 * notebook has run: it refuses when none of the names exists.
 */
export function modelFileUri(settings: ModelSettings, modelDir: string, settingsPath: string, line: MlserverLine): string | undefined {
  const uri = artifactUri(settings);
  if (uri !== undefined) return uri;
  const parameters = settings.parameters;
  if (parameters !== undefined && parameters !== null && (typeof parameters !== 'object' || Array.isArray(parameters))) return undefined;
  const runtime = typeof settings.implementation === 'string' ? settings.implementation.split('.')[0] : '';
  const names = LINES[line].wellKnownModelFiles[runtime];
  if (!names) return undefined;
  const found = names.find((name) => {
    const file = path.join(modelDir, name);
    return existsSync(file) && statSync(file).isFile();
  });
  if (found) return found;
  throw new ReleaseError(
    'ERUNTIMEFILE',
    `parameters.uri is not set and ${modelDir} holds none of the files ${runtime} looks for without it (${names.join(', ')}); `
      + `save the model as one of them, or set parameters.uri`,
    [], settingsPath,
  );
}
