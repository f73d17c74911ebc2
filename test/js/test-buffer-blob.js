'use strict';
// Blob and File (synchronous parts; the promise-returning methods are checked at the end).
// Each case is an expression and node 20's result (a value, or the error's name, code and
// message), recorded from node and embedded here.
const assert = require('assert');
const buffer = require('buffer');
const { Buffer } = buffer;

function normalize(v) {
  if (Buffer.isBuffer(v)) return { buffer: v.toString('hex') };
  if (typeof v === 'bigint') return { bigint: String(v) };
  if (v === undefined) return { undefined: true };
  if (typeof v === 'number' && !Number.isFinite(v)) return { number: String(v) };
  return JSON.parse(JSON.stringify(v));
}

const cases = [
  ["empty", () => ((() => { const b = new buffer.Blob(); return [b.size, b.type]; })()), {"value":[0,""]}],
  ["parts", () => ((() => { const b = new buffer.Blob(['ab', Buffer.from('cd'), new Uint16Array([0x6665]), new buffer.Blob(['gh']), new ArrayBuffer(1)], { type: 'Text/Plain' }); return [b.size, b.type]; })()), {"value":[9,"text/plain"]}],
  ["type not ascii", () => ([new buffer.Blob([], { type: 'a\u0001b' }).type, new buffer.Blob([], { type: '\u00e9' }).type, new buffer.Blob([], { type: 5 }).type]), {"value":["","","5"]}],
  ["string sources", () => (new buffer.Blob('abc')), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"sources\" argument must be a sequence. Received type string ('abc')"]}],
  ["null sources", () => (new buffer.Blob(null)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"sources\" argument must be a sequence. Received null"]}],
  ["object sources", () => (new buffer.Blob({})), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"sources\" argument must be a sequence. Received an instance of Object"]}],
  ["bad options", () => (new buffer.Blob([], 5)), {"error":["TypeError","ERR_INVALID_ARG_TYPE","The \"options\" argument must be a dictionary. Received type number (5)"]}],
  ["bad endings", () => (new buffer.Blob([], { endings: 'x' })), {"error":["TypeError","ERR_INVALID_ARG_VALUE","The property 'options.endings' is invalid. Received 'x'"]}],
  ["size this", () => (Object.getOwnPropertyDescriptor(buffer.Blob.prototype, 'size').get.call({})), {"error":["TypeError","ERR_INVALID_THIS","Value of \"this\" must be of type Blob"]}],
  ["slice sizes", () => ((() => { const b = new buffer.Blob(['abcdef']); return [b.slice(1, -1).size, b.slice(-2).size, b.slice(4, 2).size, b.slice(0, 2, 'a\u00ff').type, b.slice(0, 2, 'X/Y').type, b.slice(-100, 100).size, b.slice('1', '3').size]; })()), {"value":[4,2,0,"","x/y",6,2]}],
  ["prototype", () => ([Object.prototype.toString.call(new buffer.Blob()), Object.keys(new buffer.Blob()), Object.getOwnPropertyNames(buffer.Blob.prototype)]), {"value":["[object Blob]",[],["constructor","type","size","slice","arrayBuffer","text","bytes","stream"]]}],
  ["file", () => ((() => { const f = new buffer.File(['ab'], 'f.txt', { type: 'text/plain', lastModified: 5 }); return [f.name, f.size, f.type, f.lastModified, f instanceof buffer.Blob, Object.prototype.toString.call(f)]; })()), {"value":["f.txt",2,"text/plain",5,true,"[object File]"]}],
  ["file default lastModified", () => (typeof new buffer.File([], 'x').lastModified), {"value":"number"}],
  ["file missing args", () => (new buffer.File([])), {"error":["TypeError","ERR_MISSING_ARGS","The \"fileBits\" and \"fileName\" arguments must be specified"]}],
  ["file name coerced", () => (new buffer.File([], 12).name), {"value":"12"}],
  ["resolveObjectURL", () => (buffer.resolveObjectURL('blob:nodedata:abc')), {"value":{"undefined":true}}],
  ["globals", () => ([typeof Blob, Blob === buffer.Blob, typeof atob, typeof btoa, Buffer === buffer.Buffer]), {"value":["function",true,"function","function",true]}],
  ["file getters", () => (['name', 'lastModified'].map((p) => { const d = Object.getOwnPropertyDescriptor(buffer.File.prototype, p); return [typeof d.get, d.get.name, d.set, d.enumerable, d.configurable]; })), {"value":[["function","get name",null,true,true],["function","get lastModified",null,true,true]]}],
  ["file prototype chain", () => ([Object.getPrototypeOf(buffer.File.prototype) === buffer.Blob.prototype, buffer.File.prototype[Symbol.toStringTag]]), {"value":[true,"File"]}],
  ["file getter on prototype", () => ((() => { try { return buffer.File.prototype.name; } catch (e) { return e.name; } })()), {"value":"TypeError"}],
];

let failures = 0;
for (const [label, fn, expected] of cases) {
  let actual;
  try {
    actual = { value: normalize(fn()) };
  } catch (e) {
    actual = { error: [e.name, e.code ?? null, e.message] };
  }
  try {
    assert.deepStrictEqual(actual, JSON.parse(JSON.stringify(expected)));
  } catch {
    failures++;
    console.log(`FAIL ${label}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
  }
}
assert.strictEqual(failures, 0, `${failures} of ${cases.length} cases differ from node`);
console.log(`ok ${cases.length} cases`);

// Promise-returning methods.
(async () => {
  const { Blob } = buffer;
  const blob = new Blob(['ab', Buffer.from('cd'), new Blob(['\u20ac'])]);
  assert.strictEqual(await blob.text(), 'abcd\u20ac');
  const ab = await new Blob(['abc']).arrayBuffer();
  assert.ok(ab instanceof ArrayBuffer);
  assert.deepStrictEqual([...new Uint8Array(ab)], [97, 98, 99]);
  assert.strictEqual(await new Blob(['abcdef']).slice(1, -1, 'X/Y').text(), 'bcde');
  assert.strictEqual(await new Blob(['abc', 'def', 'ghi']).slice(2, 7).text(), 'cdefg');
  assert.strictEqual(await new Blob(['abc', 'def']).slice(1).slice(1, 3).text(), 'cd');
  assert.strictEqual(await new Blob([1, {}, null]).text(), '1[object Object]null');
  assert.strictEqual(await new Blob(['a\r\nb\rc'], { endings: 'native' }).text(), 'a\nb\rc');
  assert.strictEqual(await new Blob(['a\r\nb']).text(), 'a\r\nb');
  assert.deepStrictEqual([...new Uint8Array(await new Blob(['\ud800']).arrayBuffer())], [0xef, 0xbf, 0xbd]);
  // Parts are copied at construction.
  const source = Buffer.from('xyz');
  const copied = new Blob([source]);
  source[0] = 0x41;
  assert.strictEqual(await copied.text(), 'xyz');
  await assert.rejects(Blob.prototype.text.call({}), {
    name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Blob',
  });
  await assert.rejects(Blob.prototype.arrayBuffer.call({}), { code: 'ERR_INVALID_THIS' });
  console.log('ok async');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
