/**
 * The project's own rules for model-settings.json, stricter than MLServer on
 * purpose. Each is a policy, not a fact about MLServer:
 * - `name` is required and uses the safe alphabet, because it names the published
 *   folder and a URL segment (MLServer would default it to the folder name);
 * - `implementation` is a dotted import path, and not MLServer's abstract base class;
 * - `parameters.uri` is a relative path that stays inside the model folder, is not
 *   the folder itself, and is not one of the files the tool writes;
 * - runtimes that load a file from `uri` must be given one, unless the runtime finds
 *   a well-known file name in the model folder by itself (then that file must exist
 *   once the notebook has run, runtime-files.ts `modelFileUri`).
 */
import { RECORD_FILE, SETTINGS_FILE } from '../publish/layout.js';
import { segmentProblems } from '../names.js';

const IMPORT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** `mlserver.MLModel` is the abstract base: it loads and reports ready, then every inference answers 500. */
const ABSTRACT_RUNTIMES = new Set(['mlserver.MLModel', 'mlserver.model.MLModel']);

/**
 * Runtimes whose load() reads `parameters.uri` as a model file. Without a uri MLServer
 * passes the model folder itself (repository/load.py), and e.g. mlserver_sklearn
 * fails with IsADirectoryError, which aborts the server's start-up.
 */
export const FILE_LOADING_RUNTIMES = ['mlserver_sklearn', 'mlserver_xgboost', 'mlserver_lightgbm', 'mlserver_catboost', 'mlserver_mlflow', 'mlserver_onnx'];

/** What Python's str.strip() removes (str.isspace()). */
const PYTHON_TRAILING_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

/**
 * The import path as MLServer imports it. MLServer first imports the module part
 * as written (settings.py `_reload_module`, so leading whitespace fails there), then
 * resolves the whole path with pydantic's import_string, which strips the end:
 * pydantic 1.10 utils.py `dotted_path.strip(' ')` (spaces only, 1.3-1.5), pydantic
 * 2.7 _internal/_validators.py `dotted_path.strip()` (any Python whitespace, 1.6+).
 */
export function importPathAsImported(implementation: string, pydantic: 1 | 2): string {
  return implementation.replace(pydantic === 1 ? / +$/ : PYTHON_TRAILING_WHITESPACE, '');
}


export interface PolicyFindings {
  problems: string[];
  warnings: string[];
}

/**
 * @param wellKnownModelFiles per runtime, the file names it finds in the model folder
 * by itself (mlserver-schema.ts LineRules); a runtime listed there needs no uri.
 */
export function policyFindings(
  settings: Record<string, unknown>, pydantic: 1 | 2, wellKnownModelFiles: Record<string, readonly string[]> = {},
): PolicyFindings {
  const problems: string[] = [];
  const warnings: string[] = [];

  const name = settings.name;
  if (name === undefined) problems.push('name: required by mlserver-release, because it names the published folder (MLServer would use the folder name)');
  else if (typeof name === 'string' || (pydantic === 1 && typeof name === 'number')) problems.push(...segmentProblems(String(name), 'name'));

  const implementation = typeof settings.implementation === 'string' ? importPathAsImported(settings.implementation, pydantic) : settings.implementation;
  if (typeof implementation === 'string') {
    if (!IMPORT_PATH.test(implementation)) {
      problems.push(`implementation: expected a dotted Python import path like "mlserver_sklearn.SKLearnModel", got ${JSON.stringify(implementation)}`);
    } else if (ABSTRACT_RUNTIMES.has(implementation)) {
      problems.push(`implementation: "${implementation}" is MLServer's abstract base class: the model would report ready and fail every inference; name a runtime such as mlserver_sklearn.SKLearnModel or your own subclass`);
    }
  }

  const parameters = isObject(settings.parameters) ? settings.parameters : {};
  const uri = parameters.uri;
  if (typeof uri === 'string') problems.push(...uriProblems(uri));
  else if (uri === undefined || uri === null) {
    const runtime = typeof implementation === 'string' ? implementation.split('.')[0] : '';
    const wellKnown = wellKnownModelFiles[runtime];
    if (wellKnown) {
      // Accepted: the runtime finds the file itself; publishing checks it exists (runtime-files.ts).
    } else if (runtime === 'mlserver_mlflow') {
      problems.push('parameters.uri: required for mlserver_mlflow, which loads the MLflow model folder uri names and has no well-known file name; without it the model folder itself would be the model, and mlserver-release does not publish the whole folder: put the MLmodel folder in a subfolder and name it');
    } else if (FILE_LOADING_RUNTIMES.includes(runtime)) {
      problems.push(`parameters.uri: required for ${runtime}, which loads a model file from it; without it MLServer hands the runtime the folder and the load fails`);
    } else {
      warnings.push('parameters.uri is not set: only the settings (and a custom runtime beside them) are published, and MLServer gives the runtime the folder itself');
    }
  }
  return { problems, warnings };
}

function uriProblems(uri: string): string[] {
  const where = 'parameters.uri';
  if (uri.trim() === '' || /^(\.\/?)+$/.test(uri.replace(/\\/g, '/'))) {
    return [`${where}: "${uri}" is the model folder itself, which would publish everything in it (including .git and .env); put the artifact in a file or subfolder and name that`];
  }
  if (uri.startsWith('/') || /^[A-Za-z]:[\\/]/.test(uri)) return [`${where}: expected a path relative to the model folder, got the absolute "${uri}"`];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return [`${where}: expected a file path, got the URL "${uri}" (MLServer never downloads models)`];
  const parts = uri.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return [`${where}: "${uri}" leaves the model folder through ".."`];
  if (/[\0\n\r]/.test(uri)) return [`${where}: contains a NUL or line break`];
  if (parts.length === 1 && [SETTINGS_FILE, RECORD_FILE].includes(parts[0])) {
    return [`${where}: "${uri}" collides with the ${parts[0]} that the tool writes into the version folder`];
  }
  if (parts.some((p) => p.toLowerCase() === '.git')) return [`${where}: "${uri}" points into a .git folder, which git cannot store`];
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
