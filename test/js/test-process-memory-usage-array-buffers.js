'use strict';
// process.memoryUsage().arrayBuffers counts the memory of live ArrayBuffers and Buffers.
const before = process.memoryUsage().arrayBuffers;
console.log(typeof before, before >= 0);
const big = Buffer.alloc(10 * 1024 * 1024);
const afterBuffer = process.memoryUsage().arrayBuffers;
console.log('Buffer.alloc(10 MiB)', afterBuffer - before >= big.length,
            afterBuffer - before < big.length + (1 << 20));
const raw = new ArrayBuffer(1 << 20);
console.log('new ArrayBuffer(1 MiB)',
            process.memoryUsage().arrayBuffers - afterBuffer >= raw.byteLength);
const usage = process.memoryUsage();
console.log(Object.keys(usage), usage.external >= 0);
