// The check value of a zlib stream engine's inflated output (the CRC-32 of a gzip member, the
// Adler-32 of a zlib stream), computed with libdeflate's vectorized functions instead of zlib's
// table-driven ones, which take about a sixth of Debian zlib's inflate time. zlib's own check
// is switched off (inflateValidate) once a stream's header has been read, so zlib still
// verifies a gzip header CRC; the trailer is then compared here and a mismatch reported with
// zlib's own messages, at the same inflate() call where zlib would have reported it.
#ifndef RINGJS_BINDINGS_ZLIB_INFLATE_CHECK_H_
#define RINGJS_BINDINGS_ZLIB_INFLATE_CHECK_H_

#include <libdeflate.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>

namespace ringjs::zlib {

class InflateCheck {
 public:
  // After inflateInit2() or inflateReset() of strm; window_bits as given to inflateInit2 (raw
  // deflate, below 0, has no check).
  void Start(z_stream* strm, int window_bits) {
    message_ = nullptr;
    length_ = 0;
    memset(tail_, 0, sizeof(tail_));
    if (window_bits < 0) {
      state_ = kOff;
    } else if (window_bits <= 15) {
      // zlib format only: nothing to verify in its header.
      inflateValidate(strm, 0);
      Own(false);
    } else {
      // gzip, or either: zlib checks the header, and says which it was.
      inflateValidate(strm, 1);
      memset(&header_, 0, sizeof(header_));
      state_ = inflateGetHeader(strm, &header_) == Z_OK ? kHeader : kOff;
    }
  }

  // Called after each inflate() with the input and output positions from before the call and
  // inflate's result; returns that result, or Z_DATA_ERROR for a failed trailer check.
  int After(z_stream* strm, const Bytef* in_before, const Bytef* out_before, int result) {
    if (state_ == kOff) return result;
    Remember(in_before, static_cast<size_t>(strm->next_in - in_before));
    bool zlib_checked = state_ == kHeader;
    if (state_ == kHeader && header_.done != 0) {
      // Output only follows a complete header, so none was produced before this point.
      inflateValidate(strm, 0);
      Own(header_.done == 1);
    }
    size_t produced = static_cast<size_t>(strm->next_out - out_before);
    if (state_ == kOwn && produced > 0) {
      value_ = gzip_ ? libdeflate_crc32(value_, out_before, produced)
                     : libdeflate_adler32(value_, out_before, produced);
      length_ += static_cast<uint32_t>(produced);
    }
    if (result != Z_STREAM_END || zlib_checked) return result;
    return VerifyTrailer();
  }

  // The message of the last failed check, or nullptr.
  const char* message() const { return message_; }

 private:
  enum State { kOff, kHeader, kOwn };

  void Own(bool gzip) {
    state_ = kOwn;
    gzip_ = gzip;
    value_ = gzip ? 0 : 1;  // The initial CRC-32 and Adler-32.
  }

  // Keeps the last 8 consumed bytes: at the end of a stream they hold its trailer.
  void Remember(const Bytef* in, size_t n) {
    if (n >= sizeof(tail_)) {
      memcpy(tail_, in + n - sizeof(tail_), sizeof(tail_));
    } else if (n > 0) {
      memmove(tail_, tail_ + n, sizeof(tail_) - n);
      memcpy(tail_ + sizeof(tail_) - n, in, n);
    }
  }

  // gzip: CRC-32 then length, both little-endian; zlib: Adler-32, big-endian.
  int VerifyTrailer() {
    if (gzip_) {
      if (LoadLittle(tail_) != value_) return Fail("incorrect data check");
      if (LoadLittle(tail_ + 4) != length_) return Fail("incorrect length check");
    } else {
      uint32_t adler = static_cast<uint32_t>(tail_[4]) << 24 |
                       static_cast<uint32_t>(tail_[5]) << 16 |
                       static_cast<uint32_t>(tail_[6]) << 8 | tail_[7];
      if (adler != value_) return Fail("incorrect data check");
    }
    return Z_STREAM_END;
  }

  static uint32_t LoadLittle(const uint8_t* p) {
    return p[0] | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
           static_cast<uint32_t>(p[3]) << 24;
  }

  int Fail(const char* message) {
    message_ = message;
    return Z_DATA_ERROR;
  }

  State state_ = kOff;
  bool gzip_ = false;
  uint32_t value_ = 0;
  uint32_t length_ = 0;
  uint8_t tail_[8] = {};
  gz_header header_ = {};
  const char* message_ = nullptr;
};

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_INFLATE_CHECK_H_
