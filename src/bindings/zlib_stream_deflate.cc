// Streaming compression on libdeflate (see zlib_stream_deflate.h). libdeflate compresses a
// whole buffer into a complete deflate stream, about twice as fast as zlib at the same level.
// A stream here is a sequence of such pieces, one per kStreamDeflateChunk of input: each piece
// but the last is made continuable by the block walker (zlib_block_walker.cc), which clears its
// final block's BFINAL bit and appends an empty stored block, so every piece starts at a byte
// boundary. Pieces are independent (none refers back into the one before), which costs a little
// ratio at each start and lets a flush end anywhere. Output waits in pending_ until the
// caller's output room takes it, as zlib's own pending buffer does.
#include "bindings/zlib_stream_deflate.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "bindings/zlib_block_walker.h"
#include "bindings/zlib_mode.h"
#include "bindings/zlib_whole_deflate.h"

namespace ringjs::zlib {
namespace {

constexpr int kFullWindowBits = 15;
constexpr int kDefaultMemLevel = 8;
constexpr size_t kWindowSize = 32 * 1024;
// A flush with less input gathered than this hands the stream to zlib. Pieces cut by flushes
// start without the window before them: on bench/crypto-zlib.js's text, flushing every 128 KiB
// costs 2.5% in size against zlib's stream, every 64 KiB 4.5%, every 16 KiB 13%.
constexpr size_t kFlushedPieceMin = kStreamDeflateChunk / 2;
// zlib's room per deflate() call while the gathered input goes into it (StartZlib).
constexpr size_t kZlibOutputStep = 16 * 1024;

// A final fixed-Huffman block holding only its end code: what zlib ends a stream with when the
// input is used up at a flush point.
constexpr uint8_t kEmptyFinalBlock[] = {0x03, 0x00};
// A non-final empty stored block from a byte boundary: what zlib's Z_SYNC_FLUSH writes.
constexpr uint8_t kEmptyStoredBlock[] = {0x00, 0x00, 0x00, 0xff, 0xff};

}  // namespace

bool StreamDeflateCanStart(int level, int window_bits, int mem_level, int strategy,
                           bool has_dictionary) {
  return level != 0 && window_bits == kFullWindowBits && mem_level == kDefaultMemLevel &&
         strategy == Z_DEFAULT_STRATEGY && !has_dictionary;
}

bool StreamDeflate::Bytes::Reserve(size_t n) {
  if (n <= capacity) return true;
  // Doubling, so that input_ grows to a chunk in a few steps, but not past one on its own.
  size_t grown = std::max(n, std::min(capacity * 2, kStreamDeflateChunk));
  std::unique_ptr<uint8_t[]> fresh(new (std::nothrow) uint8_t[grown]);
  if (!fresh) return false;
  if (size > 0) memcpy(fresh.get(), data.get(), size);
  data = std::move(fresh);
  capacity = grown;
  return true;
}

bool StreamDeflate::Bytes::Append(const uint8_t* p, size_t n) {
  if (!Reserve(size + n)) return false;
  if (n > 0) memcpy(end(), p, n);
  size += n;
  return true;
}

StreamDeflate::StreamDeflate(int mode, int level, int mem_level)
    : mode_(mode), level_(level < 0 ? kZlibDefaultLevel : level), mem_level_(mem_level) {
  memset(&zlib_, 0, sizeof(zlib_));
  check_ = ContainerCheckStart(mode_);
}

StreamDeflate::~StreamDeflate() {
  if (zlib_started_) deflateEnd(&zlib_);
}

void StreamDeflate::Reset() {
  if (zlib_started_) deflateEnd(&zlib_);
  memset(&zlib_, 0, sizeof(zlib_));
  zlib_started_ = false;
  header_done_ = finishing_ = chunk_compressed_ = synced_ = false;
  check_ = ContainerCheckStart(mode_);
  total_in_ = 0;
  input_.size = history_.size = pending_.size = pending_pos_ = 0;
}

int StreamDeflate::Params(int level, int strategy) {
  level_ = level < 0 ? kZlibDefaultLevel : level;
  strategy_ = strategy;
  if (zlib_started_) return deflateParams(&zlib_, level_, strategy_);
  // libdeflate has no stored-only level and no strategies: zlib takes over (params() comes
  // after a sync flush, so the stream is at a byte boundary).
  if (level_ == 0 || strategy_ != Z_DEFAULT_STRATEGY) return StartZlib();
  return Z_OK;
}

int StreamDeflate::Deflate(z_stream* strm, int flush) {
  const uInt avail_in_before = strm->avail_in;
  const uInt avail_out_before = strm->avail_out;
  auto progress = [&] {
    return strm->avail_in != avail_in_before || strm->avail_out != avail_out_before;
  };
  if (!header_done_) {
    if (!pending_.Reserve(ContainerHeaderSize(mode_))) return Z_MEM_ERROR;
    WriteContainerHeader(mode_, level_, pending_.end());
    pending_.size += ContainerHeaderSize(mode_);
    header_done_ = true;
  }
  for (;;) {
    Drain(strm);
    if (pending_pos_ < pending_.size) return Z_OK;  // the output room is full
    if (finishing_) return strm->avail_in == 0 ? Z_STREAM_END : Z_BUF_ERROR;
    if (!zlib_started_ && (level_ == 0 || strategy_ != Z_DEFAULT_STRATEGY)) {
      int err = StartZlib();
      if (err != Z_OK) return err;
    }
    if (zlib_started_) return ZlibStep(strm, flush);

    // A whole chunk straight from the caller's input when nothing is gathered.
    if (input_.size == 0 && strm->avail_in >= kStreamDeflateChunk) {
      const uint8_t* data = strm->next_in;
      bool final = flush == Z_FINISH && strm->avail_in == kStreamDeflateChunk;
      Consume(strm, kStreamDeflateChunk);
      int err = CompressChunk(data, kStreamDeflateChunk, final);
      if (err != Z_OK) return err;
      if (final) {
        if (!AppendTrailer()) return Z_MEM_ERROR;
      } else {
        KeepHistory(data, kStreamDeflateChunk);
      }
      continue;
    }
    size_t take = std::min<size_t>(strm->avail_in, kStreamDeflateChunk - input_.size);
    if (take > 0) {
      if (!input_.Append(strm->next_in, take)) return Z_MEM_ERROR;
      Consume(strm, take);
    }
    bool input_left = strm->avail_in > 0;
    if (input_.size == kStreamDeflateChunk && (input_left || flush != Z_FINISH)) {
      int err = CompressChunk(input_.data.get(), input_.size, false);
      if (err != Z_OK) return err;
      KeepHistory(input_.data.get(), input_.size);
      input_.size = 0;
      continue;
    }
    if (input_left) continue;

    // The caller's input is used up.
    if (flush == Z_NO_FLUSH) return progress() ? Z_OK : Z_BUF_ERROR;
    if (flush == Z_FINISH) {
      if (!chunk_compressed_ && input_.size < kLibdeflateMinInput) {
        // A small stream: zlib's output is smaller than libdeflate's (which stores inputs of a
        // few hundred bytes), and either takes microseconds.
        int err = StartZlib();
        if (err != Z_OK) return err;
        continue;
      }
      if (input_.size == 0) {
        if (!pending_.Append(kEmptyFinalBlock, sizeof(kEmptyFinalBlock))) return Z_MEM_ERROR;
      } else {
        int err = CompressChunk(input_.data.get(), input_.size, true);
        if (err != Z_OK) return err;
        input_.size = 0;
      }
      if (!AppendTrailer()) return Z_MEM_ERROR;
      continue;
    }
    // Any other flush: everything so far goes out, ending at a byte boundary (the pieces are
    // independent, so every sync point is also a full flush point; Z_PARTIAL_FLUSH and Z_BLOCK,
    // whose zlib output need not end aligned, flush libdeflate's pieces the same way).
    bool sync = flush == Z_SYNC_FLUSH || flush == Z_FULL_FLUSH;
    if (input_.size == 0 && (synced_ || sync)) {
      if (synced_) return progress() ? Z_OK : Z_BUF_ERROR;
      if (!pending_.Append(kEmptyStoredBlock, sizeof(kEmptyStoredBlock))) return Z_MEM_ERROR;
      synced_ = true;
      continue;
    }
    if (input_.size < kFlushedPieceMin) {
      // Flushed a little at a time (messages, say): zlib keeps its window across flushes, where
      // pieces this small would each start cold.
      int err = StartZlib();
      if (err != Z_OK) return err;
      continue;
    }
    int err = CompressChunk(input_.data.get(), input_.size, false);
    if (err != Z_OK) return err;
    KeepHistory(input_.data.get(), input_.size);
    input_.size = 0;
  }
}

// Hands pending output to the caller's room.
void StreamDeflate::Drain(z_stream* strm) {
  size_t n = std::min<size_t>(pending_.size - pending_pos_, strm->avail_out);
  if (n > 0) {
    memcpy(strm->next_out, pending_.data.get() + pending_pos_, n);
    strm->next_out += n;
    strm->avail_out -= static_cast<uInt>(n);
    strm->total_out += n;
    pending_pos_ += n;
  }
  if (pending_pos_ == pending_.size) pending_.size = pending_pos_ = 0;
}

// Takes n bytes of the caller's input into the check value.
void StreamDeflate::Consume(z_stream* strm, size_t n) {
  if (n == 0) return;  // next_in may be null, which libdeflate's checksums take as a reset
  check_ = ContainerCheckUpdate(mode_, check_, strm->next_in, n);
  total_in_ += n;
  strm->next_in += n;
  strm->avail_in -= static_cast<uInt>(n);
  strm->total_in += n;
  synced_ = false;
}

// data[0, len) as one piece into pending_: complete when final, else ending in an empty
// stored block.
int StreamDeflate::CompressChunk(const uint8_t* data, size_t len, bool final) {
  libdeflate_compressor* compressor = CompressorFor(level_);
  if (compressor == nullptr) return Z_MEM_ERROR;
  size_t room = libdeflate_deflate_compress_bound(compressor, len);
  if (!pending_.Reserve(pending_.size + room + kSyncMarkerMaxBytes)) return Z_MEM_ERROR;
  size_t size = libdeflate_deflate_compress(compressor, data, len, pending_.end(), room);
  if (size == 0) return Z_STREAM_ERROR;
  if (!final) {
    size = UnfinishDeflateStream(pending_.end(), size);
    if (size == 0) return Z_STREAM_ERROR;
    synced_ = true;
  }
  pending_.size += size;
  chunk_compressed_ = true;
  return Z_OK;
}

// Keeps the last 32 KiB of the input so far (data having just been compressed), the window
// zlib starts from should it take over.
void StreamDeflate::KeepHistory(const uint8_t* data, size_t len) {
  if (!history_.Reserve(kWindowSize)) {
    history_.size = 0;  // zlib then starts without a window, which is still correct
    return;
  }
  if (len >= kWindowSize) {
    memcpy(history_.data.get(), data + len - kWindowSize, kWindowSize);
    history_.size = kWindowSize;
    return;
  }
  size_t keep = std::min(history_.size, kWindowSize - len);
  memmove(history_.data.get(), history_.end() - keep, keep);
  memcpy(history_.data.get() + keep, data, len);
  history_.size = keep + len;
}

// The rest of the stream goes through zlib in raw mode (the container stays ours), from the
// byte boundary where the output stands. Its window starts with the input before input_, and
// input_ (gathered but not yet compressed) goes in first.
int StreamDeflate::StartZlib() {
  int err = deflateInit2(&zlib_, level_, Z_DEFLATED, -kFullWindowBits, mem_level_, strategy_);
  if (err != Z_OK) return err;
  zlib_started_ = true;
  if (history_.size > 0) {
    err = deflateSetDictionary(&zlib_, history_.data.get(), static_cast<uInt>(history_.size));
    if (err != Z_OK) return err;
  }
  zlib_.next_in = input_.data.get();
  zlib_.avail_in = static_cast<uInt>(input_.size);
  while (zlib_.avail_in > 0) {
    if (!pending_.Reserve(pending_.size + kZlibOutputStep)) return Z_MEM_ERROR;
    zlib_.next_out = pending_.end();
    zlib_.avail_out = static_cast<uInt>(kZlibOutputStep);
    err = deflate(&zlib_, Z_NO_FLUSH);
    if (err != Z_OK) return err;
    pending_.size += kZlibOutputStep - zlib_.avail_out;
  }
  input_.size = 0;
  return Z_OK;
}

// One zlib deflate() call on the caller's buffers; the trailer follows its end.
int StreamDeflate::ZlibStep(z_stream* strm, int flush) {
  zlib_.next_in = strm->next_in;
  zlib_.avail_in = strm->avail_in;
  zlib_.next_out = strm->next_out;
  zlib_.avail_out = strm->avail_out;
  int err = deflate(&zlib_, flush);
  Consume(strm, strm->avail_in - zlib_.avail_in);
  size_t produced = strm->avail_out - zlib_.avail_out;
  strm->next_out += produced;
  strm->avail_out -= static_cast<uInt>(produced);
  strm->total_out += produced;
  if (err != Z_STREAM_END) return err;
  if (!AppendTrailer()) return Z_MEM_ERROR;
  Drain(strm);
  return pending_pos_ < pending_.size ? Z_OK : Z_STREAM_END;
}

bool StreamDeflate::AppendTrailer() {
  size_t size = ContainerTrailerSize(mode_);
  if (!pending_.Reserve(pending_.size + size)) return false;
  WriteContainerTrailer(mode_, check_, total_in_, pending_.end());
  pending_.size += size;
  finishing_ = true;
  return true;
}

}  // namespace ringjs::zlib
