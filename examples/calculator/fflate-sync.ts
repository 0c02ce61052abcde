/**
 * fflate without workers, for the calculator page. fflate's `unzip` inflates entries over 512 KB in a
 * Web Worker made from a `blob:` URL; the page's Content-Security-Policy (`default-src 'none'`)
 * forbids that worker, and the promise read-excel-file waits on would never settle. The build
 * (scripts/build-calculator.ts) points read-excel-file's `import … from 'fflate'` here: the same
 * API, with `unzip` done by `unzipSync` on the page's thread (a 100,000-row sheet takes well under a
 * second), its callback called asynchronously as fflate's is.
 */
// the real package: the build redirects 'fflate' here for every importer but this file
import { unzipSync, type AsyncUnzipOptions, type UnzipCallback, type Unzipped } from 'fflate';

export * from 'fflate';

export function unzip(data: Uint8Array, opts: AsyncUnzipOptions | UnzipCallback, cb?: UnzipCallback): () => void {
  const callback = (typeof opts === 'function' ? opts : cb)!;
  const options = typeof opts === 'function' ? {} : opts;
  let cancelled = false;
  setTimeout(() => {
    if (cancelled) return;
    let files: Unzipped;
    try {
      files = unzipSync(data, options);
    } catch (e) {
      callback(e as Parameters<UnzipCallback>[0], null as unknown as Unzipped);
      return;
    }
    callback(null, files);
  }, 0);
  return () => {
    cancelled = true;
  };
}
