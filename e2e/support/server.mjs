// A static file server for dist/, on loopback only, as any static host
// would serve it: correct MIME types (application/wasm included), and an
// optional sub-path prefix such as /bieumau/.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// `encodings`: the precompressed siblings offered, best first (Lighthouse's
// figures are taken with the .gz alone, as the issue measured them).
export async function serveDist({ dir = resolve('dist'), prefix = '/', headers = {}, precompressed = true, encodings = ['br', 'gzip'] } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let path = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      // As nginx's brotli_static and gzip_static: the precompressed sibling
      // when the browser accepts it, so every test loads what a host sends.
      const accepted = String(req.headers['accept-encoding'] ?? '');
      let encoding = null;
      let body = null;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (body || !precompressed || !encodings.includes(name) || !accepted.includes(name)) continue;
        body = await readFile(file + ext).catch(() => null);
        if (body) encoding = name;
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}
