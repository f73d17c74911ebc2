// Deflate block walker: see zlib_block_walker.h. Written from RFC 1951: a bit reader, canonical
// Huffman decoding through an 11-bit lookup table (longer codes are decoded bit by bit), and the
// three block types. Symbols are decoded only to skip them and their extra bits.
#include "bindings/zlib_block_walker.h"

#include <endian.h>

#include <cstring>

namespace ringjs::zlib {
namespace {

constexpr int kMaxCodeLength = 15;
constexpr int kMaxLitLenSymbols = 288;
constexpr int kEndOfBlock = 256;
constexpr int kMaxLengthSymbol = 285;
constexpr int kMaxDistanceSymbol = 29;

// Extra bits after length symbols 257..285 and distance symbols 0..29.
constexpr uint8_t kLengthExtraBits[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                        2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint8_t kDistanceExtraBits[] = {0, 0, 0, 0, 1, 1, 2,  2,  3,  3,  4,  4,  5,  5,  6,
                                          6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block lists the code-length code's lengths.
constexpr uint8_t kCodeLengthOrder[] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                        11, 4,  12, 3, 13, 2, 14, 1, 15};

// Reads the stream least significant bit first. Past the end it reads zeros; position() then
// exceeds the data's bits, which the walker checks.
class BitReader {
 public:
  BitReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  // Makes at least 56 bits available.
  void Refill() {
    if (next_ + 8 <= size_) {
      uint64_t word;
      memcpy(&word, data_ + next_, sizeof(word));
      bits_ |= le64toh(word) << count_;
      next_ += (63 - count_) >> 3;
      count_ |= 56;
      return;
    }
    while (count_ <= 56) {
      if (next_ < size_) bits_ |= static_cast<uint64_t>(data_[next_]) << count_;
      next_++;
      count_ += 8;
    }
  }

  uint64_t Peek() const { return bits_; }
  void Drop(unsigned n) {
    bits_ >>= n;
    count_ -= n;
  }
  unsigned Take(unsigned n) {
    unsigned value = static_cast<unsigned>(bits_ & ((uint64_t{1} << n) - 1));
    Drop(n);
    return value;
  }

  size_t position() const { return next_ * 8 - count_; }
  bool overrun() const { return position() > size_ * 8; }

  // Continues at byte `offset` (for stored blocks).
  void Seek(size_t offset) {
    next_ = offset;
    bits_ = 0;
    count_ = 0;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t next_ = 0;  // the next byte to load
  uint64_t bits_ = 0;
  unsigned count_ = 0;
};

// A canonical Huffman code from its code lengths.
class HuffmanCode {
 public:
  // False when the lengths over-subscribe the code (incomplete codes are accepted; a pattern
  // that no symbol has then fails to decode).
  bool Build(const uint8_t* lengths, int n) {
    uint16_t counts[kMaxCodeLength + 1] = {};
    for (int i = 0; i < n; i++) counts[lengths[i]]++;
    counts[0] = 0;
    int left = 1;
    for (int len = 1; len <= kMaxCodeLength; len++) {
      left = (left << 1) - counts[len];
      if (left < 0) return false;
    }
    uint16_t offsets[kMaxCodeLength + 2] = {};
    for (int len = 1; len <= kMaxCodeLength; len++) offsets[len + 1] = offsets[len] + counts[len];
    for (int i = 0; i < n; i++) {
      if (lengths[i] != 0) symbols_[offsets[lengths[i]]++] = static_cast<uint16_t>(i);
    }
    memcpy(counts_, counts, sizeof(counts_));
    // Table entries for codes of up to kTableBits: every index whose low bits are the code
    // (bit-reversed, as codes are sent most significant bit first).
    memset(table_, 0, sizeof(table_));
    unsigned code = 0;
    int symbol_index = 0;
    for (int len = 1; len <= kTableBits; len++) {
      for (int k = 0; k < counts[len]; k++, code++) {
        uint16_t entry = static_cast<uint16_t>((symbols_[symbol_index++] << 4) | len);
        unsigned reversed = Reverse(code, len);
        for (unsigned i = reversed; i < (1u << kTableBits); i += 1u << len) table_[i] = entry;
      }
      code <<= 1;
    }
    return true;
  }

  // The next symbol (the reader holds at least 15 bits), or -1 for a pattern no symbol has.
  int Decode(BitReader* reader) const {
    uint16_t entry = table_[reader->Peek() & ((1u << kTableBits) - 1)];
    if (__builtin_expect(entry != 0, 1)) {
      reader->Drop(entry & 15);
      return entry >> 4;
    }
    return DecodeLong(reader);
  }

 private:
  static constexpr int kTableBits = 11;

  // Codes longer than the table: the canonical code walked one bit at a time. At each length,
  // the codes of that length are [first, first + count).
  __attribute__((noinline)) int DecodeLong(BitReader* reader) const {
    uint64_t bits = reader->Peek();
    int code = 0;
    int first = 0;
    int index = 0;
    for (int len = 1; len <= kMaxCodeLength; len++) {
      code |= static_cast<int>(bits & 1);
      bits >>= 1;
      int count = counts_[len];
      if (code - first < count) {
        reader->Drop(len);
        return symbols_[index + code - first];
      }
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return -1;
  }

  static unsigned Reverse(unsigned code, int len) {
    unsigned reversed = 0;
    for (int i = 0; i < len; i++, code >>= 1) reversed = (reversed << 1) | (code & 1);
    return reversed;
  }

  uint16_t table_[1 << kTableBits];  // symbol << 4 | length; 0 for longer codes
  uint16_t counts_[kMaxCodeLength + 1];
  uint16_t symbols_[kMaxLitLenSymbols];  // by code length, then symbol
};

struct FixedCodes {
  HuffmanCode litlen;
  HuffmanCode distance;
  FixedCodes() {
    uint8_t lengths[kMaxLitLenSymbols];
    memset(lengths, 8, 144);
    memset(lengths + 144, 9, 256 - 144);
    memset(lengths + 256, 7, 280 - 256);
    memset(lengths + 280, 8, kMaxLitLenSymbols - 280);
    litlen.Build(lengths, kMaxLitLenSymbols);
    memset(lengths, 5, 32);
    distance.Build(lengths, 32);
  }
};

const FixedCodes& Fixed() {
  static const FixedCodes codes;
  return codes;
}

// Skips a Huffman block's symbols up to and including its end-of-block code.
bool SkipSymbols(BitReader* reader, const HuffmanCode& litlen, const HuffmanCode& distance) {
  for (;;) {
    // Past the end the reader yields zeros, which may decode as symbols forever.
    if (reader->overrun()) return false;
    // 56 bits hold up to three codes of at most 15 bits: literals run on without a refill.
    reader->Refill();
    int symbol = litlen.Decode(reader);
    if (symbol >= 0 && symbol < kEndOfBlock) {
      symbol = litlen.Decode(reader);
      if (symbol >= 0 && symbol < kEndOfBlock) {
        symbol = litlen.Decode(reader);
        if (symbol >= 0 && symbol < kEndOfBlock) continue;
      }
    }
    if (symbol < 0) return false;
    if (symbol == kEndOfBlock) return !reader->overrun();
    if (symbol > kMaxLengthSymbol) return false;
    // A length's extra bits, its distance code and the distance's extra bits: up to 33 bits.
    reader->Refill();
    reader->Drop(kLengthExtraBits[symbol - 257]);
    int d = distance.Decode(reader);
    if (d < 0 || d > kMaxDistanceSymbol) return false;
    reader->Drop(kDistanceExtraBits[d]);
  }
}

// Reads a dynamic block's code definitions (after its 3 header bits).
bool ReadDynamicCodes(BitReader* reader, HuffmanCode* litlen, HuffmanCode* distance) {
  reader->Refill();
  unsigned litlen_count = reader->Take(5) + 257;
  unsigned distance_count = reader->Take(5) + 1;
  unsigned code_length_count = reader->Take(4) + 4;
  if (litlen_count > 286 || distance_count > 30) return false;
  uint8_t code_length_lengths[19] = {};
  for (unsigned i = 0; i < code_length_count; i++) {
    reader->Refill();
    code_length_lengths[kCodeLengthOrder[i]] = static_cast<uint8_t>(reader->Take(3));
  }
  HuffmanCode code_lengths;
  if (!code_lengths.Build(code_length_lengths, 19)) return false;
  uint8_t lengths[286 + 30];
  unsigned total = litlen_count + distance_count;
  for (unsigned n = 0; n < total;) {
    reader->Refill();
    int symbol = code_lengths.Decode(reader);
    if (symbol < 0) return false;
    if (symbol < 16) {
      lengths[n++] = static_cast<uint8_t>(symbol);
      continue;
    }
    uint8_t value = 0;
    unsigned repeat = 0;
    if (symbol == 16) {
      if (n == 0) return false;
      value = lengths[n - 1];
      repeat = 3 + reader->Take(2);
    } else if (symbol == 17) {
      repeat = 3 + reader->Take(3);
    } else {
      repeat = 11 + reader->Take(7);
    }
    if (n + repeat > total) return false;
    memset(lengths + n, value, repeat);
    n += repeat;
  }
  if (lengths[kEndOfBlock] == 0 || reader->overrun()) return false;
  return litlen->Build(lengths, static_cast<int>(litlen_count)) &&
         distance->Build(lengths + litlen_count, static_cast<int>(distance_count));
}

}  // namespace

bool WalkDeflateBlocks(const uint8_t* data, size_t size, DeflateBlockBounds* bounds) {
  BitReader reader(data, size);
  HuffmanCode litlen;
  HuffmanCode distance;
  *bounds = DeflateBlockBounds();
  for (;;) {
    reader.Refill();
    size_t start = reader.position();
    bool final = reader.Take(1) != 0;
    unsigned type = reader.Take(2);
    bounds->blocks++;
    if (type == 0) {
      // Stored: LEN and its complement NLEN from the next byte boundary, then LEN bytes.
      size_t offset = (reader.position() + 7) / 8;
      if (offset + 4 > size) return false;
      unsigned len = data[offset] | (data[offset + 1] << 8);
      unsigned nlen = data[offset + 2] | (data[offset + 3] << 8);
      if ((len ^ 0xffffu) != nlen) return false;
      offset += 4 + len;
      if (offset > size) return false;
      reader.Seek(offset);
    } else if (type == 1) {
      if (!SkipSymbols(&reader, Fixed().litlen, Fixed().distance)) return false;
    } else if (type == 2) {
      if (!ReadDynamicCodes(&reader, &litlen, &distance) ||
          !SkipSymbols(&reader, litlen, distance)) {
        return false;
      }
    } else {
      return false;
    }
    if (reader.overrun()) return false;
    if (final) {
      bounds->last_block_start = start;
      bounds->end = reader.position();
      return true;
    }
  }
}

size_t UnfinishDeflateStream(uint8_t* data, size_t size) {
  DeflateBlockBounds bounds;
  if (!WalkDeflateBlocks(data, size, &bounds)) return 0;
  data[bounds.last_block_start / 8] &= static_cast<uint8_t>(~(1u << (bounds.last_block_start % 8)));
  // The empty stored block: three zero header bits at `end`, zero padding to the byte boundary,
  // LEN 0000 and NLEN ffff.
  size_t byte = bounds.end / 8;
  unsigned used = bounds.end % 8;
  size_t aligned = (bounds.end + 3 + 7) / 8;
  if (used != 0) data[byte] &= static_cast<uint8_t>((1u << used) - 1);
  for (size_t i = used != 0 ? byte + 1 : byte; i < aligned; i++) data[i] = 0;
  static const uint8_t kEmptyStored[] = {0x00, 0x00, 0xff, 0xff};
  memcpy(data + aligned, kEmptyStored, sizeof(kEmptyStored));
  return aligned + sizeof(kEmptyStored);
}

}  // namespace ringjs::zlib
