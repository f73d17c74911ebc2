// The deflate block walker (src/bindings/zlib_block_walker.cc) over streams made by libdeflate
// and by zlib: stored, fixed and dynamic blocks, multi-block streams and flush points, and
// streams made continuable by UnfinishDeflateStream then inflated by zlib.
#include "bindings/zlib_block_walker.h"

#include <libdeflate.h>
#include <zlib.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using ringjs::zlib::DeflateBlockBounds;
using ringjs::zlib::kSyncMarkerMaxBytes;
using ringjs::zlib::UnfinishDeflateStream;
using ringjs::zlib::WalkDeflateBlocks;
using Bytes = std::vector<uint8_t>;

Bytes RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  Bytes out(n);
  for (auto& b : out) b = static_cast<uint8_t>(rng());
  return out;
}

// Words from a small vocabulary: compresses about 4:1, with long matches.
Bytes Text(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> words;
  for (int i = 0; i < 500; i++) {
    std::string w;
    for (int j = 0, len = 2 + rng() % 9; j < len; j++) w += static_cast<char>('a' + rng() % 26);
    words.push_back(w + ' ');
  }
  Bytes out;
  while (out.size() < n) {
    const std::string& w = words[rng() % words.size()];
    out.insert(out.end(), w.begin(), w.end());
  }
  out.resize(n);
  return out;
}

Bytes Libdeflate(const Bytes& in, int level) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(level);
  Bytes out(libdeflate_deflate_compress_bound(c, in.size()) + kSyncMarkerMaxBytes);
  size_t n = libdeflate_deflate_compress(c, in.data(), in.size(), out.data(), out.size());
  libdeflate_free_compressor(c);
  out.resize(n);
  return out;
}

// Raw deflate by zlib; with flush_every, a flush of that kind after each such piece.
Bytes Zlib(const Bytes& in, int level, int strategy = Z_DEFAULT_STRATEGY, size_t flush_every = 0,
           int flush = Z_NO_FLUSH) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, level, Z_DEFLATED, -15, 8, strategy), Z_OK);
  Bytes out(deflateBound(&s, in.size()) + 64 * (in.size() / (flush_every ? flush_every : 1) + 1));
  s.next_out = out.data();
  s.avail_out = static_cast<uInt>(out.size());
  size_t piece = flush_every ? flush_every : in.size();
  size_t pos = 0;
  do {
    size_t n = std::min(piece, in.size() - pos);
    s.next_in = const_cast<Bytef*>(in.data() + pos);
    s.avail_in = static_cast<uInt>(n);
    pos += n;
    int f = pos == in.size() ? Z_FINISH : flush;
    int err = deflate(&s, f);
    EXPECT_EQ(err, f == Z_FINISH ? Z_STREAM_END : Z_OK);
  } while (pos < in.size());
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

Bytes Inflate(const Bytes& in, size_t expected_size, int* result) {
  z_stream s{};
  EXPECT_EQ(inflateInit2(&s, -15), Z_OK);
  Bytes out(expected_size + 16);
  s.next_in = const_cast<Bytef*>(in.data());
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = out.data();
  s.avail_out = static_cast<uInt>(out.size());
  *result = inflate(&s, Z_FINISH);
  out.resize(s.total_out);
  inflateEnd(&s);
  return out;
}

// The walk covers the whole stream and its last block is marked final.
void ExpectWalksWhole(const Bytes& stream, size_t min_blocks = 1) {
  DeflateBlockBounds bounds;
  ASSERT_TRUE(WalkDeflateBlocks(stream.data(), stream.size(), &bounds));
  EXPECT_EQ((bounds.end + 7) / 8, stream.size());
  EXPECT_LT(bounds.last_block_start, bounds.end);
  EXPECT_TRUE(stream[bounds.last_block_start / 8] & (1u << (bounds.last_block_start % 8)));
  EXPECT_GE(bounds.blocks, min_blocks);
}

// Pieces compressed separately, all but the last unfinished, inflate to the whole input.
void ExpectPiecesJoin(const std::vector<Bytes>& inputs, const std::vector<Bytes>& streams) {
  Bytes joined;
  Bytes expected;
  for (size_t i = 0; i < streams.size(); i++) {
    Bytes piece = streams[i];
    if (i + 1 < streams.size()) {
      size_t size = piece.size();
      piece.resize(size + kSyncMarkerMaxBytes);
      size_t unfinished = UnfinishDeflateStream(piece.data(), size);
      ASSERT_NE(unfinished, 0u);
      ASSERT_LE(unfinished, size + kSyncMarkerMaxBytes);
      piece.resize(unfinished);
      ASSERT_GE(piece.size(), 4u);
      EXPECT_EQ(0, memcmp(piece.data() + piece.size() - 4, "\x00\x00\xff\xff", 4));
    }
    joined.insert(joined.end(), piece.begin(), piece.end());
    expected.insert(expected.end(), inputs[i].begin(), inputs[i].end());
  }
  int result = 0;
  Bytes out = Inflate(joined, expected.size(), &result);
  EXPECT_EQ(result, Z_STREAM_END);
  EXPECT_TRUE(out == expected);
  ExpectWalksWhole(joined, streams.size());
}

TEST(ZlibBlockWalker, LibdeflateEveryLevel) {
  Bytes text = Text(300 * 1024, 1);
  Bytes random = RandomBytes(100 * 1024, 2);
  for (int level = 0; level <= 12; level++) {
    SCOPED_TRACE(level);
    ExpectWalksWhole(Libdeflate(text, level));
    ExpectWalksWhole(Libdeflate(random, level));  // stored blocks at every level
    ExpectWalksWhole(Libdeflate(Bytes{'a'}, level));
    ExpectWalksWhole(Libdeflate(Bytes(), level));
  }
}

TEST(ZlibBlockWalker, ZlibEveryLevelAndStrategy) {
  Bytes text = Text(200 * 1024, 3);
  Bytes random = RandomBytes(70 * 1024, 4);
  for (int level = 0; level <= 9; level++) {
    for (int strategy : {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED}) {
      SCOPED_TRACE(level * 10 + strategy);
      ExpectWalksWhole(Zlib(text, level, strategy), level == 0 ? 3 : 1);
      ExpectWalksWhole(Zlib(random, level, strategy));
      ExpectWalksWhole(Zlib(Bytes(), level, strategy));
    }
  }
}

TEST(ZlibBlockWalker, FixedBlocksOnly) {
  // Z_FIXED: every block fixed-Huffman, long matches and literals above 143 (9-bit codes).
  Bytes data = Text(50 * 1024, 5);
  for (size_t i = 0; i < data.size(); i += 7) data[i] = static_cast<uint8_t>(200 + i % 50);
  Bytes stream = Zlib(data, 9, Z_FIXED);
  EXPECT_EQ(stream[0] & 6, 2);  // BTYPE 01
  ExpectWalksWhole(stream);
}

TEST(ZlibBlockWalker, FlushPointsMakeManyBlocks) {
  Bytes text = Text(100 * 1024, 6);
  for (int flush : {Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_PARTIAL_FLUSH, Z_BLOCK}) {
    SCOPED_TRACE(flush);
    ExpectWalksWhole(Zlib(text, 6, Z_DEFAULT_STRATEGY, 1000, flush), 100);
  }
}

TEST(ZlibBlockWalker, UnfinishedPiecesJoin) {
  std::vector<Bytes> inputs = {Text(128 * 1024, 7), RandomBytes(3000, 8), Bytes{'x'},
                               Text(70000, 9), Bytes(), Text(128 * 1024, 10)};
  for (int level = 0; level <= 12; level++) {
    SCOPED_TRACE(level);
    std::vector<Bytes> streams;
    for (const Bytes& in : inputs) streams.push_back(Libdeflate(in, level));
    ExpectPiecesJoin(inputs, streams);
  }
  for (int level = 0; level <= 9; level++) {
    SCOPED_TRACE(100 + level);
    std::vector<Bytes> streams;
    for (const Bytes& in : inputs) streams.push_back(Zlib(in, level));
    ExpectPiecesJoin(inputs, streams);
  }
}

TEST(ZlibBlockWalker, RejectsTruncatedAndDamagedStreams) {
  for (const Bytes& stream : {Libdeflate(Text(20000, 11), 6), Zlib(Text(20000, 12), 1, Z_FIXED),
                              Libdeflate(RandomBytes(2000, 13), 6)}) {
    DeflateBlockBounds bounds;
    for (size_t cut = 0; cut + 1 < stream.size(); cut += 1 + cut / 16) {
      EXPECT_FALSE(WalkDeflateBlocks(stream.data(), cut, &bounds)) << cut;
    }
  }
  // BTYPE 11 is reserved; a stored block's NLEN must be LEN's complement.
  const uint8_t reserved[] = {0x07, 0x00};
  const uint8_t bad_stored[] = {0x01, 0x01, 0x00, 0x00, 0x00, 'a'};
  DeflateBlockBounds bounds;
  EXPECT_FALSE(WalkDeflateBlocks(reserved, sizeof(reserved), &bounds));
  EXPECT_FALSE(WalkDeflateBlocks(bad_stored, sizeof(bad_stored), &bounds));
  uint8_t none[1] = {0};
  EXPECT_EQ(UnfinishDeflateStream(none, 0), 0u);
  // Noise never crashes or reads past the end (run under ASan to see).
  for (uint32_t seed = 0; seed < 2000; seed++) {
    Bytes noise = RandomBytes(1 + seed % 300, seed);
    WalkDeflateBlocks(noise.data(), noise.size(), &bounds);
  }
}

}  // namespace
