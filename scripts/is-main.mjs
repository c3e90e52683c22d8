// Whether the module at `metaUrl` is the script node was asked to run.
// `import.meta.url === 'file://' + argv[1]` is false for a path with a
// space or a Vietnamese letter (percent-encoded in the URL) or through a
// symlink (node runs the real file), and a check guarded by it would then
// silently do nothing: both sides are compared as real paths instead.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isMain(metaUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(fileURLToPath(metaUrl)) === realpathSync(process.argv[1]);
  } catch {
    return false;
  }
}
