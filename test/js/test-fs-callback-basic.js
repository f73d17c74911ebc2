'use strict';
// fs callback API: every call completes once, asynchronously, with node's (err, value) shape.
// The steps run in sequence so the file system state is known at each one.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-cb-'));
const j = (...parts) => path.join(dir, ...parts);
const file = j('a.txt');

// Runs each step(next) in order; each must call next() exactly once.
const steps = [];
const step = (name, fn) => steps.push({ name, fn });
let current = 0;
let finished = false;
function next() {
  if (current === steps.length) {
    finished = true;
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const { name, fn } = steps[current++];
  let sync = true;
  let called = false;
  fn((...args) => {
    assert.ok(!called, `${name}: callback called twice`);
    called = true;
    assert.ok(!sync, `${name}: callback called synchronously`);
    next(...args);
  });
  sync = false;
}
process.on('exit', () => assert.ok(finished, `stopped at step ${steps[current - 1]?.name}`));

step('open w+', (done) => fs.open(file, 'w+', 0o644, function(err, fd) {
  assert.strictEqual(err, null);
  assert.strictEqual(typeof fd, 'number');
  assert.strictEqual(arguments.length, 2);
  step.fd = fd;
  done();
}));
step('write string', (done) => fs.write(step.fd, 'hello world', (err, written, str) => {
  assert.strictEqual(err, null);
  assert.strictEqual(written, 11);
  assert.strictEqual(str, 'hello world');
  done();
}));
step('write string at position with encoding', (done) => {
  fs.write(step.fd, '4849', 0, 'hex', (err, written, str) => {
    assert.strictEqual(err, null);
    assert.strictEqual(written, 2);
    assert.strictEqual(str, '4849');
    done();
  });
});
step('write buffer', (done) => {
  const b = Buffer.from('!?');
  fs.write(step.fd, b, 0, 1, 11, (err, written, buf) => {
    assert.strictEqual(err, null);
    assert.strictEqual(written, 1);
    assert.strictEqual(buf, b);
    done();
  });
});
step('read', (done) => {
  const b = Buffer.alloc(12);
  fs.read(step.fd, b, 0, 12, 0, (err, bytesRead, buf) => {
    assert.strictEqual(err, null);
    assert.strictEqual(bytesRead, 12);
    assert.strictEqual(buf, b);
    assert.strictEqual(b.toString(), 'HIllo world!');
    done();
  });
});
step('read with options', (done) => {
  const b = new Uint8Array(5);
  fs.read(step.fd, b, { position: 6, length: 5 }, (err, bytesRead, buf) => {
    assert.strictEqual(err, null);
    assert.strictEqual(bytesRead, 5);
    assert.strictEqual(Buffer.from(buf).toString(), 'world');
    done();
  });
});
step('read with a params object', (done) => {
  fs.read(step.fd, { position: 0n, length: 2 }, (err, bytesRead, buf) => {
    assert.strictEqual(err, null);
    assert.strictEqual(bytesRead, 2);
    assert.strictEqual(buf.length, 16384);
    assert.strictEqual(buf.toString('utf8', 0, 2), 'HI');
    done();
  });
});
step('read of length 0', (done) => {
  fs.read(step.fd, Buffer.alloc(4), 0, 0, 0, (err, bytesRead) => {
    assert.strictEqual(err, null);
    assert.strictEqual(bytesRead, 0);
    done();
  });
});
step('writev/readv', (done) => {
  fs.writev(step.fd, [Buffer.from('ab'), Buffer.from('cd')], 0, (err, written, bufs) => {
    assert.strictEqual(err, null);
    assert.strictEqual(written, 4);
    assert.strictEqual(bufs.length, 2);
    const x = Buffer.alloc(3);
    const y = Buffer.alloc(3);
    fs.readv(step.fd, [x, y], 0, (err, bytesRead, bufs2) => {
      assert.strictEqual(err, null);
      assert.strictEqual(bytesRead, 6);
      assert.strictEqual(bufs2[0], x);
      assert.strictEqual(x.toString() + y.toString(), 'abcdo ');
      done();
    });
  });
});
step('fstat', (done) => fs.fstat(step.fd, (err, st) => {
  assert.strictEqual(err, null);
  assert.ok(st instanceof fs.Stats);
  assert.strictEqual(st.size, 12);
  assert.ok(st.isFile());
  done();
}));
step('fstat bigint', (done) => fs.fstat(step.fd, { bigint: true }, (err, st) => {
  assert.strictEqual(err, null);
  assert.strictEqual(st.size, 12n);
  done();
}));
step('fsync/fdatasync/ftruncate', (done) => fs.fsync(step.fd, (err) => {
  assert.strictEqual(err, null);
  fs.fdatasync(step.fd, (err) => {
    assert.strictEqual(err, null);
    fs.ftruncate(step.fd, 5, (err) => {
      assert.strictEqual(err, null);
      assert.strictEqual(fs.fstatSync(step.fd).size, 5);
      done();
    });
  });
}));
step('fchmod/fchown/futimes', (done) => fs.fchmod(step.fd, 0o600, (err) => {
  assert.strictEqual(err, null);
  const st = fs.fstatSync(step.fd);
  assert.strictEqual(st.mode & 0o777, 0o600);
  fs.fchown(step.fd, st.uid, st.gid, (err) => {
    assert.strictEqual(err, null);
    fs.futimes(step.fd, 100, 200, (err) => {
      assert.strictEqual(err, null);
      assert.strictEqual(fs.fstatSync(step.fd).mtimeMs, 200000);
      done();
    });
  });
}));
step('close', (done) => fs.close(step.fd, function(err) {
  assert.strictEqual(err, null);
  assert.throws(() => fs.fstatSync(step.fd), { code: 'EBADF' });
  done();
}));
step('stat/lstat', (done) => fs.stat(file, (err, st) => {
  assert.strictEqual(err, null);
  assert.strictEqual(st.size, 5);
  fs.lstat(file, { bigint: true }, (err, lst) => {
    assert.strictEqual(err, null);
    assert.strictEqual(lst.ino, BigInt(st.ino));
    done();
  });
}));
step('access/exists', (done) => fs.access(file, fs.constants.R_OK, (err) => {
  assert.strictEqual(err, null);
  fs.exists(file, (yes) => {
    assert.strictEqual(yes, true);
    fs.exists(j('nope'), (no) => {
      assert.strictEqual(no, false);
      // util.promisify's custom form is a function named like node's.
      const existsAsync = util.promisify(fs.exists);
      assert.strictEqual(existsAsync.name, 'exists');
      existsAsync(file).then((found) => {
        assert.strictEqual(found, true);
        done();
      });
    });
  });
}));
step('mkdir', (done) => fs.mkdir(j('d'), (err, result) => {
  assert.strictEqual(err, null);
  assert.strictEqual(result, undefined);
  fs.mkdir(j('r', 's', 't'), { recursive: true }, (err, first) => {
    assert.strictEqual(err, null);
    assert.strictEqual(first, j('r'));
    fs.mkdir(j('r', 's'), { recursive: true }, (err, first) => {
      assert.strictEqual(err, null);
      assert.strictEqual(first, undefined);
      done();
    });
  });
}));
step('readdir', (done) => fs.readdir(dir, (err, names) => {
  assert.strictEqual(err, null);
  assert.deepStrictEqual(names, ['a.txt', 'd', 'r']);
  fs.readdir(dir, { withFileTypes: true }, (err, ents) => {
    assert.strictEqual(err, null);
    assert.deepStrictEqual(ents.map((e) => [e.name, e.isFile(), e.isDirectory(), e.parentPath]),
                           [['a.txt', true, false, dir], ['d', false, true, dir], ['r', false, true, dir]]);
    fs.readdir(dir, 'buffer', (err, bufs) => {
      assert.strictEqual(err, null);
      assert.deepStrictEqual(bufs, [Buffer.from('a.txt'), Buffer.from('d'), Buffer.from('r')]);
      fs.readdir(j('r'), { recursive: true }, (err, all) => {
        assert.strictEqual(err, null);
        assert.deepStrictEqual(all.sort(), ['s', 's/t']);
        done();
      });
    });
  });
}));
step('symlink/readlink/realpath', (done) => fs.symlink('a.txt', j('ln'), (err) => {
  assert.strictEqual(err, null);
  fs.readlink(j('ln'), (err, target) => {
    assert.strictEqual(err, null);
    assert.strictEqual(target, 'a.txt');
    fs.readlink(j('ln'), 'buffer', (err, target) => {
      assert.strictEqual(err, null);
      assert.deepStrictEqual(target, Buffer.from('a.txt'));
      fs.realpath(j('ln'), (err, real) => {
        assert.strictEqual(err, null);
        assert.strictEqual(real, fs.realpathSync(file));
        fs.realpath.native(j('ln'), (err, real2) => {
          assert.strictEqual(err, null);
          assert.strictEqual(real2, real);
          done();
        });
      });
    });
  });
}));
step('link/rename/unlink', (done) => fs.link(file, j('hard'), (err) => {
  assert.strictEqual(err, null);
  fs.rename(j('hard'), j('hard2'), (err) => {
    assert.strictEqual(err, null);
    assert.strictEqual(fs.statSync(j('hard2')).nlink, 2);
    fs.unlink(j('hard2'), (err) => {
      assert.strictEqual(err, null);
      assert.ok(!fs.existsSync(j('hard2')));
      done();
    });
  });
}));
step('copyFile', (done) => fs.copyFile(file, j('copy'), (err) => {
  assert.strictEqual(err, null);
  assert.strictEqual(fs.readFileSync(j('copy'), 'utf8'), 'abcdo');
  fs.copyFile(file, j('copy'), fs.constants.COPYFILE_EXCL, (err) => {
    assert.strictEqual(err.code, 'EEXIST');
    assert.strictEqual(err.dest, j('copy'));
    done();
  });
}));
step('chmod/chown/lchown/utimes/lutimes', (done) => fs.chmod(file, '640', (err) => {
  assert.strictEqual(err, null);
  const st = fs.statSync(file);
  assert.strictEqual(st.mode & 0o777, 0o640);
  fs.chown(file, st.uid, st.gid, (err) => {
    assert.strictEqual(err, null);
    fs.lchown(j('ln'), st.uid, st.gid, (err) => {
      assert.strictEqual(err, null);
      fs.utimes(file, new Date(5000), 6, (err) => {
        assert.strictEqual(err, null);
        assert.strictEqual(fs.statSync(file).atimeMs, 5000);
        assert.strictEqual(fs.statSync(file).mtimeMs, 6000);
        fs.lutimes(j('ln'), 7, 8, (err) => {
          assert.strictEqual(err, null);
          assert.strictEqual(fs.lstatSync(j('ln')).mtimeMs, 8000);
          done();
        });
      });
    });
  });
}));
step('truncate', (done) => fs.truncate(file, 2, (err) => {
  assert.strictEqual(err, null);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'ab');
  fs.truncate(file, (err) => {
    assert.strictEqual(err, null);
    assert.strictEqual(fs.statSync(file).size, 0);
    done();
  });
}));
step('writeFile/readFile/appendFile', (done) => fs.writeFile(file, 'héllo', (err) => {
  assert.strictEqual(err, null);
  fs.readFile(file, (err, data) => {
    assert.strictEqual(err, null);
    assert.ok(Buffer.isBuffer(data));
    assert.strictEqual(data.toString(), 'héllo');
    fs.appendFile(file, Buffer.from(' wörld'), (err) => {
      assert.strictEqual(err, null);
      fs.readFile(file, 'utf8', (err, text) => {
        assert.strictEqual(err, null);
        assert.strictEqual(text, 'héllo wörld');
        fs.writeFile(file, 'aGk=', { encoding: 'base64', flush: true }, (err) => {
          assert.strictEqual(err, null);
          fs.readFile(file, { encoding: 'latin1' }, (err, text) => {
            assert.strictEqual(err, null);
            assert.strictEqual(text, 'hi');
            done();
          });
        });
      });
    });
  });
}));
step('readFile of a large file and of procfs', (done) => {
  const big = Buffer.alloc(2 * 1024 * 1024 + 5, 'qwerty');
  fs.writeFile(j('big'), big, (err) => {
    assert.strictEqual(err, null);
    fs.readFile(j('big'), (err, data) => {
      assert.strictEqual(err, null);
      assert.ok(data.equals(big));
      fs.readFile('/proc/self/status', 'utf8', (err, text) => {
        assert.strictEqual(err, null);
        assert.match(text, /^Name:/);
        done();
      });
    });
  });
});
step('readFile/writeFile on a user fd', (done) => {
  const fd = fs.openSync(j('fdfile'), 'w+');
  fs.writeFile(fd, 'via fd', (err) => {
    assert.strictEqual(err, null);
    fs.readFile(fd, 'utf8', (err, text) => {
      assert.strictEqual(err, null);
      assert.strictEqual(text, '');  // The position is at the end.
      assert.strictEqual(fs.readFileSync(j('fdfile'), 'utf8'), 'via fd');
      fs.closeSync(fd);
      done();
    });
  });
});
step('mkdtemp', (done) => fs.mkdtemp(j('tmp-'), (err, p) => {
  assert.strictEqual(err, null);
  assert.match(path.basename(p), /^tmp-[A-Za-z0-9]{6}$/);
  assert.ok(fs.statSync(p).isDirectory());
  fs.mkdtemp(j('tmp-'), { encoding: 'buffer' }, (err, b) => {
    assert.strictEqual(err, null);
    assert.ok(Buffer.isBuffer(b));
    done();
  });
}));
step('statfs', (done) => fs.statfs(dir, (err, s) => {
  assert.strictEqual(err, null);
  assert.ok(s.bsize > 0);
  done();
}));
step('rmdir/rm', (done) => fs.rmdir(j('d'), (err) => {
  assert.strictEqual(err, null);
  fs.rm(j('r'), { recursive: true }, (err) => {
    assert.strictEqual(err, null);
    assert.ok(!fs.existsSync(j('r')));
    fs.rm(j('nope'), { force: true }, (err) => {
      assert.strictEqual(err, null);
      fs.rm(j('copy'), (err) => {
        assert.strictEqual(err, null);
        assert.ok(!fs.existsSync(j('copy')));
        done();
      });
    });
  });
}));
step('promisify', (done) => {
  (async () => {
    const fd = await util.promisify(fs.open)(file, 'r');
    const { bytesRead, buffer } = await util.promisify(fs.read)(fd, Buffer.alloc(2), 0, 2, 0);
    assert.strictEqual(bytesRead, 2);
    assert.strictEqual(buffer.toString(), 'hi');
    await util.promisify(fs.close)(fd);
    assert.strictEqual(await util.promisify(fs.exists)(file), true);
    assert.strictEqual((await util.promisify(fs.stat)(file)).size, 2);
    await assert.rejects(util.promisify(fs.stat)(j('nope')), { code: 'ENOENT' });
  })().then(done, (err) => process.nextTick(() => { throw err; }));
});

next();
