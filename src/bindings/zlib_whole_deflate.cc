// Whole-buffer compression for the convenience functions: the entire input goes through one
// libdeflate call (about twice as fast as zlib at level 6, for a similar ratio), and the gzip or
// zlib container around its raw deflate is written here. The header bytes are those zlib (and
// so node) writes for the same level; the compressed bytes differ from zlib's, as node's own
// (Chromium's zlib) already do. Any valid inflater reads either. Streams and every setting
// libdeflate has no counterpart for (level 0, a strategy, a smaller window, a dictionary) stay
// on zlib (zlib.cc).
#include "bindings/zlib_whole_deflate.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

#include "bindings/zlib_mode.h"

namespace ringjs::zlib {
namespace {

constexpr int kFullWindowBits = 15;
constexpr size_t kGzipHeaderSize = 10;
constexpr size_t kGzipTrailerSize = 8;  // CRC-32, ISIZE
constexpr size_t kZlibHeaderSize = 2;
constexpr size_t kZlibTrailerSize = 4;  // Adler-32
constexpr uint8_t kOsUnix = 3;         // zlib's OS_CODE on this platform

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorDeleter>;

void PutLittleEndian32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
  p[2] = static_cast<uint8_t>(v >> 16);
  p[3] = static_cast<uint8_t>(v >> 24);
}

void PutBigEndian32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

}  // namespace

size_t ContainerHeaderSize(int mode) {
  return mode == GZIP ? kGzipHeaderSize : mode == DEFLATE ? kZlibHeaderSize : 0;
}

size_t ContainerTrailerSize(int mode) {
  return mode == GZIP ? kGzipTrailerSize : mode == DEFLATE ? kZlibTrailerSize : 0;
}

// gzip: zlib's header without name, comment or mtime; XFL says "slowest" at 9, "fastest" at 1.
// zlib: CMF 0x78 (deflate, 32 KiB window), then FLEVEL from the level and FCHECK making the
// pair a multiple of 31.
void WriteContainerHeader(int mode, int level, uint8_t* p) {
  if (mode == GZIP) {
    const uint8_t header[kGzipHeaderSize] = {
        0x1f, 0x8b, Z_DEFLATED, 0, 0, 0, 0, 0,
        static_cast<uint8_t>(level == 9 ? 2 : level < 2 ? 4 : 0), kOsUnix};
    std::copy(header, header + kGzipHeaderSize, p);
  } else if (mode == DEFLATE) {
    unsigned flevel = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3;
    unsigned header = (0x78u << 8) | (flevel << 6);
    header += 31 - header % 31;
    p[0] = static_cast<uint8_t>(header >> 8);
    p[1] = static_cast<uint8_t>(header);
  }
}

uint32_t ContainerCheckStart(int mode) { return mode == DEFLATE ? 1 : 0; }

uint32_t ContainerCheckUpdate(int mode, uint32_t check, const uint8_t* data, size_t len) {
  if (mode == GZIP) return libdeflate_crc32(check, data, len);
  if (mode == DEFLATE) return libdeflate_adler32(check, data, len);
  return check;
}

void WriteContainerTrailer(int mode, uint32_t check, uint64_t total_in, uint8_t* p) {
  if (mode == GZIP) {
    PutLittleEndian32(p, check);
    PutLittleEndian32(p + 4, static_cast<uint32_t>(total_in));
  } else if (mode == DEFLATE) {
    PutBigEndian32(p, check);
  }
}

// This thread's compressor for `level`, kept for the next call: allocating one per call (a
// few hundred KiB of fresh pages) cost small inputs more than the compression itself. One
// level per thread, so the loop thread and each pool thread hold at most one.
libdeflate_compressor* CompressorFor(int level) {
  thread_local Compressor cached;
  thread_local int cached_level = 0;
  if (!cached || cached_level != level) {
    cached.reset(libdeflate_alloc_compressor(level));
    cached_level = cached ? level : 0;
  }
  return cached.get();
}

bool LibdeflateCanCompress(int level, int window_bits, int strategy, bool has_dictionary) {
  return level != 0 && window_bits == kFullWindowBits && strategy == Z_DEFAULT_STRATEGY &&
         !has_dictionary;
}

bool LibdeflateCompress(int mode, int level, const uint8_t* in, size_t len, size_t max_out,
                        WholeOutput* out) {
  if (level < 0) level = kZlibDefaultLevel;
  if (mode != GZIP && mode != DEFLATE && mode != DEFLATERAW) return false;
  size_t header = ContainerHeaderSize(mode);
  size_t trailer = ContainerTrailerSize(mode);
  if (max_out <= header + trailer) return false;
  libdeflate_compressor* c = CompressorFor(level);
  if (c == nullptr) return false;
  // Room for the worst case, but no more than max_out allows: libdeflate then reports that the
  // result does not fit. Pages never written cost nothing, and Release() trims the rest.
  size_t room = std::min(libdeflate_deflate_compress_bound(c, len),
                         max_out - header - trailer);
  if (!out->Reserve(header + room + trailer)) return false;
  uint8_t* start = out->end();
  size_t body = 0;
  if (len == 0) {
    // zlib's empty stream, a final fixed-Huffman block holding only its end code (libdeflate
    // writes an empty stored block, 5 bytes).
    static const uint8_t kEmptyBlock[] = {0x03, 0x00};
    static const uint8_t kNoInput = 0;
    if (room < sizeof(kEmptyBlock)) return false;
    std::copy(kEmptyBlock, kEmptyBlock + sizeof(kEmptyBlock), start + header);
    body = sizeof(kEmptyBlock);
    in = &kNoInput;
  } else {
    body = libdeflate_deflate_compress(c, in, len, start + header, room);
    if (body == 0) return false;
  }
  WriteContainerHeader(mode, level, start);
  WriteContainerTrailer(mode, ContainerCheckUpdate(mode, ContainerCheckStart(mode), in, len), len,
                        start + header + body);
  out->Advance(header + body + trailer);
  return true;
}

}  // namespace ringjs::zlib
