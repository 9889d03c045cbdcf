import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pathProblems } from '../../src/publish/tree-paths.js';

test('paths git fsck rejects are refused, in every spelling git itself matches', () => {
  const refused = ['.git', 'a/.git/b', '.GIT', '.Git.', '.git ', 'git~1', 'GIT~1', '.gitmodules', 'x/.GitModules', 'gitmod~1',
    '.g\u200cit', '\ufeff.git', '.', 'a/./b', '..', 'a/../b', '', 'a//b', 'a/', 'a\nb', 'a\0b', 'a\\b'];
  for (const p of refused) assert.ok(pathProblems(p).length > 0, `${JSON.stringify(p)} should be refused`);
});

test('NTFS alternate streams and short names of .git and .gitmodules are refused (path.c is_ntfs_dotgit, is_ntfs_dot_generic)', () => {
  for (const p of ['.git:x', 'a/.git::$INDEX_ALLOCATION/b', 'git~1:s', '.gitmodules:x', 'GITMOD~2', 'gitmod~4 .', 'gi7eba~1', 'gi7eb~12', 'g~123456']) {
    assert.ok(pathProblems(p).length > 0, `${JSON.stringify(p)} should be refused`);
  }
});

test('ordinary paths, including near misses, are fine', () => {
  for (const p of ['model.joblib', 'models/iris-v1/model.txt', '.gitignore', 'git', '.github/x', 'x.git', '.git-model', 'a b/c', 'gitmod~5', 'gi7eba~12', 'g~1234567']) {
    assert.equal(pathProblems(p), [], p);
  }
});

test.run();
