'use strict';
// Reproducible file contents: seededBytes(seed) returns bytes(size), which gives the next
// `size` bytes of one linear congruential sequence (the same under node and ringjs).
function seededBytes(seed) {
  return function bytes(size) {
    const buf = Buffer.allocUnsafe(size);
    for (let k = 0; k < size; k++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      buf[k] = seed >> 16;
    }
    return buf;
  };
}

module.exports = { seededBytes };
