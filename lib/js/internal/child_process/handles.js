'use strict';
// Handles sent over the IPC channel (subprocess.send(message, handle) / process.send): what
// kinds can go, which descriptor carries each, and how the receiving side rebuilds an object
// from the descriptor it got (SCM_RIGHTS, see src/bindings/pipe_stream.cc).
//
// The message on the wire is { cmd: 'NODE_HANDLE', type, msg } (plus dgramType for a dgram
// socket); the descriptor travels with its first byte. A sent net.Socket lets go of its
// handle (closed here) unless options.keepOpen; servers and raw handles stay open on both
// sides, as node's.

const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { UDP } = internalBinding('udp_wrap');
const { guessHandleType } = require('internal/util');
const { codes: { ERR_INVALID_HANDLE_TYPE } } = require('internal/errors');

let net;
let dgram;
function lazyNet() {
  if (net === undefined) net = require('net');
  return net;
}
function lazyDgram() {
  if (dgram === undefined) dgram = require('dgram');
  return dgram;
}

// dgram keeps its handle behind a module-private symbol (the public _handle is deprecated).
function dgramHandle(socket) {
  for (const symbol of Object.getOwnPropertySymbols(socket)) {
    if (symbol.description === 'state symbol') return socket[symbol].handle;
  }
  return null;
}

// { type, handle, fd, extra, afterSend(keepOpen) } for a handle the caller wants to send; null
// when there is nothing to send (a closed socket, as node sends the message alone); throws
// ERR_INVALID_HANDLE_TYPE for anything else.
function describeHandle(sendHandle) {
  const { Server, Socket } = lazyNet();
  if (sendHandle instanceof Server) {
    const handle = sendHandle._handle;
    if (!handle) return null;
    return {
      type: 'net.Server',
      fd: handle.fd,
      extra: null,
      // Both sides listen from now on (as node): the server here stays open.
      afterSend: () => handle.markShared(),
    };
  }
  if (sendHandle instanceof Socket) {
    const handle = sendHandle._handle;
    if (!handle) return null;
    return {
      type: 'net.Socket',
      fd: handle.fd,
      extra: null,
      beforeSend(keepOpen) {
        if (keepOpen) return;
        // The receiver reads from here on; this socket lets go of its handle.
        if (sendHandle.server) sendHandle.server._connections--;
        handle.onread = () => {};
        if (handle.readStop) handle.readStop();
        sendHandle._handle = null;
        sendHandle.setTimeout(0);
      },
      afterSend: (keepOpen) => { if (!keepOpen) handle.close(); },
    };
  }
  if (sendHandle instanceof TCP || sendHandle instanceof Pipe) {
    return {
      type: 'net.Native',
      fd: sendHandle.fd,
      extra: null,
      afterSend: () => { if (sendHandle.markShared) sendHandle.markShared(); },
    };
  }
  if (sendHandle instanceof UDP) {
    return {
      type: 'dgram.Native',
      fd: sendHandle.fd,
      extra: null,
      afterSend: () => {},
    };
  }
  if (sendHandle instanceof lazyDgram().Socket) {
    const handle = dgramHandle(sendHandle);
    if (!handle) return null;
    return {
      type: 'dgram.Socket',
      fd: handle.fd,
      extra: { dgramType: sendHandle.type },
      afterSend: () => {},
    };
  }
  throw new ERR_INVALID_HANDLE_TYPE();
}

function streamHandle(fd, server) {
  const type = guessHandleType(fd);
  if (type === 'TCP') {
    return new TCP(server ? TCPConstants.SERVER : TCPConstants.SOCKET);
  }
  if (type === 'PIPE' || type === 'UNIX') {
    return new Pipe(server ? PipeConstants.SERVER : PipeConstants.SOCKET);
  }
  return null;
}

// Rebuilds what was sent from the received descriptor; calls emit(object) when it is ready
// (a server once it listens). Closes fd if it cannot be used.
function receiveHandle(message, fd, emit) {
  switch (message.type) {
    case 'net.Server': {
      const handle = streamHandle(fd, true);
      if (handle === null || handle.open(fd) !== 0) break;
      const server = new (lazyNet().Server)();
      server.listen(handle, () => emit(server));
      return;
    }
    case 'net.Socket': {
      const handle = streamHandle(fd, false);
      if (handle === null || handle.open(fd) !== 0) break;
      emit(new (lazyNet().Socket)({ handle, readable: true, writable: true }));
      return;
    }
    case 'net.Native': {
      const handle = streamHandle(fd, true);
      if (handle === null || handle.open(fd) !== 0) break;
      emit(handle);
      return;
    }
    case 'dgram.Native': {
      const handle = new UDP();
      if (handle.open(fd) !== 0) break;
      emit(handle);
      return;
    }
    case 'dgram.Socket': {
      const socket = lazyDgram().createSocket(message.dgramType);
      socket.bind({ fd }, () => emit(socket));
      return;
    }
  }
  closeFd(fd);
}

function closeFd(fd) {
  try {
    require('fs').closeSync(fd);
  } catch {
    // Already gone.
  }
}

module.exports = { closeFd, describeHandle, receiveHandle };
