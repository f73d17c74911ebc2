// ringjs::loop: the event loop (libuv-compatible phases) over io_uring, with
// an epoll + thread pool fallback. No V8 here.
//
// Include this header only; it pulls in every handle type and Request.
//
// Turn order (libuv 1.44 uv_run): update time -> timers -> pending -> idle ->
// prepare -> poll (submit staged SQEs and wait in one io_uring_enter, or
// epoll_wait; run I/O, thread-pool and Async callbacks) -> check -> close
// callbacks. RunMode::kOnce additionally runs due timers after the close
// phase. Timers phase as libuv 1.45+: every timer due at the start of the
// phase is collected first, then they run in (due, start order).
//
// Threading: a Loop is created, run and destroyed on one thread (the ring is
// created SINGLE_ISSUER). Only Async::Send is callable from other threads.
#ifndef SRC_LOOP_LOOP_H_
#define SRC_LOOP_LOOP_H_

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "loop/async.h"
#include "loop/handle.h"
#include "loop/list.h"
#include "loop/poll.h"
#include "loop/request.h"
#include "loop/signal.h"
#include "loop/thread_pool.h"
#include "loop/timer.h"
#include "loop/timer_heap.h"

struct statx;

namespace ringjs::loop {

class IoBackend;
class SignalWatcher;

enum class RunMode { kDefault, kOnce, kNoWait };

enum class Backend {
  kAuto,     // io_uring unless RINGJS_IO_URING=0 or the probe fails.
  kIoUring,  // io_uring or nothing (Create returns nullptr).
  kEpoll,    // Always the fallback backend.
};

struct LoopOptions {
  Backend backend = Backend::kAuto;
  // Submission queue size (power of two).
  unsigned ring_entries = 256;
  // Completion queue size (power of two, at least 2 * ring_entries); 0 = 8192. Ops in flight
  // are capped below it (the rest wait in user space), and the kernel's cancel lookup gets
  // more hash buckets with it (256 from 8192 up; 16 with 512 made cancelling each of 10k
  // armed recvs walk a long chain).
  unsigned cq_entries = 0;
  // Kernel-side submission polling thread; off by default (see the design
  // notes on SQPOLL regressions and CVE-2024-22017).
  bool sqpoll = false;
  // 0 = UV_THREADPOOL_SIZE or 4.
  unsigned thread_pool_size = 0;
  // Provided-buffer ring shared by all Recv requests of the loop.
  unsigned recv_buffer_count = 64;  // Power of two, <= 32768.
  unsigned recv_buffer_size = 16384;
  // Testing aid: io_uring ops whose bit (1 << OpType) is set are submitted
  // as NOPs and completed as if the kernel had answered -EINVAL, which
  // exercises the retry on the thread pool.
  uint32_t debug_reject_ops = 0;
};

struct Counters {
  uint64_t turns = 0;           // Loop iterations (poll phases).
  uint64_t enters = 0;          // io_uring_enter or epoll_wait calls.
  uint64_t sqes_submitted = 0;  // SQEs the kernel consumed.
  uint64_t cqes_reaped = 0;
  uint64_t pool_tasks = 0;      // Tasks handed to the thread pool.
  // Additions beyond the required set.
  uint64_t ops_queued = 0;      // Ops that waited in user space for a slot.
  uint64_t max_in_flight = 0;   // High-water mark of ring ops in flight.
  uint64_t pool_fallbacks = 0;  // Ring ops retried on the pool (EINVAL...).
  uint64_t enobufs = 0;         // Recv re-arms after the buffer ring ran dry.
  uint64_t cancels = 0;         // Cancel SQEs submitted / cancels done.
};

// libuv's loop metrics (uv_metrics_idle_time, uv_metrics_info), for node's
// performance.eventLoopUtilization() and nodeTiming.
struct Metrics {
  uint64_t idle_time_ns = 0;    // Time blocked in the poll phase waiting for events.
  uint64_t events = 0;          // Completions and readiness events the poll phase delivered.
  uint64_t events_waiting = 0;  // Of those, the ones delivered by polls that did not block.
};

class Loop {
 public:
  // Options from the environment: RINGJS_IO_URING=0 forces epoll.
  // RINGJS_DEBUG (comma list) containing "loop" prints one stderr line naming
  // the backend and why. The io_uring probe result is cached per process.
  static std::unique_ptr<Loop> Create();
  static std::unique_ptr<Loop> Create(Backend backend);
  static std::unique_ptr<Loop> Create(const LoopOptions& options);
  // Cancels whatever is still in flight (without running callbacks) and
  // waits for the kernel to release it. Close every handle first: handles
  // still open are detached and must not be used afterwards.
  ~Loop();
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  // libuv semantics. Returns whether the loop is still alive.
  bool Run(RunMode mode = RunMode::kDefault);
  // A referenced active handle, a referenced request in flight (pool work
  // included) or a pending close callback.
  bool IsAlive() const;
  // Makes Run() return after the current turn (poll does not block).
  void Stop();

  // Milliseconds, monotonic, cached at the start of each turn.
  uint64_t Now() const { return now_ms_; }
  void UpdateTime();
  // Nanoseconds, monotonic, not cached.
  static uint64_t HrTime();

  const char* backend_name() const;
  const Counters& counters() const { return counters_; }
  const Metrics& metrics() const { return metrics_; }
  // Operations waiting on the kernel: ring ops (the loop's own wake read
  // excluded) or epoll readiness waits and timeouts. Pool work not included.
  size_t ops_in_flight() const;

  // Runs work on a pool thread and after_work(status) on the loop thread in
  // the poll phase; status is 0. Counts as an in-flight request meanwhile.
  // The pool starts on first use.
  void QueueWork(std::function<void()> work,
                 std::function<void(int status)> after_work);
  // Queues cb for the pending phase of the next turn (libuv's pending
  // queue); poll does not block while any is queued. With keeps_alive the
  // callback counts as a referenced request until it runs (a completion
  // known early, e.g. a result taken without waiting), so the loop does not
  // end before it; otherwise it runs only if the loop goes on anyway.
  void QueuePending(std::function<void()> cb, bool keeps_alive = false);

  // Thread pool size (starting the pool is lazy; this does not start it).
  unsigned thread_pool_size() const;
  // The pool, or nullptr before first use.
  ThreadPool* thread_pool() const { return pool_.get(); }
  // Runs a raw task on the pool (started on first use); its done hook runs in the poll phase.
  // Unlike QueueWork it allocates nothing and does not keep the loop alive (the caller does).
  // Returns the pool, whose Submit() pool threads may call for follow-up tasks (DrainQueue).
  ThreadPool* SubmitPoolTask(PoolTask* task);

  // Asynchronous I/O. Each returns 0 (cb will run) or -errno (-EBUSY when req
  // is in flight, -EINVAL for bad arguments; cb will not run). See
  // request.h for lifetime rules. On io_uring every op is an SQE; on epoll
  // file ops run on the pool and socket/pipe/tty I/O waits for readiness and
  // uses non-blocking syscalls (sockets must be O_NONBLOCK).
  int Read(Request* req, int fd, void* buf, size_t len, int64_t offset);
  int Write(Request* req, int fd, const void* buf, size_t len, int64_t offset);
  int Readv(Request* req, int fd, const struct iovec* iov, int iovcnt,
            int64_t offset);
  int Writev(Request* req, int fd, const struct iovec* iov, int iovcnt,
             int64_t offset);
  // offset -1 = current file position (required for pipes and sockets).
  int OpenAt(Request* req, int dirfd, const char* path, int flags,
             uint32_t mode);  // result: the new fd.
  int Close(Request* req, int fd);
  int Statx(Request* req, int dirfd, const char* path, int flags,
            uint32_t mask, struct statx* buf);
  int Fsync(Request* req, int fd, bool datasync);
  int RenameAt(Request* req, int olddirfd, const char* oldpath, int newdirfd,
               const char* newpath, unsigned flags);
  int UnlinkAt(Request* req, int dirfd, const char* path, int flags);
  int MkdirAt(Request* req, int dirfd, const char* path, uint32_t mode);
  int LinkAt(Request* req, int olddirfd, const char* oldpath, int newdirfd,
             const char* newpath, int flags);
  int SymlinkAt(Request* req, const char* target, int newdirfd,
                const char* linkpath);
  // On the ring from Linux 6.9 (IORING_OP_FTRUNCATE); the pool before.
  int Ftruncate(Request* req, int fd, int64_t length);
  // Multishot: cb(new_fd) per connection (O_NONBLOCK|O_CLOEXEC) until an
  // error or Cancel(). An error ends it (has_more() false).
  int Accept(Request* req, int listen_fd);
  int Connect(Request* req, int fd, const struct sockaddr* addr,
              socklen_t addrlen);
  // Multishot: cb(n) with buffer() per chunk, cb(0) at EOF, cb(-errno) on
  // error, cb(-ECANCELED) after Cancel(). A dry buffer ring (-ENOBUFS) is
  // never reported: the recv is re-armed.
  int Recv(Request* req, int fd);
  // result: bytes sent (may be short). MSG_NOSIGNAL is added.
  int Send(Request* req, int fd, const void* buf, size_t len, int flags);
  int Sendmsg(Request* req, int fd, const struct msghdr* msg, int flags);
  // Completes with 0 after timeout_ms, or -ECANCELED. A 0 ms timeout costs no kernel op or
  // timer: it completes in the next poll phase to begin (this turn's when started before it,
  // the next turn's when started from a poll, check or close callback), after that phase's
  // other completions, as a ring timeout that expired at once would; Cancel() then answers
  // -EALREADY.
  int Timeout(Request* req, uint64_t timeout_ms);
  // Asks for req to end early. Returns 0 if cancellation started (req's cb
  // then gets -ECANCELED, or its real result if it won the race), -ENOENT if
  // req is not in flight, -EALREADY if already cancelled or completing,
  // -EBUSY if it is running on a pool thread (it completes normally). A
  // request being cancelled keeps the loop alive until its last callback,
  // even if unreferenced.
  int Cancel(Request* req);
  // A request whose result is already known (taken without waiting): cb(result)
  // runs in a poll phase, where a completion from the kernel or the pool
  // would, and the request counts as in flight until then. It is the poll
  // phase after the next check phase: the turn a worker would have needed
  // (setImmediate callbacks queued with the request run before it, as they
  // do in node when the work goes to its pool).
  int CompleteLater(Request* req, int64_t result);
  // An unreferenced request does not keep the loop alive (socket.unref()).
  void SetRequestRef(Request* req, bool ref);

 private:
  friend class Handle;
  friend class PhaseHandle;
  friend class Timer;
  friend class Async;
  friend class Signal;
  friend class SignalWatcher;
  friend class Poll;
  friend class IoBackend;
  friend class UringBackend;
  friend class EpollBackend;

  Loop();
  bool Init(const LoopOptions& options, std::string* why);

  void RunTimers();
  bool RunPending();
  void RunPhase(List<PhaseHandle>* list);
  void RunClosing();
  void DeliverDeferred();
  int PollTimeout() const;

  // Called by the backends around their blocking wait (start_ns from
  // HrTime()), and with the events one wait delivered.
  void AddIdleTime(uint64_t start_ns) { metrics_.idle_time_ns += HrTime() - start_ns; }
  void AddEvents(uint64_t count, bool blocked) {
    metrics_.events += count;
    if (!blocked) metrics_.events_waiting += count;
  }

  // Called by the backends when the wake eventfd fired: runs thread-pool
  // completions and Async callbacks.
  void OnWakeup();
  void Wake();  // Thread-safe.

  // Request plumbing shared by the backends.
  int BeginRequest(Request* req, OpType type);
  // Shared bodies of Read/Write and Readv/Writev.
  int SubmitBufferOp(Request* req, OpType type, int fd, void* buf, size_t len, int64_t offset);
  int SubmitVectorOp(Request* req, OpType type, int fd, const struct iovec* iov, int iovcnt,
                     int64_t offset);
  void Complete(Request* req, int64_t result, bool more);
  void Defer(Request* req, int64_t result);
  void RunOnPool(Request* req);
  ThreadPool* EnsurePool();

  std::unique_ptr<IoBackend> backend_;
  std::unique_ptr<ThreadPool> pool_;
  std::unique_ptr<SignalWatcher> signals_;
  int wake_fd_ = -1;
  unsigned pool_size_ = 0;
  uint64_t now_ms_ = 0;
  uint64_t timer_counter_ = 0;
  unsigned active_handles_ = 0;  // Referenced and active.
  size_t active_reqs_ = 0;       // Referenced requests in flight.
  bool stop_flag_ = false;
  bool destroying_ = false;
  TimerHeap timers_;
  List<Handle> handles_;
  List<Handle> closing_;
  List<PhaseHandle> prepare_;
  List<PhaseHandle> idle_;
  List<PhaseHandle> check_;
  List<Async> asyncs_;
  List<Request> deferred_;
  List<Request> deferred_next_turn_;  // CompleteLater: moved to deferred_ after check.
  List<Request> deferred_next_poll_;  // Timeout(0): moved to deferred_ before the poll wait.
  struct PendingCallback {
    std::function<void()> cb;
    bool keeps_alive;
  };
  std::vector<PendingCallback> pending_;
  Counters counters_;
  Metrics metrics_;
};

}  // namespace ringjs::loop

#endif  // SRC_LOOP_LOOP_H_
