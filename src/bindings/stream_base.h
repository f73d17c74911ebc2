// StreamSocket: one connected or listening socket (TCP or Unix) on the loop, shared by the
// tcp_wrap and pipe_wrap bindings; the http_parser binding reads a socket through it directly
// (StreamListener) instead of going through JS.
//
// JS sees a handle object (new TCP(type) / new Pipe(type)) whose methods are:
//   readStart() / readStop()        -> 0 or -errno. Data arrives as handle.onread(nread, ab):
//                                      nread > 0 with an ArrayBuffer of exactly nread bytes,
//                                      kEof at end of stream, or -errno.
//   writeBuffer(req, view)          -> 0 or -errno; writeString(req, string, encoding);
//   writev(req, chunks, allBuffers) (chunks: views, or [chunk, encoding, ...] pairs; encodings
//                                      as numbers: 0 utf8, 1 latin1, 2 ucs2).
//                                      streamState[kLastWriteWasAsync] says whether
//                                      req.oncomplete(status) will run; streamState
//                                      [kBytesWritten] is the byte count of the write.
//   shutdown(req)                   -> req.oncomplete(status) once queued writes are sent and
//                                      the write side is shut (FIN).
//   close(cb)                       -> cb() later; in-flight requests are cancelled first.
//   ref() / unref() / hasRef(), getsockname(out) / getpeername(out), fd, writeQueueSize,
//   setNoDelay(on), setKeepAlive(on, delaySecs), reset() (the close then sends RST), bytesRead.
//
// Writes: when nothing is queued, a write is sent at once (sendmsg, MSG_DONTWAIT) and, if the
// kernel took it all, reported complete without a JS callback — a write's callback means the
// bytes are the kernel's, as in node (another process may act on it, or this one exit). What
// the kernel did not take queues (views pinned, strings copied) behind one ring send in flight
// per socket, and whatever is queued when that send completes goes out in one sendmsg; such
// writes complete through req.oncomplete.
//
// Reads: a multishot recv into the loop's provided-buffer ring; each completion is copied out
// (the ring buffer goes back to the kernel when the callback returns). readStop cancels the
// recv; data already received before the cancel is still delivered.
//
// Lifetime: the C++ object and its JS object live until close() finished: every request the
// kernel may still touch (recv, accept, connect, send, the deferred-callback timer) has ended
// and the fd is closed.
#ifndef SRC_BINDINGS_STREAM_BASE_H_
#define SRC_BINDINGS_STREAM_BASE_H_

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <vector>

#include "loop/loop.h"
#include "runtime/environment.h"
#include "v8.h"

namespace ringjs::stream {

// What JS sees as nread at the end of a stream (libuv's UV_EOF).
constexpr int kEof = -4095;

enum StreamStateField { kBytesWritten = 0, kLastWriteWasAsync, kStreamStateFields };

class StreamSocket;
class StreamData;

// Takes a socket's received bytes instead of the JS onread callback (the HTTP parser). Called
// inside a CallbackScope on the loop thread.
class StreamListener {
 public:
  virtual ~StreamListener() = default;
  // nread > 0 with data, kEof, or -errno.
  virtual void OnStreamRead(StreamSocket* socket, ssize_t nread, const char* data) = 0;
  // The socket is closing (or the listener was replaced); no more reads come.
  virtual void OnStreamDetach(StreamSocket* socket) = 0;
};

enum class SocketKind : uint8_t { kTcp, kPipe };

class StreamSocket {
 public:
  StreamSocket(Environment* env, v8::Local<v8::Object> object, SocketKind kind);
  ~StreamSocket();
  StreamSocket(const StreamSocket&) = delete;
  StreamSocket& operator=(const StreamSocket&) = delete;

  // The socket behind a handle object, or nullptr (not a socket handle, or closed).
  static StreamSocket* Unwrap(v8::Local<v8::Value> value);

  Environment* env() const { return env_; }
  StreamData* data() const { return data_; }
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }
  SocketKind kind() const { return kind_; }
  int fd() const { return fd_; }
  int family() const { return family_; }
  bool closing() const { return closing_; }

  // Creates the fd if there is none yet. Returns 0 or -errno.
  int EnsureSocket(int family);
  // Takes an accepted or opened fd.
  void Adopt(int fd, int family);

  int Bind(const sockaddr* addr, socklen_t len, int flags);
  int Listen(int backlog);
  int Connect(v8::Local<v8::Object> req, const sockaddr* addr, socklen_t len);
  int ReadStart();
  int ReadStop();
  bool reading() const { return reading_; }
  // A piece of a write: JS memory pinned by `store`, or bytes owned here.
  struct Chunk {
    const char* data = nullptr;
    size_t len = 0;
    std::unique_ptr<char[]> owned;
    std::shared_ptr<v8::BackingStore> store;
    void* op = nullptr;  // Internal: the write completed when this chunk is sent.
  };
  // Nothing is queued or being sent: a write may go straight to the kernel (SendNow).
  bool CanSendNow() const {
    return fd_ >= 0 && write_error_ == 0 && !closing_ && queue_.empty() &&
           !send_req_.in_flight() && !flush_scheduled_;
  }
  // sendmsg without waiting: the bytes the kernel took (maybe fewer than asked, stopping at a
  // full socket), -EAGAIN when it took none, or -errno.
  ssize_t SendNow(const iovec* iov, size_t count);
  // Queues chunks; req.oncomplete(status) runs once the last chunk is sent. Returns 0 or
  // -errno.
  int Write(v8::Local<v8::Object> req, Chunk* chunks, size_t count);
  int Shutdown(v8::Local<v8::Object> req);
  void Close(v8::Local<v8::Value> cb);
  void SetRef(bool ref);
  bool has_ref() const { return ref_; }
  // Ref'd and not closed yet (closing counts, as node's handle queue):
  // what process._getActiveHandles() lists.
  bool IsAliveAndRefed() const { return ref_ && !finished_; }
  // node's resource name for process.getActiveResourcesInfo().
  const char* ResourceName() const {
    if (kind_ == SocketKind::kTcp) return server_ ? "TCPServerWrap" : "TCPSocketWrap";
    return "PipeWrap";  // node names pipe servers so too
  }
  bool connecting() const { return connect_req_.in_flight(); }
  // Another process holds the descriptor too: Close() leaves the listening socket alone.
  void set_shared() { shared_ = true; }
  int SetNoDelay(bool on);
  int SetKeepAlive(bool on, int delay_secs);
  size_t write_queue_size() const { return queued_bytes_; }
  // Bytes received, whoever consumed them (JS onread or a listener).
  uint64_t bytes_read() const { return bytes_read_; }
  // Loop time of the last read given to the listener, -1 before any.
  double last_consumed_read_ms() const { return last_consumed_read_ms_; }

  void set_listener(StreamListener* listener);
  StreamListener* listener() const { return listener_; }

  // A worker's teardown: Close() what JS left open; once nothing more will run, the descriptor
  // of one whose close has not finished is closed here (the loop goes away with its requests).
  void CloseForTeardown();
  void ReleaseFdAfterTeardown();

 private:
  struct WriteOp {
    v8::Global<v8::Object> req;
  };

  void OnRecv(int64_t result);
  void OnAccept(int64_t result);
  void OnConnect(int64_t result);
  void OnSend(int64_t result);
  void OnDeferred();
  void SubmitSend();
  void FailQueue(int err, std::vector<WriteOp*>* done);
  void FlushOnClose();
  void CompleteOps(std::vector<WriteOp*>* done, int status);
  void FinishShutdown(int status);
  void EmitRead(ssize_t nread, const char* data);
  void Defer(std::function<void()> fn);
  bool AnyInFlight() const;
  void MaybeFinishClose();
  void ApplyOptions();

  Environment* env_;
  StreamData* data_;
  v8::Global<v8::Object> object_;
  SocketKind kind_;
  int fd_ = -1;
  int family_ = 0;
  bool ref_ = true;
  bool reading_ = false;
  bool listening_ = false;
  bool server_ = false;  // It listened (a server stays one while it closes).
  bool closing_ = false;
  bool shared_ = false;
  bool closed_fd_ = false;
  bool finished_ = false;
  bool no_delay_ = false;
  bool keep_alive_ = false;
  int keep_alive_delay_ = 0;
  int write_error_ = 0;
  uint64_t bytes_read_ = 0;
  double last_consumed_read_ms_ = -1;
  StreamListener* listener_ = nullptr;

  loop::Request recv_req_;
  loop::Request accept_req_;
  loop::Request connect_req_;
  loop::Request send_req_;
  loop::Request defer_req_;
  sockaddr_storage connect_addr_{};
  v8::Global<v8::Object> connect_js_req_;
  v8::Global<v8::Object> shutdown_js_req_;
  bool shutdown_pending_ = false;
  v8::Global<v8::Value> close_cb_;

  std::deque<Chunk> queue_;
  size_t queued_bytes_ = 0;
  size_t front_offset_ = 0;
  bool flush_scheduled_ = false;
  static constexpr int kMaxIov = 64;
  iovec iov_[kMaxIov];
  msghdr msg_{};

  std::vector<std::function<void()>> deferred_;
  std::list<StreamSocket*>::iterator registered_;  // In data_->sockets.
};

// Per-Environment state shared by the socket bindings.
class StreamData : public BindingData {
 public:
  explicit StreamData(Environment* env);
  ~StreamData() override;
  v8::Local<v8::String> onread() const { return onread_.Get(isolate_); }
  v8::Local<v8::String> oncomplete() const { return oncomplete_.Get(isolate_); }
  v8::Local<v8::String> onconnection() const { return onconnection_.Get(isolate_); }
  v8::Local<v8::Float64Array> state_array() const { return state_.Get(isolate_); }
  double* state() { return state_data_; }
  // The constructor new connections of a listening socket of this kind are made with.
  v8::Global<v8::Function> tcp_constructor;
  v8::Global<v8::Function> pipe_constructor;
  // Every socket not yet freed, oldest first, for process._getActiveHandles(). A worker
  // closes them when it ends (as node's handle cleanup): its servers and connections do not
  // outlive it.
  std::list<StreamSocket*> sockets;

 private:
  v8::Isolate* isolate_;
  v8::Global<v8::String> onread_;
  v8::Global<v8::String> oncomplete_;
  v8::Global<v8::String> onconnection_;
  v8::Global<v8::Float64Array> state_;
  double* state_data_ = nullptr;
};

StreamData* GetStreamData(Environment* env);

// Adds the methods above (except the kind-specific bind/listen/connect/open) to a handle
// template whose instances have kInternalFields internal fields.
constexpr int kInternalFields = 2;
void AddStreamMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);
// Fills out.address/family/port from a socket address (or out.address = path for Unix).
void AddressToJS(Environment* env, const sockaddr* addr, v8::Local<v8::Object> out);

}  // namespace ringjs::stream

#endif  // SRC_BINDINGS_STREAM_BASE_H_
