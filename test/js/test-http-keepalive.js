'use strict';
// http server keep-alive: a connection serves several requests, the server drops it after
// keepAliveTimeout once idle, closeIdleConnections() spares connections with a request in
// progress, server.close() ends idle keep-alive connections and closeAllConnections() the rest.
const assert = require('assert');
const http = require('http');
const net = require('net');

const steps = [];
process.on('exit', (code) => {
  if (code === 0) {
    assert.deepStrictEqual(steps, ['two requests, one connection', 'idle timeout closed it',
                                   'idle closed, busy kept', 'busy answered',
                                   'close() ended idle', 'closeAllConnections']);
  }
});

function request(socket, path) {
  socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
}

function readResponse(socket, cb) {
  let text = '';
  const onData = (d) => {
    text += d;
    const end = text.indexOf('\r\n\r\n');
    if (end === -1) return;
    const len = Number(/Content-Length: (\d+)/i.exec(text)[1]);
    if (text.length < end + 4 + len) return;
    socket.removeListener('data', onData);
    cb(text.slice(0, end), text.slice(end + 4, end + 4 + len));
  };
  socket.on('data', onData);
}

// 1. keepAliveTimeout.
const server = http.createServer({ keepAliveTimeout: 150 }, (req, res) => res.end(req.url));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.setEncoding('latin1');
  c.on('connect', () => {
    request(c, '/a');
    readResponse(c, (head, body) => {
      assert.strictEqual(body, '/a');
      assert.match(head, /Connection: keep-alive/);
      assert.match(head, /Keep-Alive: timeout=0/);
      request(c, '/b');
      readResponse(c, (head2, body2) => {
        assert.strictEqual(body2, '/b');
        steps.push('two requests, one connection');
        // Now idle: the server ends the connection by itself.
        c.on('end', () => {
          steps.push('idle timeout closed it');
          c.end();
          server.close(closeIdle);
        });
      });
    });
  });
});

// 2. closeIdleConnections / close / closeAllConnections.
function closeIdle() {
  let release;
  const srv = http.createServer((req, res) => {
    if (req.url === '/slow') {
      release = () => res.end('slow');
      srv.emit('slow-arrived');
    } else {
      res.end('fast');
    }
  });
  srv.listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    const idle = net.connect(port, '127.0.0.1');
    const busy = net.connect(port, '127.0.0.1');
    idle.setEncoding('latin1');
    busy.setEncoding('latin1');
    let idleEnded = false;
    idle.on('end', () => { idleEnded = true; });
    idle.on('connect', () => request(idle, '/fast'));
    readResponse(idle, (head, body) => {
      assert.strictEqual(body, 'fast');
      busy.on('connect', () => request(busy, '/slow'));
      if (!busy.connecting) request(busy, '/slow');
    });
    srv.once('slow-arrived', () => {
      srv.closeIdleConnections();
      idle.on('close', () => {
        assert.strictEqual(idleEnded, true);
        assert.strictEqual(busy.destroyed, false);
        steps.push('idle closed, busy kept');
        readResponse(busy, (head, body) => {
          assert.strictEqual(body, 'slow');
          steps.push('busy answered');
          // busy is idle again: close() ends it and the server closes.
          busy.on('end', () => {
            steps.push('close() ended idle');
            busy.end();
          });
          srv.close(closeAll);
        });
        release();
      });
    });
  });
}

function closeAll() {
  const srv = http.createServer((req, res) => {
    // Never answers.
    srv.closeAllConnections();
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1', () => request(c, '/hang'));
    c.resume();
    c.on('close', () => {
      steps.push('closeAllConnections');
      srv.close();
    });
  });
}
