'use strict';
// Random (seeded) calls of every Buffer, buffer-module and StringDecoder entry point with odd
// arguments and receivers: each either returns or throws; the process must never abort in the
// binding (JS validates everything first).
const buffer = require('buffer');
const { StringDecoder } = require('string_decoder');
let seed = 20261123;
function rnd() { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; }
const pick = (a) => a[Math.floor(rnd() * a.length)];
const values = () => [undefined, null, 0, -1, 1, 2, 3, 7, 8, 1.5, -0.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 31), '1', '', 'abc', 'hex', 'base64', 'utf8', 'ucs2', 'latin1', 'ascii', 'base64url', 'foo', {}, [], [1, 2], true, 1n, Symbol('s'),
  Buffer.from('hello world'), Buffer.alloc(0), new Uint16Array(3), new Float64Array(2), new DataView(new ArrayBuffer(5)), new ArrayBuffer(6), Buffer.alloc(200, 1), 'a\ud800b', '\u20ac\u20ac', () => 1, { length: 3 }, { valueOf() { return 5; } }];
const V = values();
const receivers = [Buffer.from('hello world'), Buffer.alloc(0), Buffer.alloc(300, 2), new Uint16Array(4), new Float32Array(64), new DataView(new ArrayBuffer(9)), Buffer.from('abc').subarray(1), new Uint8Array(5)];
const protoNames = Object.getOwnPropertyNames(Buffer.prototype).filter((n) => typeof Buffer.prototype[n] === 'function' && n !== 'constructor');
let calls = 0, threw = 0;
for (let i = 0; i < 15000; i++) {
  const args = [];
  const n = Math.floor(rnd() * 5);
  for (let k = 0; k < n; k++) args.push(pick(V));
  try {
    const r = rnd();
    if (r < 0.6) {
      const name = pick(protoNames);
      Reflect.apply(Buffer.prototype[name], pick(receivers), args);
    } else if (r < 0.8) {
      const name = pick(['from', 'alloc', 'allocUnsafe', 'allocUnsafeSlow', 'concat', 'byteLength', 'compare', 'isEncoding', 'copyBytesFrom', 'of']);
      if ((name === 'alloc' || name.startsWith('allocUnsafe')) && typeof args[0] === 'number' && args[0] > 1e7) continue;
      Reflect.apply(Buffer[name], Buffer, args);
    } else if (r < 0.9) {
      const name = pick(['transcode', 'isUtf8', 'isAscii', 'atob', 'btoa', 'SlowBuffer']);
      if (name === 'SlowBuffer' && typeof args[0] === 'number' && args[0] > 1e7) continue;
      buffer[name](...args);
    } else {
      const d = new StringDecoder(pick(['utf8', 'utf16le', 'base64', 'hex']));
      d.write(pick(receivers)); d.text(pick(receivers), pick(V)); d.end(pick(V));
    }
  } catch (e) { threw++; }
  calls++;
}
console.log('survived', calls, 'calls,', threw, 'threw');
