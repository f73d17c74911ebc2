'use strict';
// fs.openAsBlob(): a Blob whose bytes stay in the file until read, as node's. The part knows
// the file's size and mtime when the Blob was made; a read finding either changed (or the file
// gone, or unreadable: a directory) fails with a NotReadableError DOMException.

const { blobFromParts } = require('internal/blob');

let lazyDOMException;
function notReadable() {
  lazyDOMException ??= require('internal/per_context/domexception').DOMException;
  return new lazyDOMException('The blob could not be read', 'NotReadableError');
}

class FilePart {
  constructor(path, stats, start, byteLength) {
    this.path = path;
    this.stats = stats;
    this.start = start;
    this.byteLength = byteLength;
  }

  subarray(from, to) {
    return new FilePart(this.path, this.stats, this.start + from, to - from);
  }

  async read() {
    let fh;
    try {
      fh = await require('fs/promises').open(this.path, 'r');
      const now = await fh.stat();
      if (now.size !== this.stats.size || now.mtimeMs !== this.stats.mtimeMs) throw notReadable();
      const bytes = new Uint8Array(this.byteLength);
      for (let done = 0; done < bytes.length;) {
        const { bytesRead } = await fh.read(bytes, done, bytes.length - done, this.start + done);
        if (bytesRead === 0) throw notReadable();
        done += bytesRead;
      }
      return bytes;
    } catch {
      throw notReadable();
    } finally {
      await fh?.close();
    }
  }
}

// The Blob of the file at `path` whose stats are `stats`.
function fileBlob(path, stats, type) {
  const parts = stats.size > 0 ? [new FilePart(path, stats, 0, stats.size)] : [];
  return blobFromParts(parts, type);
}

module.exports = { fileBlob };
