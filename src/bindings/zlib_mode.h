// The engine modes of internalBinding('zlib') (node's node_zlib_mode numbering: JS sees them as
// constants.DEFLATE ...), shared by the stream handles (zlib.cc) and the whole-buffer inflate
// (zlib_whole_buffer.cc).
#ifndef RINGJS_BINDINGS_ZLIB_MODE_H_
#define RINGJS_BINDINGS_ZLIB_MODE_H_

namespace ringjs::zlib {

enum Mode {
  NONE,
  DEFLATE,
  INFLATE,
  GZIP,
  GUNZIP,
  DEFLATERAW,
  INFLATERAW,
  UNZIP,
  BROTLI_DECODE,
  BROTLI_ENCODE
};

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_MODE_H_
