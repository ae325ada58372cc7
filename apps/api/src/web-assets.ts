import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';

/**
 * The web build's static files (its `client` folder), read into memory when the app starts and
 * served from there. The SvelteKit handler serves them with sirv, which lists the files at start
 * and streams each from disk with no error listener: once a rebuild had replaced them, a request
 * for one ended the process. Held in memory, the files are those of the build this process
 * renders pages with, so a browser holding one of its pages keeps getting its scripts and styles
 * whatever happens on disk. The folder is the app's own code, about a megabyte.
 */

type Encoding = 'br' | 'gzip' | 'identity';

interface Asset {
  type: string;
  immutable: boolean;
  etag: string;
  bodies: Partial<Record<Encoding, Buffer>>;
}

export interface AssetAnswer {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

const precompressed: Record<string, Encoding> = { '.br': 'br', '.gz': 'gzip' };

/** URL path prefix of SvelteKit's generated files, whose names change with their content. */
const IMMUTABLE_PREFIX = '/_app/immutable/';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export class WebAssets {
  private constructor(private readonly assets: Map<string, Asset>) {}

  static async load(clientDir: string): Promise<WebAssets> {
    const assets = new Map<string, Asset>();
    for (const file of await filesUnder(clientDir)) {
      const urlPath = '/' + relative(clientDir, file).split(sep).join('/');
      const encoding = precompressed[extname(urlPath)] ?? 'identity';
      const path = encoding === 'identity' ? urlPath : urlPath.slice(0, -extname(urlPath).length);
      const asset = assets.get(path) ?? {
        type: contentTypes[extname(path)] ?? 'application/octet-stream',
        immutable: path.startsWith(IMMUTABLE_PREFIX),
        etag: '',
        bodies: {},
      };
      asset.bodies[encoding] = await readFile(file);
      assets.set(path, asset);
    }
    for (const [path, asset] of assets) {
      // A compressed copy alone (its original deleted) is no asset: not every client accepts it.
      if (!asset.bodies.identity) assets.delete(path);
      else asset.etag = `"${createHash('sha256').update(asset.bodies.identity).digest('base64url').slice(0, 27)}"`;
    }
    return new WebAssets(assets);
  }

  /**
   * Whether a path is the build's to answer: one of its files, or anything under its generated
   * folder (an asset of another build is a 404 here, never handed on to read from disk).
   */
  owns(path: string): boolean {
    return this.assets.has(path) || path.startsWith(IMMUTABLE_PREFIX);
  }

  answer(path: string, headers: { 'accept-encoding'?: string; 'if-none-match'?: string }): AssetAnswer {
    const asset = this.assets.get(path);
    if (!asset)
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') };
    const common = {
      etag: asset.etag,
      vary: 'Accept-Encoding',
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (headers['if-none-match'] === asset.etag) return { status: 304, headers: common };
    const encoding = pickEncoding(asset, headers['accept-encoding'] ?? '');
    const body = asset.bodies[encoding]!;
    return {
      status: 200,
      headers: {
        ...common,
        'content-type': asset.type,
        'content-length': String(body.length),
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      },
      body,
    };
  }
}

/** The smallest copy the client accepts: brotli, then gzip, then the file itself. */
function pickEncoding(asset: Asset, acceptEncoding: string): Encoding {
  const accepted = new Set(
    acceptEncoding
      .toLowerCase()
      .split(',')
      .filter((part) => !/;\s*q=0(\.0*)?\s*$/.test(part))
      .map((part) => part.split(';')[0]!.trim()),
  );
  if (asset.bodies.br && accepted.has('br')) return 'br';
  if (asset.bodies.gzip && accepted.has('gzip')) return 'gzip';
  return 'identity';
}
