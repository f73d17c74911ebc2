'use strict';
// An https client without keep-alive ends its socket (close_notify) when the response ends,
// while the server destroys its side at once, never reading that alert (its kernel answers with
// a reset): as in node, the request sees no ECONNRESET, the socket is gone first. Then the same
// with the server closed through server.close() (which closes idle connections).
const https = require('https');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));

function round(label, closeServerSide) {
  return new Promise((resolve) => {
    let serverSocket;
    const server = https.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem') },
                                      (req, res) => {
      serverSocket = req.socket;
      res.end('ok');
    });
    server.listen(0, () => {
      const agent = new https.Agent({ keepAlive: false });
      const req = https.get({ port: server.address().port, agent, ca: read('ca-cert.pem'),
                              servername: 'localhost' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => {
          console.log(`${label}: response ${res.statusCode} ${body}`);
          closeServerSide(server, serverSocket);
          res.socket.on('close', () => {
            // Anything the client would report arrives before this turn ends.
            setImmediate(() => { console.log(`${label}: client socket closed`); resolve(); });
          });
        });
      });
      req.on('error', (err) => console.log(`${label}: request error ${err.code}`));
    });
  });
}

(async () => {
  await round('destroy', (server, socket) => { socket.destroy(); server.close(); });
  await round('server.close', (server) => server.close());
})();
