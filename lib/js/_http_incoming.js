'use strict';
// http.IncomingMessage: a request on the server, a response on the client. The body is a
// Readable fed by the parser; headers come from the raw [name, value, ...] list in one go and
// are folded into `headers` (lower-cased, duplicates joined as node does) on first use.

const { Readable } = require('stream');
const { ReadableState } = Readable;
const { Stream } = require('internal/streams/legacy');
const { readStart, readStop, kHeadersCount, kPushEnd } = require('internal/http/common');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

// The body's Readable state is built on first use (any Readable method or getter reads
// `_readableState`): a request without a body that nobody reads, answered and dumped, never
// needs it. kBodyPhase says what the state would hold by now had it been built at once.
const kBodyPhase = Symbol('kBodyPhase');
const kHighWaterMark = Symbol('kHighWaterMark');
const kFresh = 0; // nothing pushed yet
const kEnded = 1; // push(null) done, its 'readable' tick past (nobody listened)
const kDumped = 2; // ended and _dump()ed: resume() → 'end' → destroy → 'close' under way
const kSettled = 3; // all of that done (nobody listened)
const kBuilt = 4; // _readableState is an own property

function IncomingMessage(socket) {
  // Readable's constructor without the state (same event slots, so the same shape).
  this._events ??= {
    close: undefined,
    error: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };
  this[kBodyPhase] = kFresh;
  this[kHighWaterMark] = socket ? socket.readableHighWaterMark : undefined;
  Stream.call(this);

  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, '_readableState', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return buildReadableState(this); },
  set(val) { ownReadableState(this, val); },
});

function ownReadableState(msg, state) {
  msg[kBodyPhase] = kBuilt;
  Object.defineProperty(msg, '_readableState', {
    __proto__: null, value: state, writable: true, enumerable: true, configurable: true,
  });
}

function buildReadableState(msg) {
  const phase = msg[kBodyPhase];
  const hwm = msg[kHighWaterMark];
  const state = new ReadableState(hwm === undefined ? undefined : { highWaterMark: hwm }, msg,
                                  false);
  ownReadableState(msg, state);
  state.readingMore = true;
  if (phase >= kEnded) state.ended = true;
  if (phase === kDumped) {
    msg.removeAllListeners('data');
    msg.resume();
  } else if (phase === kSettled) {
    state.flowing = true;
    state.paused = false;
    state.endEmitted = true;
    state.destroyed = true;
    state.closed = true;
    state.closeEmitted = true;
  }
  return state;
}

// The parser's end of the message: push(null), or just a note while the state is unbuilt.
IncomingMessage.prototype[kPushEnd] = function() {
  if (this[kBodyPhase] === kFresh) this[kBodyPhase] = kEnded;
  else this.push(null);
};

// Whether a resume() is pending or body data was read, without building the state for it.
// (Node's _read, which marks _consuming, runs once the stream flows before its end; here the
// whole body and its end can come in one parse, before the first read.)
function bodyReadOrScheduled(msg) {
  if (msg[kBodyPhase] !== kBuilt) return false;
  const state = msg._readableState;
  return state.resumeScheduled || state.dataEmitted;
}

function settleDumped(msg) {
  if (msg[kBodyPhase] === kDumped) msg[kBodyPhase] = kSettled;
}

// True when nothing can observe the body: ended, unbuilt, nothing listening, node's _dump.
function quietlyDumpable(msg) {
  return msg[kBodyPhase] === kEnded && msg._eventsCount === 0 &&
    msg._dump === IncomingMessage.prototype._dump;
}

// The server's _dump() after a response: when nothing can observe the body, it is marked
// dumped and the caller settles it (settleDumped) in a tick it runs anyway; returns whether
// it did so, else it called _dump().
function dumpUnread(msg) {
  if (msg._dumped) return false;
  if (!quietlyDumpable(msg)) {
    msg._dump();
    return false;
  }
  msg._dumped = true;
  msg[kBodyPhase] = kDumped;
  return true;
}

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'headers', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kHeaders]) {
      this[kHeaders] = {};
      const src = this.rawHeaders;
      const dst = this[kHeaders];
      for (let n = 0; n < this[kHeadersCount]; n += 2) {
        this._addHeaderLine(src[n], src[n + 1], dst);
      }
    }
    return this[kHeaders];
  },
  set(val) { this[kHeaders] = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'headersDistinct', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kHeadersDistinct]) {
      // No prototype: a '__proto__' or 'constructor' field is a plain entry.
      this[kHeadersDistinct] = { __proto__: null };
      const src = this.rawHeaders;
      const dst = this[kHeadersDistinct];
      for (let n = 0; n < this[kHeadersCount]; n += 2) {
        addDistinct(src[n], src[n + 1], dst);
      }
    }
    return this[kHeadersDistinct];
  },
  set(val) { this[kHeadersDistinct] = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'trailers', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kTrailers]) {
      this[kTrailers] = {};
      const src = this.rawTrailers;
      const dst = this[kTrailers];
      for (let n = 0; n < this[kTrailersCount]; n += 2) {
        this._addHeaderLine(src[n], src[n + 1], dst);
      }
    }
    return this[kTrailers];
  },
  set(val) { this[kTrailers] = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'trailersDistinct', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kTrailersDistinct]) {
      this[kTrailersDistinct] = { __proto__: null };
      const src = this.rawTrailers;
      const dst = this[kTrailersDistinct];
      for (let n = 0; n < this[kTrailersCount]; n += 2) {
        addDistinct(src[n], src[n + 1], dst);
      }
    }
    return this[kTrailersDistinct];
  },
  set(val) { this[kTrailersDistinct] = val; },
});

function addDistinct(field, value, dest) {
  const key = field.toLowerCase();
  if (dest[key] === undefined) dest[key] = [value];
  else dest[key].push(value);
}

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // The parser pushes; ask the socket for more once the consumer wants it.
  if (this.socket && this.socket.readable) readStart(this.socket);
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  // As node: the error is emitted only to existing 'error' listeners.
  const finish = () => cb(this.listenerCount('error') > 0 ? err : null);
  // A message destroyed before its end takes the connection with it.
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    this.socket.once('close', () => process.nextTick(finish));
    return;
  }
  process.nextTick(finish);
};

// Raw headers from the parser; `headers` is built from them on first use.
IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n, trailers) {
  if (headers && headers.length) {
    if (trailers) {
      this.rawTrailers = headers;
      this[kTrailersCount] = n;
      this[kTrailers] = null;
      this[kTrailersDistinct] = null;
    } else {
      this.rawHeaders = headers;
      this[kHeadersCount] = n;
      this[kHeaders] = null;
      this[kHeadersDistinct] = null;
    }
  }
};

// Header fields of which a second copy is dropped (node's list).
const kDropDuplicates = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  field = lowerCaseField(field);
  // Only own string values are joined: an inherited name ('constructor') starts a new entry.
  const existing = dest[field];
  if (field === 'set-cookie') {
    if (existing !== undefined) existing.push(value);
    else dest[field] = [value];
  } else if (kDropDuplicates.has(field) && !this.joinDuplicateHeaders) {
    if (existing === undefined) dest[field] = value;
  } else if (typeof existing !== 'string') {
    dest[field] = value;
  } else if (field === 'cookie') {
    dest[field] += '; ' + value;
  } else {
    dest[field] += ', ' + value;
  }
};

// Common names without the toLowerCase call.
function lowerCaseField(field) {
  switch (field.length) {
    case 4:
      if (field === 'Host' || field === 'host') return 'host';
      break;
    case 6:
      if (field === 'Accept' || field === 'accept') return 'accept';
      break;
    case 10:
      if (field === 'Connection' || field === 'connection') return 'connection';
      if (field === 'User-Agent' || field === 'user-agent') return 'user-agent';
      break;
    case 12:
      if (field === 'Content-Type' || field === 'content-type') return 'content-type';
      break;
    case 14:
      if (field === 'Content-Length' || field === 'content-length') return 'content-length';
      break;
  }
  return field.toLowerCase();
}

IncomingMessage.prototype._addHeaderLineDistinct = function(field, value, dest) {
  addDistinct(field, value, dest);
};

// Reads the rest of the body and throws it away (nobody consumed it).
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    if (quietlyDumpable(this)) {
      // Nothing listens for 'resume', 'end' or 'close': one tick instead of their four.
      this[kBodyPhase] = kDumped;
      process.nextTick(settleDumped, this);
      return;
    }
    this.removeAllListeners('data');
    this.resume();
  }
};

module.exports = {
  IncomingMessage,
  dumpUnread,
  bodyReadOrScheduled,
  settleDumped,
  readStart,
  readStop,
};
