// Streaming compression (createGzip, createDeflate, createDeflateRaw) on libdeflate, which
// compresses only whole buffers: see zlib_stream_deflate.cc. No V8 here.
#ifndef RINGJS_BINDINGS_ZLIB_STREAM_DEFLATE_H_
#define RINGJS_BINDINGS_ZLIB_STREAM_DEFLATE_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace ringjs::zlib {

// Whether a compression stream with these settings starts on StreamDeflate: levels 1-9 (or -1),
// the default strategy and memLevel, the full window and no dictionary.
bool StreamDeflateCanStart(int level, int window_bits, int mem_level, int strategy,
                           bool has_dictionary);

// The input gathered per libdeflate call. Each piece starts without the 32 KiB window before
// it: on bench/crypto-zlib.js's text at level 6 the output is 0.5% larger than libdeflate's in
// one call at 512 KiB, 1% at 256 KiB, 2% at 128 KiB and 4% at 64 KiB, for about the same CPU.
constexpr size_t kStreamDeflateChunk = 256 * 1024;

// A deflate stream with zlib's deflate() contract, for mode DEFLATE, GZIP or DEFLATERAW: the
// container (header, check value, trailer) is written here and the deflate data comes from
// libdeflate, one independent chunk of input at a time, each but the last ending in an empty
// stored block so that the next one starts at a byte boundary. A flush with less than half a
// chunk gathered (streams flushed message by message, whose pieces would each start without a
// window) or params() asking for what libdeflate lacks hands the rest of the stream to zlib in
// raw mode, its window primed with the last 32 KiB.
class StreamDeflate {
 public:
  StreamDeflate(int mode, int level, int mem_level);
  ~StreamDeflate();
  StreamDeflate(const StreamDeflate&) = delete;
  StreamDeflate& operator=(const StreamDeflate&) = delete;

  // deflate(strm, flush) on strm's next_in/avail_in/next_out/avail_out (and total_in/out):
  // Z_OK, Z_STREAM_END once Z_FINISH has written everything, Z_BUF_ERROR when no progress was
  // possible, Z_MEM_ERROR or Z_STREAM_ERROR. Z_PARTIAL_FLUSH and Z_BLOCK flush libdeflate's
  // pieces as Z_SYNC_FLUSH does.
  int Deflate(z_stream* strm, int flush);
  // deflateParams after a sync flush: the next input is compressed at `level`.
  int Params(int level, int strategy);
  // deflateReset: a new stream with the current parameters.
  void Reset();

 private:
  // A byte buffer that is not zeroed when it grows (vector::resize would clear every chunk's
  // worst-case output room).
  struct Bytes {
    std::unique_ptr<uint8_t[]> data;
    size_t size = 0;
    size_t capacity = 0;
    bool Reserve(size_t n);
    bool Append(const uint8_t* p, size_t n);
    uint8_t* end() { return data.get() + size; }
  };

  void Drain(z_stream* strm);
  void Consume(z_stream* strm, size_t n);
  int CompressChunk(const uint8_t* data, size_t len, bool final);
  void KeepHistory(const uint8_t* data, size_t len);
  int StartZlib();
  int ZlibStep(z_stream* strm, int flush);
  bool AppendTrailer();

  const int mode_;
  int level_;
  int strategy_ = Z_DEFAULT_STRATEGY;
  const int mem_level_;
  bool header_done_ = false;
  bool finishing_ = false;       // the trailer is in pending_
  bool chunk_compressed_ = false;  // libdeflate has compressed a chunk
  bool synced_ = false;           // the output so far ends in an empty stored block
  bool zlib_started_ = false;
  uint32_t check_ = 0;
  uint64_t total_in_ = 0;
  Bytes input_;    // gathered input, up to kStreamDeflateChunk
  Bytes history_;  // the up to 32 KiB of input before input_
  Bytes pending_;  // output not yet handed out, from pending_pos_
  size_t pending_pos_ = 0;
  z_stream zlib_;
};

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_STREAM_DEFLATE_H_
