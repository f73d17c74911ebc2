// Whole-buffer compression by libdeflate for the convenience functions (gzipSync, deflate(buf,
// cb), ...): see zlib_whole_deflate.cc.
#ifndef RINGJS_BINDINGS_ZLIB_WHOLE_DEFLATE_H_
#define RINGJS_BINDINGS_ZLIB_WHOLE_DEFLATE_H_

#include <cstddef>
#include <cstdint>

#include "bindings/zlib_whole_buffer.h"

struct libdeflate_compressor;

namespace ringjs::zlib {

// Whether libdeflate may stand in for zlib with these stream settings (window_bits as the
// caller gave it, 8..15): a level of 1..9 or -1, the default strategy, the full window and no
// dictionary. memLevel only sizes zlib's own state, so it does not matter.
bool LibdeflateCanCompress(int level, int window_bits, int strategy, bool has_dictionary);

constexpr int kZlibDefaultLevel = 6;  // what level -1 means

// The gzip or zlib container around raw deflate, for `mode` DEFLATE, GZIP or DEFLATERAW (which
// has none): the header as zlib writes it at `level`, the check value (CRC-32 or Adler-32) of
// the input and the trailer.
size_t ContainerHeaderSize(int mode);
size_t ContainerTrailerSize(int mode);
void WriteContainerHeader(int mode, int level, uint8_t* p);
uint32_t ContainerCheckStart(int mode);
uint32_t ContainerCheckUpdate(int mode, uint32_t check, const uint8_t* data, size_t len);
void WriteContainerTrailer(int mode, uint32_t check, uint64_t total_in, uint8_t* p);

// The calling thread's libdeflate compressor for `level` (1..9), or nullptr without memory.
libdeflate_compressor* CompressorFor(int level);

// Inputs smaller than this stay on zlib: libdeflate stores inputs of up to a few hundred bytes
// uncompressed (bigger than zlib's output, and node's), and below a few KiB either library
// takes microseconds.
constexpr size_t kLibdeflateMinInput = 4096;

// All of in compressed in `mode` (DEFLATE, GZIP or DEFLATERAW) at `level` into out, the
// container's header written as zlib writes it for that level. False when the result would
// exceed max_out or memory runs out: the caller then runs zlib, whose own output may fit.
bool LibdeflateCompress(int mode, int level, const uint8_t* in, size_t len, size_t max_out,
                        WholeOutput* out);

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_WHOLE_DEFLATE_H_
