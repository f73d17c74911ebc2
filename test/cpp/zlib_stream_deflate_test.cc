// The streaming compressor on libdeflate (src/bindings/zlib_stream_deflate.cc) driven as zlib's
// deflate() is: random input pieces, flushes and output rooms down to one byte; what comes out
// must inflate (zlib, with the container checked) to what went in, and up to each sync flush
// to everything before it.
#include "bindings/zlib_stream_deflate.h"

#include <zlib.h>

#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "bindings/zlib_mode.h"

namespace {

using ringjs::zlib::StreamDeflate;
using Bytes = std::vector<uint8_t>;

Bytes Input(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  Bytes out(n);
  for (size_t i = 0; i < n; i++) {
    // Runs of text-like bytes and stretches of noise.
    out[i] = (i / 50000) % 3 == 2 ? static_cast<uint8_t>(rng())
                                   : static_cast<uint8_t>('a' + rng() % 8 + (i % 7 == 0));
  }
  return out;
}

// Calls Deflate until it leaves output room (or, for Z_FINISH, reports the end), with rooms
// of `room` bytes.
int Drive(StreamDeflate* deflater, z_stream* strm, int flush, size_t room, Bytes* out) {
  for (;;) {
    uint8_t buf[4096];
    size_t give = std::min(room, sizeof(buf));
    strm->next_out = buf;
    strm->avail_out = static_cast<uInt>(give);
    int err = deflater->Deflate(strm, flush);
    out->insert(out->end(), buf, buf + (give - strm->avail_out));
    if (err != Z_OK && err != Z_BUF_ERROR) return err;
    if (strm->avail_out != 0) {
      EXPECT_EQ(strm->avail_in, 0u);
      if (flush == Z_FINISH) return err;  // must have been Z_STREAM_END
      return Z_OK;
    }
  }
}

int WindowBitsFor(int mode) {
  return mode == ringjs::zlib::GZIP ? 31 : mode == ringjs::zlib::DEFLATE ? 15 : -15;
}

// Inflates in; `finish` requires the stream's end (and its check value) to be there.
bool Inflate(int mode, const Bytes& in, bool finish, Bytes* out) {
  z_stream s{};
  if (inflateInit2(&s, WindowBitsFor(mode)) != Z_OK) return false;
  out->assign(in.size() * 20 + 1024, 0);
  s.next_in = const_cast<Bytef*>(in.data());
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = out->data();
  s.avail_out = static_cast<uInt>(out->size());
  int err = inflate(&s, finish ? Z_FINISH : Z_SYNC_FLUSH);
  out->resize(s.total_out);
  inflateEnd(&s);
  return finish ? err == Z_STREAM_END : (err == Z_OK || err == Z_BUF_ERROR);
}

class ZlibStreamDeflate : public ::testing::TestWithParam<int> {};

TEST_P(ZlibStreamDeflate, RandomWritesFlushesAndRooms) {
  const int mode = GetParam();
  const Bytes input = Input(1500 * 1024, 1);
  for (uint32_t seed = 1; seed <= 12; seed++) {
    SCOPED_TRACE(seed);
    std::mt19937 rng(seed);
    int level = 1 + static_cast<int>(rng() % 9);
    StreamDeflate deflater(mode, level, 8);
    z_stream strm{};
    Bytes out;
    size_t at = 0;
    while (at < input.size()) {
      size_t piece = std::min<size_t>(input.size() - at, rng() % 4 == 0 ? rng() % 100
                                                                        : rng() % 400000);
      strm.next_in = const_cast<Bytef*>(input.data() + at);
      strm.avail_in = static_cast<uInt>(piece);
      at += piece;
      int flush = Z_NO_FLUSH;
      uint32_t pick = rng() % 10;
      if (pick == 0) flush = Z_SYNC_FLUSH;
      if (pick == 1) flush = Z_FULL_FLUSH;
      if (pick == 2) flush = Z_PARTIAL_FLUSH;
      size_t room = rng() % 3 == 0 ? 1 + rng() % 64 : 1 + rng() % 70000;
      ASSERT_EQ(Drive(&deflater, &strm, flush, room, &out), Z_OK);
      if (flush == Z_SYNC_FLUSH || flush == Z_FULL_FLUSH) {
        ASSERT_GE(out.size(), 4u);
        EXPECT_EQ(Bytes(out.end() - 4, out.end()), (Bytes{0, 0, 0xff, 0xff}));
      }
      if (flush != Z_NO_FLUSH && seed % 3 == 0) {
        Bytes so_far;
        ASSERT_TRUE(Inflate(mode, out, false, &so_far));
        ASSERT_EQ(so_far.size(), at);
        EXPECT_TRUE(std::equal(so_far.begin(), so_far.end(), input.begin()));
      }
    }
    strm.next_in = nullptr;
    strm.avail_in = 0;
    ASSERT_EQ(Drive(&deflater, &strm, Z_FINISH, 1 + rng() % 5000, &out), Z_STREAM_END);
    EXPECT_EQ(strm.total_in, input.size());
    Bytes back;
    ASSERT_TRUE(Inflate(mode, out, true, &back));
    EXPECT_TRUE(back == input);
  }
}

TEST_P(ZlibStreamDeflate, ParamsAndReset) {
  const int mode = GetParam();
  const Bytes input = Input(900 * 1024, 2);
  StreamDeflate deflater(mode, 6, 8);
  for (int round = 0; round < 2; round++) {
    z_stream strm{};
    Bytes out;
    const int steps[][2] = {{1, Z_DEFAULT_STRATEGY}, {0, Z_DEFAULT_STRATEGY},
                            {9, Z_RLE},          {4, Z_DEFAULT_STRATEGY}};
    size_t piece = input.size() / 5;
    for (int i = 0; i < 5; i++) {
      strm.next_in = const_cast<Bytef*>(input.data() + i * piece);
      strm.avail_in = static_cast<uInt>(i == 4 ? input.size() - 4 * piece : piece);
      ASSERT_EQ(Drive(&deflater, &strm, i == 4 ? Z_FINISH : Z_SYNC_FLUSH, 16384, &out),
                i == 4 ? Z_STREAM_END : Z_OK);
      if (i < 4) ASSERT_EQ(deflater.Params(steps[i][0], steps[i][1]), Z_OK);
    }
    Bytes back;
    ASSERT_TRUE(Inflate(mode, out, true, &back));
    EXPECT_TRUE(back == input);
    deflater.Reset();
  }
}

TEST_P(ZlibStreamDeflate, SmallAndEmptyStreamsAreZlibs) {
  const int mode = GetParam();
  for (size_t size : {0, 1, 100, 4095}) {
    const Bytes input = Input(size, 3);
    StreamDeflate deflater(mode, 6, 8);
    z_stream strm{};
    strm.next_in = const_cast<Bytef*>(input.data());
    strm.avail_in = static_cast<uInt>(size);
    Bytes ours;
    ASSERT_EQ(Drive(&deflater, &strm, Z_FINISH, 100000, &ours), Z_STREAM_END);
    z_stream z{};
    ASSERT_EQ(deflateInit2(&z, 6, Z_DEFLATED, WindowBitsFor(mode), 8, Z_DEFAULT_STRATEGY), Z_OK);
    Bytes theirs(deflateBound(&z, size));
    z.next_in = const_cast<Bytef*>(input.data());
    z.avail_in = static_cast<uInt>(size);
    z.next_out = theirs.data();
    z.avail_out = static_cast<uInt>(theirs.size());
    ASSERT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    theirs.resize(z.total_out);
    deflateEnd(&z);
    EXPECT_TRUE(ours == theirs) << size;
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, ZlibStreamDeflate,
                         ::testing::Values(ringjs::zlib::GZIP, ringjs::zlib::DEFLATE,
                                           ringjs::zlib::DEFLATERAW));

}  // namespace
