'use strict';
// The Serializer/Deserializer classes: raw writes and reads, host object hooks in subclasses,
// transferred ArrayBuffers, the clone error hook and node's argument errors.
const v8 = require('v8');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

console.log(Object.getOwnPropertyNames(v8.Serializer.prototype));
console.log(Object.getOwnPropertyNames(v8.Deserializer.prototype));
console.log(Object.getPrototypeOf(v8.DefaultSerializer) === v8.Serializer,
            Object.getPrototypeOf(v8.DefaultDeserializer) === v8.Deserializer);

// Raw values round trip.
{
  const ser = new v8.Serializer();
  ser.writeHeader();
  ser.writeUint32(300);
  ser.writeUint64(0x12345, 0xabcdef01);
  ser.writeDouble(-0.5);
  ser.writeRawBytes(Buffer.from('raw!'));
  ser.writeValue({ after: 'raw' });
  const bytes = ser.releaseBuffer();
  console.log(Buffer.isBuffer(bytes), bytes.toString('hex'));
  const des = new v8.Deserializer(bytes);
  console.log(des.buffer === bytes, des.readHeader(), des.getWireFormatVersion());
  console.log(des.readUint32(), des.readUint64(), des.readDouble());
  const raw = des.readRawBytes(4);
  console.log(Buffer.isBuffer(raw), raw.toString(), raw.buffer === bytes.buffer);
  console.log(des.readValue());
  attempt('past end uint32', () => des.readUint32());
  attempt('past end uint64', () => des.readUint64());
  attempt('past end double', () => des.readDouble());
  attempt('past end raw', () => des.readRawBytes(10));
}

// A plain Serializer writes views with V8's own format; DefaultSerializer as host objects.
{
  const plain = new v8.Serializer();
  plain.writeHeader();
  plain.writeValue(new Uint16Array([1, 2]));
  console.log('plain view', plain.releaseBuffer().toString('hex'));
  console.log('default view', v8.serialize(new Uint16Array([1, 2])).toString('hex'));
}

// Custom host objects: a subclass decides how to write and read them.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
class PointSerializer extends v8.Serializer {
  constructor() {
    super();
    this.seen = 0;
  }
  _writeHostObject(object) {
    this.seen++;
    this.writeUint32(object.x);
    this.writeUint32(object.y);
  }
}
class PointDeserializer extends v8.Deserializer {
  _readHostObject() {
    return new Point(this.readUint32(), this.readUint32());
  }
}
{
  // Only API objects (Buffers and other views here) reach _writeHostObject; a class instance is
  // a plain object to V8.
  const ser = new PointSerializer();
  ser.writeHeader();
  ser._setTreatArrayBufferViewsAsHostObjects(true);
  const view = new Uint8Array([7, 9]);
  view.x = 7;
  view.y = 9;
  ser.writeValue({ p: new Point(1, 2), v: view });
  console.log('host objects written', ser.seen);
  const des = new PointDeserializer(ser.releaseBuffer());
  des.readHeader();
  const value = des.readValue();
  console.log(value, value.v instanceof Point);
}

// A deserializer without _readHostObject cannot read one; a bad return value is refused.
{
  const bytes = v8.serialize(Buffer.from('x'));
  attempt('no host reader', () => {
    const des = new v8.Deserializer(bytes);
    des.readHeader();
    return des.readValue();
  });
  attempt('non-object host', () => {
    const des = new v8.Deserializer(bytes);
    des._readHostObject = () => 42;
    des.readHeader();
    return des.readValue();
  });
  attempt('throwing host reader', () => {
    const des = new v8.Deserializer(bytes);
    des._readHostObject = () => { throw new Error('reader failed'); };
    des.readHeader();
    return des.readValue();
  });
  attempt('throwing host writer', () => {
    const ser = new v8.DefaultSerializer();
    ser._writeHostObject = () => { throw new Error('writer failed'); };
    ser.writeHeader();
    return ser.writeValue(Buffer.alloc(1));
  });
}

// The clone error comes from _getDataCloneError.
{
  class TaggedError extends Error {}
  const ser = new v8.Serializer();
  ser._getDataCloneError = function(message) {
    return new TaggedError(`tagged: ${message}`);
  };
  ser.writeHeader();
  try {
    ser.writeValue({ f() {} });
  } catch (e) {
    console.log(e instanceof TaggedError, e.message);
  }
}

// Transferred ArrayBuffers are written by id and supplied to the reader.
{
  const ab = new Uint8Array([5, 6, 7]).buffer;
  const ser = new v8.Serializer();
  ser.transferArrayBuffer(0, ab);
  ser.writeHeader();
  ser.writeValue({ ab, view: new Uint8Array(ab, 1) });
  const bytes = ser.releaseBuffer();
  console.log('transfer bytes', bytes.toString('hex'));
  const target = new Uint8Array([50, 60, 70]).buffer;
  const des = new v8.Deserializer(bytes);
  des.transferArrayBuffer(0, target);
  des.readHeader();
  const value = des.readValue();
  console.log(value.ab === target, [...value.view]);
  attempt('transfer non-buffer', () => des.transferArrayBuffer(1, {}));
  attempt('serializer transfer non-buffer', () => ser.transferArrayBuffer(1, []));
}

// Argument and call errors.
attempt('call without new', () => v8.Serializer());
attempt('deserializer call without new', () => v8.Deserializer(Buffer.alloc(1)));
attempt('deserializer needs a view', () => new v8.Deserializer('abc'));
attempt('raw bytes need a view', () => {
  const ser = new v8.Serializer();
  ser.writeRawBytes('abc');
});
attempt('unserializable view', () => {
  const ser = new v8.DefaultSerializer();
  ser.writeHeader();
  return ser._writeHostObject({});
});
attempt('method on wrong receiver', () => v8.Serializer.prototype.writeHeader.call({}));
attempt('bad header', () => new v8.Deserializer(Buffer.from([0xff, 0x7f])).readHeader());
attempt('empty input', () => new v8.Deserializer(Buffer.alloc(0)).readHeader());
attempt('legacy data', () => {
  const des = new v8.Deserializer(Buffer.from([0x49, 0x04]));
  return [des.getWireFormatVersion(), des.readValue()];
});
