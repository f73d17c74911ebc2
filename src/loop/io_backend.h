// IoBackend: what the loop needs from a kernel interface. Two
// implementations: UringBackend (uring_backend.cc) and EpollBackend
// (epoll_backend.cc). Internal header.
#ifndef SRC_LOOP_IO_BACKEND_H_
#define SRC_LOOP_IO_BACKEND_H_

#include <cstddef>
#include <memory>
#include <string>

namespace ringjs::loop {

class Loop;
class Poll;
class Request;
struct LoopOptions;

class IoBackend {
 public:
  explicit IoBackend(Loop* loop) : loop_(loop) {}
  virtual ~IoBackend() = default;
  IoBackend(const IoBackend&) = delete;
  IoBackend& operator=(const IoBackend&) = delete;

  virtual const char* name() const = 0;
  // Starts req (fields already filled by the loop). Must not run callbacks;
  // an immediate failure goes through Loop::Defer.
  virtual void Submit(Request* req) = 0;
  // See Loop::Cancel.
  virtual int Cancel(Request* req) = 0;
  virtual int PollStart(Poll* handle) = 0;
  virtual void PollStop(Poll* handle) = 0;
  // The poll phase: submit what was staged, wait up to timeout_ms (-1 =
  // forever, 0 = don't block) and dispatch every completion.
  virtual void Wait(int timeout_ms) = 0;
  // True when work is ready that must not wait (poll timeout 0).
  virtual bool HasPendingWork() const { return false; }
  virtual size_t ops_in_flight() const = 0;
  // Called from ~Loop before the pool and fds go away: cancel everything
  // and wait until the kernel no longer references user memory. Runs no
  // callbacks.
  virtual void Shutdown() = 0;

 protected:
  Loop* loop_;
};

// Factories. On failure they return nullptr, set *error to a negative errno
// and *why to a one-line reason; on success *why describes the setup.
std::unique_ptr<IoBackend> CreateUringBackend(Loop* loop,
                                              const LoopOptions& options,
                                              std::string* why, int* error);
std::unique_ptr<IoBackend> CreateEpollBackend(Loop* loop, std::string* why,
                                              int* error);

}  // namespace ringjs::loop

#endif  // SRC_LOOP_IO_BACKEND_H_
