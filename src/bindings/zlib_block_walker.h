// A minimal walker over the blocks of a raw deflate stream (RFC 1951): it decodes block headers
// and Huffman symbols only far enough to know where each block starts and ends, producing no
// output. The streaming compressor (zlib_stream_deflate.cc) uses it to turn a complete stream
// from libdeflate, which always ends in a final block, into one that can be continued.
#ifndef RINGJS_BINDINGS_ZLIB_BLOCK_WALKER_H_
#define RINGJS_BINDINGS_ZLIB_BLOCK_WALKER_H_

#include <cstddef>
#include <cstdint>

namespace ringjs::zlib {

// Bit positions (from the first bit of data, least significant bit of a byte first).
struct DeflateBlockBounds {
  size_t last_block_start = 0;  // the header of the block with BFINAL set
  size_t end = 0;               // just after that block's end-of-block code (or stored bytes)
  size_t blocks = 0;            // how many blocks were walked
};

// Walks data[0, size) block by block up to the first block with BFINAL set. False when the data
// is not a well-formed deflate stream or ends before that block does.
bool WalkDeflateBlocks(const uint8_t* data, size_t size, DeflateBlockBounds* bounds);

// The bytes an empty stored block adds after a block ends: at most 7 bits of header and padding,
// then LEN 0 and NLEN 0xffff.
constexpr size_t kSyncMarkerMaxBytes = 5;

// Turns the complete deflate stream in data[0, size) into the start of a longer one: its final
// block loses BFINAL and an empty stored block follows it (what zlib's Z_SYNC_FLUSH writes), so
// the result ends byte-aligned with 00 00 ff ff and the next block may start at its end. data
// must have room for kSyncMarkerMaxBytes more bytes. Returns the new size, 0 when the data is
// not a well-formed stream.
size_t UnfinishDeflateStream(uint8_t* data, size_t size);

}  // namespace ringjs::zlib

#endif  // RINGJS_BINDINGS_ZLIB_BLOCK_WALKER_H_
