'use strict';
// node:v8: heap statistics and snapshots, V8 flags, the serialization API (with node's host
// object format for Buffers and typed arrays, so bytes interoperate with node) and promise hooks.

const binding = internalBinding('v8');
const { Serializer, Deserializer } = binding;
const { Buffer } = require('buffer');
const { Readable } = require('stream');
const {
  codes: { ERR_NOT_BUILDING_SNAPSHOT, ERR_NOT_IMPLEMENTED },
  uvException,
} = require('internal/errors');
const {
  validateFunction, validateObject, validateString, validateUint32, validateBoolean,
} = require('internal/validators');
const { toPathString } = require('internal/fs/args');
const { addPromiseHook } = require('internal/v8/promise_hooks');

// --- statistics -------------------------------------------------------------------------------

const kHeapStatisticsKeys = [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size', 'total_available_size',
  'used_heap_size', 'heap_size_limit', 'malloced_memory', 'peak_malloced_memory',
  'does_zap_garbage', 'number_of_native_contexts', 'number_of_detached_contexts',
  'total_global_handles_size', 'used_global_handles_size', 'external_memory',
];
const kHeapCodeStatisticsKeys = [
  'code_and_metadata_size', 'bytecode_and_metadata_size', 'external_script_source_size',
  'cpu_profiler_metadata_size',
];

function zip(keys, values) {
  const result = {};
  for (let i = 0; i < keys.length; i++) result[keys[i]] = values[i];
  return result;
}

function getHeapStatistics() {
  return zip(kHeapStatisticsKeys, binding.getHeapStatistics());
}

function getHeapSpaceStatistics() {
  return binding.getHeapSpaceStatistics().map((space) => ({
    space_name: space[0],
    space_size: space[1],
    space_used_size: space[2],
    space_available_size: space[3],
    physical_space_size: space[4],
  }));
}

function getHeapCodeStatistics() {
  return zip(kHeapCodeStatisticsKeys, binding.getHeapCodeStatistics());
}

function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

// --- heap snapshots ---------------------------------------------------------------------------

function snapshotOptions(options) {
  if (options === undefined) return false;
  validateObject(options, 'options');
  const { exposeNumericValues = false } = options;
  validateBoolean(exposeNumericValues, 'options.exposeNumericValues');
  // exposeInternals needs a newer V8 than ours; it only adds detail to the same snapshot.
  if (options.exposeInternals !== undefined) {
    validateBoolean(options.exposeInternals, 'options.exposeInternals');
  }
  return exposeNumericValues;
}

function writeHeapSnapshot(filename, options) {
  const exposeNumericValues = snapshotOptions(options);
  const path = filename === undefined ? binding.nextDiagnosticFileName() :
    toPathString(filename);
  const err = binding.writeHeapSnapshot(path, exposeNumericValues);
  if (err < 0) throw uvException({ errno: err, syscall: 'open', path });
  return path;
}

const kSnapshotChunk = 64 * 1024;

class HeapSnapshotStream extends Readable {
  #json;
  #offset = 0;

  constructor(json) {
    super({ autoDestroy: true });
    this.#json = json;
  }

  _read() {
    const json = this.#json;
    if (this.#offset >= json.length) {
      this.push(null);
      return;
    }
    const end = Math.min(this.#offset + kSnapshotChunk, json.length);
    const chunk = Buffer.from(json.buffer, json.byteOffset + this.#offset, end - this.#offset);
    this.#offset = end;
    this.push(chunk);
  }
}

// The snapshot is taken now (as node) and streamed out as JSON.
function getHeapSnapshot(options) {
  const exposeNumericValues = snapshotOptions(options);
  return new HeapSnapshotStream(binding.takeHeapSnapshot(exposeNumericValues));
}

function setHeapSnapshotNearHeapLimit(limit) {
  validateUint32(limit, 'limit', true);
  binding.setHeapSnapshotNearHeapLimit(limit);
}

// --- serialization ----------------------------------------------------------------------------

Serializer.prototype._getDataCloneError = Error;

// The native methods hand back a Uint8Array; node's API returns Buffers.
const releaseNative = Serializer.prototype.releaseBuffer;
Serializer.prototype.releaseBuffer = function releaseBuffer() {
  const bytes = Reflect.apply(releaseNative, this, []);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

Deserializer.prototype.readRawBytes = function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  return Buffer.from(this.buffer.buffer, this.buffer.byteOffset + offset, length);
};

// node's host object type tags: the index of the view's class in this list (10 is Buffer).
const kViewTypes = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array,
];
const kBufferTag = kViewTypes.indexOf(Buffer);
const kTagByTypeName = new Map();
kViewTypes.forEach((type, tag) => {
  if (type !== Buffer) kTagByTypeName.set(`[object ${type.name}]`, tag);
});

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  // Only the view's own bytes are written: a pooled Buffer's whole ArrayBuffer must not leak.
  _writeHostObject(view) {
    let tag = kBufferTag;
    if (view.constructor !== Buffer) {
      tag = kTagByTypeName.get(Object.prototype.toString.call(view));
      if (tag === undefined) {
        const { inspect } = require('internal/util/inspect');
        throw new this._getDataCloneError(`Unserializable host object: ${inspect(view)}`);
      }
    }
    this.writeUint32(tag);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  // A view over the input when the bytes are aligned for its element size, else over a copy.
  _readHostObject() {
    const tag = this.readUint32();
    const type = kViewTypes[tag];
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    // An unknown tag fails here with a TypeError, as in node.
    const elementSize = type.BYTES_PER_ELEMENT || 1;
    let buffer = this.buffer.buffer;
    let start = this.buffer.byteOffset + offset;
    if (start % elementSize !== 0) {
      const copy = Buffer.allocUnsafe(byteLength);
      copy.set(new Uint8Array(buffer, start, byteLength));
      buffer = copy.buffer;
      start = copy.byteOffset;
    }
    if (type === Buffer) return Buffer.from(buffer, start, byteLength);
    return new type(buffer, start, byteLength / elementSize);
  }
}

function serialize(value) {
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

function deserialize(buffer) {
  const deserializer = new DefaultDeserializer(buffer);
  deserializer.readHeader();
  return deserializer.readValue();
}

// --- promise hooks ----------------------------------------------------------------------------

function hookAdder(kind, argumentName) {
  return (hook) => {
    validateFunction(hook, argumentName);
    // node hands out a bound function (its name is 'bound stop').
    return addPromiseHook(kind, hook).bind(undefined);
  };
}

const onInit = hookAdder('init', 'initHook');
const onBefore = hookAdder('before', 'beforeHook');
const onAfter = hookAdder('after', 'afterHook');
const onSettled = hookAdder('settled', 'settledHook');

function createHook({ init, before, after, settled } = {}) {
  const stops = [];
  // Validate everything before installing anything.
  if (init !== undefined) validateFunction(init, 'initHook');
  if (before !== undefined) validateFunction(before, 'beforeHook');
  if (after !== undefined) validateFunction(after, 'afterHook');
  if (settled !== undefined) validateFunction(settled, 'settledHook');
  if (init !== undefined) stops.push(onInit(init));
  if (before !== undefined) stops.push(onBefore(before));
  if (after !== undefined) stops.push(onAfter(after));
  if (settled !== undefined) stops.push(onSettled(settled));
  return () => {
    for (const stop of stops) stop();
  };
}

const promiseHooks = { createHook, onInit, onBefore, onAfter, onSettled };

// --- startup snapshot -------------------------------------------------------------------------

// ringjs never builds a startup snapshot, so (as node outside --build-snapshot) the callbacks
// cannot be registered.
function notBuildingSnapshot() {
  throw new ERR_NOT_BUILDING_SNAPSHOT();
}

const startupSnapshot = {
  addDeserializeCallback: function addDeserializeCallback() { notBuildingSnapshot(); },
  addSerializeCallback: function addSerializeCallback() { notBuildingSnapshot(); },
  setDeserializeMainFunction: function setDeserializeMainFunction() { notBuildingSnapshot(); },
  // node answers from a Uint8Array flag: 0 here.
  isBuildingSnapshot: function isBuildingSnapshot() { return 0; },
};

// --- coverage and the rest --------------------------------------------------------------------

// Without NODE_V8_COVERAGE node's takeCoverage/stopCoverage do nothing; collecting coverage is
// not supported.
function coverageCall(name) {
  return function() {
    if (process.env.NODE_V8_COVERAGE) throw new ERR_NOT_IMPLEMENTED(`v8.${name}`);
  };
}
const takeCoverage = coverageCall('takeCoverage');
const stopCoverage = coverageCall('stopCoverage');

function queryObjects(ctor) {
  validateFunction(ctor, 'constructor');
  throw new ERR_NOT_IMPLEMENTED('v8.queryObjects');
}

class GCProfiler {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('v8.GCProfiler');
  }
}

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  queryObjects,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
};
