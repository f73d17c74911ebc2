'use strict';
// Whole-buffer processing for the convenience functions (gzipSync, inflate(buf, cb), ...).
// Their entire input goes through one native call instead of one engine step per output chunk
// (on the thread pool for the callback forms):
//  - compression: one libdeflate call where its settings allow, else one zlib deflate() call
//    with the engine's own settings (handle.processWhole, src/bindings/zlib.cc and
//    zlib_whole_deflate.cc);
//  - decompression of zlib and gzip input: one libdeflate call
//    (src/bindings/zlib_whole_buffer.cc);
//  - brotli decompression: one decoder call into a growing buffer (handle.processWhole).
// The native side declines whatever it cannot answer exactly as the chunked engine would
// (corrupt or truncated input, unusual headers, output over maxOutputLength): the caller then
// runs the engine, which produces its own result or error.

const binding = internalBinding('zlib');
const { Buffer } = require('buffer');

const { INFLATE, GUNZIP, UNZIP } = binding.constants;

const isInflate = (mode) => mode === INFLATE || mode === GUNZIP || mode === UNZIP;

// The Buffer the engine would produce from view, or undefined when the engine must run.
function processWholeSync(handle, mode, view, maxOutputLength) {
  const out = isInflate(mode) ?
    binding.inflateWhole(mode, view, maxOutputLength) :
    handle.processWhole(view, maxOutputLength);
  return out === undefined ? undefined : Buffer.from(out);
}

// callback(Buffer) or callback(undefined) (the engine must run), from a later loop turn.
function processWholeThen(handle, mode, view, maxOutputLength, callback) {
  const done = (out) => callback(out === undefined ? undefined : Buffer.from(out));
  if (isInflate(mode)) {
    binding.inflateWholeAsync(mode, view, maxOutputLength, done);
  } else {
    handle.processWholeAsync(view, maxOutputLength, done);
  }
}

module.exports = { processWholeSync, processWholeThen };
