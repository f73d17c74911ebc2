'use strict';
// A small authoritative DNS server for the dns tests (runs under node and ringjs): answers
// questions from a table of records, or with a chosen failure, over UDP and over TCP on the
// same port. A UDP answer longer than 512 bytes is truncated (TC set), so the client asks again
// over TCP, as with a real server.
//
//   const responder = await startResponder(zone[, address]);  // <address>:port (127.0.0.1)
//   responder.port, responder.address, responder.queries (questions seen, 'NAME TYPE udp|tcp'),
//   responder.close()
//
// zone: { 'name.test': { A: [...], AAAA: [...], ... , rcode: 'SERVFAIL', silent: true } }.
// Record values per type:
//   A / AAAA: 'address' or { address, ttl }     MX: { exchange, priority }
//   NS / CNAME / PTR: 'name'                     TXT: ['chunk', ...] (one record)
//   SRV: { priority, weight, port, name }        SOA: { nsname, hostmaster, serial, refresh,
//   CAA: { flags, tag, value }                        retry, expire, minttl }
//   NAPTR: { order, preference, flags, service, regexp, replacement }
// A name that is not in the zone answers NXDOMAIN; a known name without records of the asked
// type answers NOERROR with no answers. `rcode` answers that code instead of records; `silent`
// never answers. ANY answers every record of the name.
const dgram = require('dgram');
const net = require('net');

const TYPES = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, NAPTR: 35,
  ANY: 255, CAA: 257,
};
const TYPE_NAMES = Object.fromEntries(Object.entries(TYPES).map(([k, v]) => [v, k]));
const RCODES = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
const DEFAULT_TTL = 300;
const UDP_LIMIT = 512;

class Writer {
  constructor() { this.bytes = []; }
  u8(v) { this.bytes.push(v & 0xff); }
  u16(v) { this.u8(v >> 8); this.u8(v); }
  u32(v) { this.u16(Math.floor(v / 65536)); this.u16(v % 65536); }
  raw(list) { for (const b of list) this.u8(b); }
  text(s) {
    const b = Buffer.from(s, 'utf8');
    this.u8(b.length);
    this.raw(b);
  }
  name(n) {
    for (const label of n.split('.').filter((l) => l.length > 0)) this.text(label);
    this.u8(0);
  }
  get length() { return this.bytes.length; }
  toBuffer() { return Buffer.from(this.bytes); }
}

function ipv4Bytes(address) {
  return address.split('.').map(Number);
}

function ipv6Bytes(address) {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === null ?
    left : left.concat(new Array(8 - left.length - right.length).fill('0'), right);
  const out = [];
  for (const g of groups) {
    const v = parseInt(g, 16);
    out.push(v >> 8, v & 0xff);
  }
  return out;
}

function writeRdata(w, type, value) {
  switch (type) {
    case 'A': w.raw(ipv4Bytes(value.address ?? value)); break;
    case 'AAAA': w.raw(ipv6Bytes(value.address ?? value)); break;
    case 'NS': case 'CNAME': case 'PTR': w.name(value); break;
    case 'MX': w.u16(value.priority); w.name(value.exchange); break;
    case 'TXT': for (const chunk of value) w.text(chunk); break;
    case 'SRV':
      w.u16(value.priority); w.u16(value.weight); w.u16(value.port); w.name(value.name);
      break;
    case 'SOA':
      w.name(value.nsname); w.name(value.hostmaster);
      w.u32(value.serial); w.u32(value.refresh); w.u32(value.retry);
      w.u32(value.expire); w.u32(value.minttl);
      break;
    case 'CAA': {
      w.u8(value.flags);
      w.text(value.tag);
      w.raw(Buffer.from(value.value, 'utf8'));
      break;
    }
    case 'NAPTR':
      w.u16(value.order); w.u16(value.preference);
      w.text(value.flags); w.text(value.service); w.text(value.regexp);
      w.name(value.replacement);
      break;
    default: throw new Error(`dns-responder: no writer for ${type}`);
  }
}

function writeRecord(w, name, type, value) {
  w.name(name);
  w.u16(TYPES[type]);
  w.u16(1);
  w.u32(value && value.ttl !== undefined ? value.ttl : DEFAULT_TTL);
  const rdata = new Writer();
  writeRdata(rdata, type, value);
  w.u16(rdata.length);
  w.raw(rdata.bytes);
}

// Reads the question of a query: { id, flags, name, type, end }, or null if malformed.
function parseQuery(msg) {
  if (msg.length < 12) return null;
  const id = msg.readUInt16BE(0);
  const flags = msg.readUInt16BE(2);
  let offset = 12;
  const labels = [];
  while (offset < msg.length) {
    const len = msg[offset++];
    if (len === 0) break;
    if (len > 63 || offset + len > msg.length) return null;
    labels.push(msg.toString('latin1', offset, offset + len));
    offset += len;
  }
  if (offset + 4 > msg.length) return null;
  const type = msg.readUInt16BE(offset);
  return { id, flags, name: labels.join('.'), type, questionEnd: offset + 4 };
}

function recordsFor(entry, typeName) {
  const types = typeName === 'ANY' ?
    Object.keys(TYPES).filter((t) => t !== 'ANY' && entry[t] !== undefined) : [typeName];
  const out = [];
  for (const t of types) {
    const value = entry[t];
    if (value === undefined) continue;
    // SOA and CNAME are single records; TXT is a list of records, each a list of chunks.
    const list = t === 'SOA' || t === 'CNAME' ? [value] : value;
    for (const v of list) out.push([t, v]);
  }
  return out;
}

function buildResponse(query, msg, zone, limit = Infinity) {
  const key = query.name.toLowerCase();
  const entry = Object.prototype.hasOwnProperty.call(zone, key) ? zone[key] : undefined;
  let rcode = RCODES.NOERROR;
  let answers = [];
  if (entry === undefined) {
    rcode = RCODES.NXDOMAIN;
  } else if (entry.rcode !== undefined) {
    rcode = RCODES[entry.rcode];
  } else {
    const typeName = TYPE_NAMES[query.type];
    if (typeName !== undefined) answers = recordsFor(entry, typeName);
    // A CNAME answers every type with itself, as a real server would.
    if (answers.length === 0 && entry.CNAME !== undefined && typeName !== 'ANY') {
      answers = [['CNAME', entry.CNAME]];
    }
  }
  const body = new Writer();
  for (const [type, value] of answers) writeRecord(body, query.name, type, value);
  const question = msg.subarray(12, query.questionEnd);
  const truncated = 12 + question.length + body.length > limit;
  const w = new Writer();
  w.u16(query.id);
  // QR, opcode from the query, AA, TC, RD copied, RA.
  w.u16(0x8000 | (query.flags & 0x7800) | 0x0400 | (truncated ? 0x0200 : 0) |
        (query.flags & 0x0100) | 0x0080 | rcode);
  w.u16(1);
  w.u16(truncated ? 0 : answers.length);
  w.u16(0);
  w.u16(0);
  w.raw(question);
  if (!truncated) w.raw(body.bytes);
  return w.toBuffer();
}

// The answer to one query message, or null when the responder stays silent.
function answer(msg, zone, responder, transport, limit) {
  const query = parseQuery(msg);
  if (query === null) return null;
  responder.queries.push(`${query.name} ${TYPE_NAMES[query.type] ?? query.type} ${transport}`);
  const entry = zone[query.name.toLowerCase()];
  if (entry && entry.silent) return null;
  return buildResponse(query, msg, zone, limit);
}

// TCP: each message has a two-byte length in front.
function serveTcp(socket, zone, responder) {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
      const msg = pending.subarray(2, 2 + pending.readUInt16BE(0));
      pending = pending.subarray(2 + msg.length);
      const reply = answer(msg, zone, responder, 'tcp', Infinity);
      if (reply === null) continue;
      const length = Buffer.alloc(2);
      length.writeUInt16BE(reply.length);
      socket.write(Buffer.concat([length, reply]));
    }
  });
  socket.on('error', () => {});
}

function listen(zone, address, responder) {
  return new Promise((resolve, reject) => {
    const udp = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4');
    udp.on('message', (msg, rinfo) => {
      const reply = answer(msg, zone, responder, 'udp', UDP_LIMIT);
      if (reply !== null) udp.send(reply, rinfo.port, rinfo.address);
    });
    udp.once('error', reject);
    udp.bind(0, address, () => {
      const { port } = udp.address();
      const tcp = net.createServer((socket) => serveTcp(socket, zone, responder));
      tcp.once('error', (err) => {
        // The TCP side of this port is taken: try another port.
        udp.close();
        if (err.code === 'EADDRINUSE') resolve(null);
        else reject(err);
      });
      tcp.listen(port, address, () => resolve({ udp, tcp, port }));
    });
  });
}

async function startResponder(zone, address = '127.0.0.1') {
  const responder = { port: 0, address, queries: [], close: null };
  for (;;) {
    const sockets = await listen(zone, address, responder);
    if (sockets === null) continue;
    responder.port = sockets.port;
    responder.close = () => {
      sockets.udp.close();
      sockets.tcp.close();
    };
    return responder;
  }
}

// A UDP port with nobody listening (bound once, then closed): queries to it are refused.
function unusedPort(address = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.bind(0, address, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

module.exports = { startResponder, unusedPort, TYPES };
