// The io_uring backend. Every operation is an SQE staged during the turn;
// the poll phase submits them all and waits in one io_uring_enter, then
// reaps every CQE. Rules (see docs: design.md "io_uring rules"):
// - IORING_FEAT_NODROP is required; user ops in flight are capped below the
//   CQ size and the rest wait in user space.
// - A NULL SQE means our SQ is full: submit, then retry.
// - -EBUSY/-EAGAIN from io_uring_enter: reap, then resubmit.
// - Nothing the kernel may touch is released before its CQE, cancellation
//   included (a cancelled op still posts a CQE, and so does the cancel).
// - File ops the kernel rejects with -EINVAL/-EOPNOTSUPP go to the pool.
#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "loop/blocking_ops.h"
#include "loop/io_backend.h"
#include "loop/loop.h"

namespace ringjs::loop {

namespace {

// user_data tags in the low bits (Requests and internal ops are 8-aligned).
constexpr uint64_t kTagMask = 7;
constexpr uint64_t kTagInternal = 1;
constexpr uint64_t kTagCancel = 2;

constexpr int kBufferGroup = 0;
constexpr unsigned kDefaultCqEntries = 8192;
constexpr unsigned kMaxCqEntries = 65536;  // IORING_MAX_CQ_ENTRIES.
constexpr unsigned kReapBatch = 256;
// Completions whose task work one io_uring_enter runs under DEFER_TASKRUN (Linux 6.14+).
constexpr unsigned kLocalTaskWorkBatch = 20;
// Reap rounds per poll phase before yielding to the other phases.
constexpr int kMaxReapRounds = 64;
// Linux caps a single read/write at this many bytes anyway.
constexpr size_t kMaxRwBytes = 0x7ffff000;
// IORING_OP_FTRUNCATE (Linux 6.9); newer than the liburing headers we build against.
constexpr int kOpFtruncate = 55;
// Reads at least this large go to an io-wq worker (IOSQE_ASYNC) instead of running inline.
constexpr unsigned kAsyncReadBytes = 256 * 1024;

unsigned RoundUpPow2(unsigned value) {
  unsigned result = 1;
  while (result < value) result <<= 1;
  return result;
}

std::string SetupFlagNames(unsigned flags) {
  std::string names;
  auto add = [&names](const char* name) {
    if (!names.empty()) names += "|";
    names += name;
  };
  if (flags & IORING_SETUP_SQPOLL) add("SQPOLL");
  if (flags & IORING_SETUP_SINGLE_ISSUER) add("SINGLE_ISSUER");
  if (flags & IORING_SETUP_DEFER_TASKRUN) add("DEFER_TASKRUN");
  if (flags & IORING_SETUP_COOP_TASKRUN) add("COOP_TASKRUN");
  if (flags & IORING_SETUP_TASKRUN_FLAG) add("TASKRUN_FLAG");
  if (names.empty()) names = "no flags";
  return names;
}

}  // namespace

class UringBackend final : public IoBackend {
 public:
  explicit UringBackend(Loop* loop) : IoBackend(loop) {}
  ~UringBackend() override;

  bool Init(const LoopOptions& options, std::string* why, int* error);

  const char* name() const override { return "io_uring"; }
  void Submit(Request* req) override;
  int Cancel(Request* req) override;
  int PollStart(Poll* handle) override;
  void PollStop(Poll* handle) override;
  void Wait(int timeout_ms) override;
  bool HasPendingWork() const override;
  size_t ops_in_flight() const override {
    return in_flight_ -
           (wake_op_.state == InternalOp::State::kKernel ? 1 : 0);
  }
  void Shutdown() override;

 private:
  // The ring ops the loop issues for itself: the wake eventfd read and the
  // Poll handles' POLL_ADDs. A Poll op outlives its handle if the handle
  // stops while the op is in the kernel (owner becomes nullptr).
  struct InternalOp {
    enum class Kind : uint8_t { kWake, kPoll };
    enum class State : uint8_t { kIdle, kQueued, kKernel, kDispatching };
    Kind kind = Kind::kPoll;
    State state = State::kIdle;
    bool multishot = false;
    int fd = -1;
    unsigned mask = 0;
    Poll* owner = nullptr;
    ListLink<InternalOp> link{this};
    ListLink<InternalOp> all_link{this};
  };

  io_uring_sqe* GetSqe();
  unsigned Flush();
  int Enter(unsigned to_submit, unsigned wait_nr, int timeout_ms,
            bool getevents);
  // Submits what is staged without waiting (SQ full).
  bool SubmitStaged();

  void Enqueue(Request* req);
  void PrepRequest(io_uring_sqe* sqe, Request* req);
  void StageInternal(InternalOp* op);
  void PrepInternal(io_uring_sqe* sqe, InternalOp* op);
  void QueueCancel(uint64_t target);
  void FillFromQueues();
  void NoteInFlight();

  void RunMoreTaskWork();
  void Reap();
  void Dispatch(uint64_t user_data, int32_t res, uint32_t flags);
  void OnRequestCqe(Request* req, int32_t res, uint32_t flags);
  void OnInternalCqe(InternalOp* op, int32_t res, uint32_t flags);
  void DeleteOp(InternalOp* op);
  void ReturnBuffer(unsigned bid);
  int MapPollEvents(int32_t res, int wanted) const;

  struct io_uring ring_ = {};
  bool ring_ready_ = false;
  bool sqpoll_ = false;
  bool shutting_down_ = false;
  bool overflow_ = false;
  bool reported_enter_error_ = false;
  unsigned setup_flags_ = 0;
  unsigned cq_entries_ = 0;
  size_t cap_ = 0;              // Max user ops in the kernel.
  size_t in_flight_ = 0;        // Every op without its final CQE.
  size_t user_in_flight_ = 0;   // Request ops without their final CQE.
  bool pool_only_[64] = {};     // By OpType: the kernel lacks the opcode.
  uint32_t reject_ops_ = 0;     // LoopOptions::debug_reject_ops.
  List<Request> waiting_;
  List<InternalOp> internal_waiting_;
  std::vector<uint64_t> cancel_waiting_;
  List<InternalOp> internal_all_;
  // One Poll per fd, as on epoll.
  std::unordered_map<int, Poll*> poll_fds_;
  InternalOp wake_op_;
  uint64_t wake_value_ = 0;

  struct io_uring_buf_ring* buf_ring_ = nullptr;
  size_t buf_ring_bytes_ = 0;
  bool buf_ring_registered_ = false;
  char* buffers_ = nullptr;
  size_t buffers_bytes_ = 0;
  unsigned buf_count_ = 0;
  unsigned buf_size_ = 0;
};

std::unique_ptr<IoBackend> CreateUringBackend(Loop* loop,
                                              const LoopOptions& options,
                                              std::string* why, int* error) {
  std::unique_ptr<UringBackend> backend(new UringBackend(loop));
  if (!backend->Init(options, why, error)) return nullptr;
  return backend;
}

bool UringBackend::Init(const LoopOptions& options, std::string* why,
                        int* error) {
  unsigned entries = options.ring_entries;
  if (entries < 8) entries = 8;
  if (entries > 32768) entries = 32768;
  entries = RoundUpPow2(entries);
  unsigned cq_entries = options.cq_entries == 0 ? kDefaultCqEntries : options.cq_entries;
  if (cq_entries < 2 * entries) cq_entries = 2 * entries;
  if (cq_entries > kMaxCqEntries) cq_entries = kMaxCqEntries;
  cq_entries = RoundUpPow2(cq_entries);

  // Most capable first; -EINVAL means this kernel does not know a flag.
  std::vector<unsigned> attempts;
  if (options.sqpoll) {
    attempts = {IORING_SETUP_SQPOLL | IORING_SETUP_SINGLE_ISSUER,
                IORING_SETUP_SQPOLL};
  } else {
    // TASKRUN_FLAG makes the kernel say in the SQ flags when completions wait for an enter,
    // so a turn with nothing to submit and nothing pending can skip the syscall.
    attempts = {IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN |
                    IORING_SETUP_TASKRUN_FLAG,
                IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN,
                IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
                IORING_SETUP_COOP_TASKRUN, 0};
  }
  struct io_uring_params params;
  int r = -EINVAL;
  for (unsigned flags : attempts) {
    memset(&params, 0, sizeof(params));
    params.flags = flags | IORING_SETUP_CQSIZE;
    params.cq_entries = cq_entries;
    if (flags & IORING_SETUP_SQPOLL) params.sq_thread_idle = 1000;
    r = io_uring_queue_init_params(entries, &ring_, &params);
    if (r != -EINVAL) {
      setup_flags_ = flags;
      break;
    }
  }
  if (r < 0) {
    *error = r;
    *why = std::string("io_uring_setup: ") + strerror(-r);
    if (r == -ENOMEM) {
      struct rlimit limit;
      if (getrlimit(RLIMIT_MEMLOCK, &limit) == 0) {
        *why += " (RLIMIT_MEMLOCK " + std::to_string(limit.rlim_cur) +
                " bytes)";
      }
    }
    return false;
  }
  ring_ready_ = true;
  sqpoll_ = (setup_flags_ & IORING_SETUP_SQPOLL) != 0;

  if (!(params.features & IORING_FEAT_NODROP)) {
    *error = -ENOTSUP;
    *why = "io_uring lacks IORING_FEAT_NODROP (kernel too old)";
    return false;
  }
  if (!(params.features & IORING_FEAT_EXT_ARG)) {
    *error = -ENOTSUP;
    *why = "io_uring lacks IORING_FEAT_EXT_ARG (kernel too old)";
    return false;
  }

  struct io_uring_probe* probe = io_uring_get_probe_ring(&ring_);
  if (probe == nullptr) {
    *error = -ENOTSUP;
    *why = "io_uring opcode probe failed";
    return false;
  }
  static const int kRequired[] = {
      IORING_OP_READ,    IORING_OP_POLL_ADD, IORING_OP_ASYNC_CANCEL,
      IORING_OP_ACCEPT,  IORING_OP_CONNECT,  IORING_OP_RECV,
      IORING_OP_SEND,    IORING_OP_SENDMSG,  IORING_OP_TIMEOUT};
  for (int op : kRequired) {
    if (!io_uring_opcode_supported(probe, op)) {
      io_uring_free_probe(probe);
      *error = -ENOTSUP;
      *why = "io_uring lacks opcode " + std::to_string(op);
      return false;
    }
  }
  // File ops the kernel lacks simply run on the pool.
  struct {
    OpType type;
    int opcode;
  } file_ops[] = {{OpType::kWrite, IORING_OP_WRITE},
                  {OpType::kReadv, IORING_OP_READV},
                  {OpType::kWritev, IORING_OP_WRITEV},
                  {OpType::kOpenAt, IORING_OP_OPENAT},
                  {OpType::kClose, IORING_OP_CLOSE},
                  {OpType::kStatx, IORING_OP_STATX},
                  {OpType::kFsync, IORING_OP_FSYNC},
                  {OpType::kRenameAt, IORING_OP_RENAMEAT},
                  {OpType::kUnlinkAt, IORING_OP_UNLINKAT},
                  {OpType::kMkdirAt, IORING_OP_MKDIRAT},
                  {OpType::kLinkAt, IORING_OP_LINKAT},
                  {OpType::kSymlinkAt, IORING_OP_SYMLINKAT},
                  {OpType::kFtruncate, kOpFtruncate}};
  for (const auto& entry : file_ops) {
    if (!io_uring_opcode_supported(probe, entry.opcode))
      pool_only_[static_cast<int>(entry.type)] = true;
  }
  io_uring_free_probe(probe);

  // The provided-buffer ring for multishot recv (kernel 5.19+). liburing 2.3
  // has no io_uring_setup_buf_ring, so map and register it by hand.
  buf_count_ = RoundUpPow2(options.recv_buffer_count == 0
                               ? 64
                               : options.recv_buffer_count);
  if (buf_count_ > 32768) buf_count_ = 32768;
  buf_size_ = options.recv_buffer_size == 0 ? 16384 : options.recv_buffer_size;
  buf_ring_bytes_ = buf_count_ * sizeof(struct io_uring_buf);
  void* mem = mmap(nullptr, buf_ring_bytes_, PROT_READ | PROT_WRITE,
                   MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
  if (mem == MAP_FAILED) {
    *error = -errno;
    *why = std::string("mmap(buffer ring): ") + strerror(errno);
    return false;
  }
  buf_ring_ = static_cast<struct io_uring_buf_ring*>(mem);
  io_uring_buf_ring_init(buf_ring_);
  struct io_uring_buf_reg reg = {};
  reg.ring_addr = reinterpret_cast<uintptr_t>(buf_ring_);
  reg.ring_entries = buf_count_;
  reg.bgid = kBufferGroup;
  r = io_uring_register_buf_ring(&ring_, &reg, 0);
  if (r < 0) {
    *error = r;
    *why = std::string("io_uring_register_buf_ring: ") + strerror(-r);
    return false;
  }
  buf_ring_registered_ = true;
  // Pages are touched only when the kernel fills them.
  buffers_bytes_ = static_cast<size_t>(buf_count_) * buf_size_;
  mem = mmap(nullptr, buffers_bytes_, PROT_READ | PROT_WRITE,
             MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
  if (mem == MAP_FAILED) {
    *error = -errno;
    *why = std::string("mmap(recv buffers): ") + strerror(errno);
    return false;
  }
  buffers_ = static_cast<char*>(mem);
  int mask = io_uring_buf_ring_mask(buf_count_);
  for (unsigned i = 0; i < buf_count_; i++) {
    io_uring_buf_ring_add(buf_ring_, buffers_ + static_cast<size_t>(i) * buf_size_,
                          buf_size_, static_cast<unsigned short>(i), mask,
                          static_cast<int>(i));
  }
  io_uring_buf_ring_advance(buf_ring_, static_cast<int>(buf_count_));

  // We publish SQEs ourselves (Flush) so one io_uring_enter both submits
  // and waits with a timeout; keep the SQ index array the identity.
  for (unsigned i = 0; i < ring_.sq.ring_entries; i++) ring_.sq.array[i] = i;

  cq_entries_ = params.cq_entries;
  // Leave room in the CQ for internal ops and cancels.
  size_t reserve = cq_entries_ / 8 < 8 ? 8 : cq_entries_ / 8;
  cap_ = cq_entries_ > reserve ? cq_entries_ - reserve : 1;

  reject_ops_ = options.debug_reject_ops;

  // Arm the wake read now, so a fresh loop has nothing staged.
  wake_op_.kind = InternalOp::Kind::kWake;
  wake_op_.fd = loop_->wake_fd_;
  StageInternal(&wake_op_);
  r = Enter(Flush(), 0, 0, false);
  if (r < 0) {
    *error = r;
    *why = std::string("io_uring_enter: ") + strerror(-r);
    return false;
  }

  *why = "io_uring: " + SetupFlagNames(setup_flags_) + ", sq=" +
         std::to_string(params.sq_entries) + " cq=" +
         std::to_string(params.cq_entries);
  return true;
}

UringBackend::~UringBackend() {
  if (ring_ready_ && !shutting_down_) Shutdown();
  while (InternalOp* op = internal_all_.PopFront()) {
    if (op != &wake_op_) delete op;
  }
  if (ring_ready_) {
    if (buf_ring_registered_) io_uring_unregister_buf_ring(&ring_, kBufferGroup);
    io_uring_queue_exit(&ring_);
  }
  if (buf_ring_ != nullptr) munmap(buf_ring_, buf_ring_bytes_);
  if (buffers_ != nullptr) munmap(buffers_, buffers_bytes_);
}

void UringBackend::Shutdown() {
  if (shutting_down_ || !ring_ready_) return;
  shutting_down_ = true;
  // Ops still in user space never reached the kernel.
  while (Request* req = waiting_.PopFront()) req->state_ = Request::State::kIdle;
  while (InternalOp* op = internal_waiting_.PopFront()) {
    op->state = InternalOp::State::kIdle;
  }
  cancel_waiting_.clear();
  // Cancel everything else and wait for the kernel to let go of it.
  io_uring_sqe* sqe = GetSqe();
  if (sqe != nullptr) {
    io_uring_prep_cancel64(sqe, 0, IORING_ASYNC_CANCEL_ANY);
    io_uring_sqe_set_data64(sqe, kTagCancel);
    in_flight_++;
  }
  uint64_t deadline = Loop::HrTime() + 10ull * 1000 * 1000 * 1000;
  while (in_flight_ > 0 && Loop::HrTime() < deadline) {
    int r = Enter(Flush(), 1, 100, true);
    if (r < 0 && r != -ETIME && r != -EINTR && r != -EBUSY && r != -EAGAIN)
      break;
    Reap();
  }
}

io_uring_sqe* UringBackend::GetSqe() {
  io_uring_sqe* sqe = io_uring_get_sqe(&ring_);
  if (sqe != nullptr) return sqe;
  // Our own SQ is full: hand it to the kernel and retry.
  if (!SubmitStaged()) return nullptr;
  return io_uring_get_sqe(&ring_);
}

unsigned UringBackend::Flush() {
  struct io_uring_sq* sq = &ring_.sq;
  unsigned tail = sq->sqe_tail;
  if (sq->sqe_head != tail) {
    if (sqpoll_) loop_->counters_.sqes_submitted += tail - sq->sqe_head;
    sq->sqe_head = tail;
    io_uring_smp_store_release(sq->ktail, tail);
  }
  return tail - io_uring_smp_load_acquire(sq->khead);
}

int UringBackend::Enter(unsigned to_submit, unsigned wait_nr, int timeout_ms,
                        bool getevents) {
  unsigned flags = getevents || wait_nr > 0 ? IORING_ENTER_GETEVENTS : 0;
  struct __kernel_timespec ts;
  struct io_uring_getevents_arg arg;
  void* argp = nullptr;
  size_t argsz = 0;
  if (wait_nr > 0 && timeout_ms > 0) {
    memset(&arg, 0, sizeof(arg));
    ts.tv_sec = timeout_ms / 1000;
    ts.tv_nsec = static_cast<long long>(timeout_ms % 1000) * 1000000;
    arg.ts = reinterpret_cast<uint64_t>(&ts);
    flags |= IORING_ENTER_EXT_ARG;
    argp = &arg;
    argsz = sizeof(arg);
  }
  if (sqpoll_) {
    if (IO_URING_READ_ONCE(*ring_.sq.kflags) & IORING_SQ_NEED_WAKEUP)
      flags |= IORING_ENTER_SQ_WAKEUP;
    // The kernel thread consumes the SQ; nothing to pass here.
    if (flags == 0) return 0;
  }
  long r = syscall(__NR_io_uring_enter, ring_.ring_fd, to_submit, wait_nr,
                   flags, argp, argsz);
  loop_->counters_.enters++;
  if (r < 0) return -errno;
  if (!sqpoll_) loop_->counters_.sqes_submitted += static_cast<uint64_t>(r);
  return static_cast<int>(r);
}

bool UringBackend::SubmitStaged() {
  unsigned to_submit = Flush();
  if (to_submit == 0) return !sqpoll_;
  int r = Enter(to_submit, 0, 0, false);
  if (sqpoll_) {
    // Wait for the SQ thread to make room.
    long rr = syscall(__NR_io_uring_enter, ring_.ring_fd, 0, 0,
                      IORING_ENTER_SQ_WAIT, nullptr, 0);
    loop_->counters_.enters++;
    return rr >= 0;
  }
  // -EBUSY/-EAGAIN: the CQ backlog must be reaped first, which only the
  // poll phase may do (reaping runs callbacks); the caller queues the op.
  return r > 0;
}

void UringBackend::NoteInFlight() {
  if (in_flight_ > loop_->counters_.max_in_flight)
    loop_->counters_.max_in_flight = in_flight_;
}

void UringBackend::Submit(Request* req) {
  if (pool_only_[static_cast<int>(req->type_)]) {
    loop_->RunOnPool(req);
    return;
  }
  Enqueue(req);
}

void UringBackend::Enqueue(Request* req) {
  // FIFO: while older ops wait for a slot, newer ones wait behind them.
  if (waiting_.empty() && user_in_flight_ < cap_) {
    io_uring_sqe* sqe = GetSqe();
    if (sqe != nullptr) {
      PrepRequest(sqe, req);
      return;
    }
  }
  req->state_ = Request::State::kQueued;
  waiting_.PushBack(&req->link_);
  loop_->counters_.ops_queued++;
}

// A multishot accept or recv stays armed for the socket's life: counting it against the
// in-flight cap would let ~cap reading sockets block every other op. Their CQEs are bounded by
// the buffer ring and the listen backlog, and NODROP backlogs the rest.
static bool CountsTowardCap(const Request* req) {
  return req->type_ != OpType::kRecv && req->type_ != OpType::kAccept;
}

void UringBackend::PrepRequest(io_uring_sqe* sqe, Request* req) {
  uint64_t offset = req->offset_ < 0 ? static_cast<uint64_t>(-1)
                                     : static_cast<uint64_t>(req->offset_);
  unsigned len = static_cast<unsigned>(req->len_ > kMaxRwBytes ? kMaxRwBytes
                                                               : req->len_);
  switch (req->type_) {
    case OpType::kRead:
      io_uring_prep_read(sqe, req->fd_, req->buf_, len, offset);
      // A large copy out of the page cache would run inside io_uring_enter on the loop
      // thread; on an io-wq worker it overlaps with JS (and with other reads in flight).
      if (len >= kAsyncReadBytes && !req->is_socket_) sqe->flags |= IOSQE_ASYNC;
      break;
    case OpType::kWrite:
      io_uring_prep_write(sqe, req->fd_, req->buf_, len, offset);
      break;
    case OpType::kReadv:
      io_uring_prep_readv(sqe, req->fd_, req->iov_,
                          static_cast<unsigned>(req->iovcnt_), offset);
      break;
    case OpType::kWritev:
      io_uring_prep_writev(sqe, req->fd_, req->iov_,
                           static_cast<unsigned>(req->iovcnt_), offset);
      break;
    case OpType::kOpenAt:
      io_uring_prep_openat(sqe, req->dirfd_, req->path_, req->flags_,
                           static_cast<mode_t>(req->mode_));
      break;
    case OpType::kClose:
      io_uring_prep_close(sqe, req->fd_);
      break;
    case OpType::kStatx:
      io_uring_prep_statx(sqe, req->dirfd_, req->path_, req->flags_,
                          req->mode_, req->statx_buf_);
      break;
    case OpType::kFsync:
      io_uring_prep_fsync(sqe, req->fd_,
                          req->mode_ != 0 ? IORING_FSYNC_DATASYNC : 0);
      break;
    case OpType::kRenameAt:
      io_uring_prep_renameat(sqe, req->dirfd_, req->path_, req->dirfd2_,
                             req->path2_, static_cast<unsigned>(req->flags_));
      break;
    case OpType::kUnlinkAt:
      io_uring_prep_unlinkat(sqe, req->dirfd_, req->path_, req->flags_);
      break;
    case OpType::kMkdirAt:
      io_uring_prep_mkdirat(sqe, req->dirfd_, req->path_,
                            static_cast<mode_t>(req->mode_));
      break;
    case OpType::kLinkAt:
      io_uring_prep_linkat(sqe, req->dirfd_, req->path_, req->dirfd2_, req->path2_,
                           req->flags_);
      break;
    case OpType::kSymlinkAt:
      io_uring_prep_symlinkat(sqe, req->path_, req->dirfd2_, req->path2_);
      break;
    case OpType::kFtruncate:
      // The length travels in the offset field; everything else must be zero.
      io_uring_prep_rw(kOpFtruncate, sqe, req->fd_, nullptr, 0,
                       static_cast<uint64_t>(req->offset_));
      break;
    case OpType::kAccept:
      io_uring_prep_multishot_accept(sqe, req->fd_, nullptr, nullptr,
                                     SOCK_NONBLOCK | SOCK_CLOEXEC);
      break;
    case OpType::kConnect:
      io_uring_prep_connect(sqe, req->fd_, req->addr_, req->addrlen_);
      break;
    case OpType::kRecv:
      io_uring_prep_recv_multishot(sqe, req->fd_, nullptr, 0, 0);
      sqe->flags |= IOSQE_BUFFER_SELECT;
      sqe->buf_group = kBufferGroup;
      break;
    case OpType::kSend:
      io_uring_prep_send(sqe, req->fd_, req->buf_, req->len_, req->flags_);
      break;
    case OpType::kSendmsg:
      io_uring_prep_sendmsg(sqe, req->fd_, req->msg_,
                            static_cast<unsigned>(req->flags_));
      break;
    case OpType::kTimeout:
      io_uring_prep_timeout(
          sqe, reinterpret_cast<struct __kernel_timespec*>(req->timespec_), 0,
          0);
      break;
    case OpType::kNone:
      io_uring_prep_nop(sqe);
      break;
  }
  if (reject_ops_ & (1u << static_cast<unsigned>(req->type_))) {
    memset(sqe, 0, sizeof(*sqe));
    io_uring_prep_nop(sqe);
  }
  io_uring_sqe_set_data64(sqe, reinterpret_cast<uint64_t>(req));
  req->state_ = Request::State::kKernel;
  in_flight_++;
  if (CountsTowardCap(req)) user_in_flight_++;
  NoteInFlight();
}

void UringBackend::StageInternal(InternalOp* op) {
  io_uring_sqe* sqe = GetSqe();
  if (sqe == nullptr) {
    op->state = InternalOp::State::kQueued;
    internal_waiting_.PushBack(&op->link);
    return;
  }
  PrepInternal(sqe, op);
}

void UringBackend::PrepInternal(io_uring_sqe* sqe, InternalOp* op) {
  if (op->kind == InternalOp::Kind::kWake) {
    io_uring_prep_read(sqe, op->fd, &wake_value_, sizeof(wake_value_), 0);
  } else if (op->multishot) {
    io_uring_prep_poll_multishot(sqe, op->fd, op->mask);
  } else {
    io_uring_prep_poll_add(sqe, op->fd, op->mask);
  }
  io_uring_sqe_set_data64(sqe, reinterpret_cast<uint64_t>(op) | kTagInternal);
  op->state = InternalOp::State::kKernel;
  in_flight_++;
  NoteInFlight();
}

void UringBackend::QueueCancel(uint64_t target) {
  loop_->counters_.cancels++;
  io_uring_sqe* sqe = GetSqe();
  if (sqe == nullptr) {
    cancel_waiting_.push_back(target);
    return;
  }
  io_uring_prep_cancel64(sqe, target, 0);
  io_uring_sqe_set_data64(sqe, kTagCancel);
  in_flight_++;
  NoteInFlight();
}

void UringBackend::FillFromQueues() {
  while (!cancel_waiting_.empty()) {
    io_uring_sqe* sqe = GetSqe();
    if (sqe == nullptr) return;
    io_uring_prep_cancel64(sqe, cancel_waiting_.front(), 0);
    io_uring_sqe_set_data64(sqe, kTagCancel);
    in_flight_++;
    cancel_waiting_.erase(cancel_waiting_.begin());
  }
  while (!internal_waiting_.empty()) {
    io_uring_sqe* sqe = GetSqe();
    if (sqe == nullptr) return;
    PrepInternal(sqe, internal_waiting_.PopFront());
  }
  while (!waiting_.empty() && user_in_flight_ < cap_) {
    io_uring_sqe* sqe = GetSqe();
    if (sqe == nullptr) return;
    PrepRequest(sqe, waiting_.PopFront());
  }
}

bool UringBackend::HasPendingWork() const {
  return overflow_ || io_uring_cq_ready(&ring_) > 0;
}

void UringBackend::Wait(int timeout_ms) {
  FillFromQueues();
  unsigned to_submit = Flush();
  // A non-blocking turn with nothing to submit needs no syscall when the kernel says no task
  // work waits (IORING_SQ_TASKRUN) and nothing is in the CQ: a busy setImmediate loop then
  // costs no io_uring_enter per turn.
  if (timeout_ms == 0 && to_submit == 0 && (setup_flags_ & IORING_SETUP_TASKRUN_FLAG) &&
      !(IO_URING_READ_ONCE(*ring_.sq.kflags) & IORING_SQ_TASKRUN) &&
      io_uring_cq_ready(&ring_) == 0) {
    return;
  }
  unsigned wait_nr = timeout_ms != 0 ? 1 : 0;
  const bool blocking = wait_nr != 0;
  uint64_t start = timeout_ms > 0 ? Loop::HrTime() : 0;
  uint64_t reaped_before = loop_->counters_.cqes_reaped;
  for (int busy_retries = 0;;) {
    uint64_t idle_start = wait_nr != 0 ? Loop::HrTime() : 0;
    int r = Enter(to_submit, wait_nr, timeout_ms, true);
    if (wait_nr != 0) loop_->AddIdleTime(idle_start);
    to_submit = Flush();
    if (r >= 0 || r == -ETIME) break;
    if (r == -EINTR) {
      // Interrupted before anything completed: wait out the rest of the
      // timeout, as libuv does. Completions already posted end the wait.
      if (wait_nr == 0 || io_uring_cq_ready(&ring_) > 0) break;
      if (timeout_ms > 0) {
        uint64_t elapsed_ms = (Loop::HrTime() - start) / 1000000u;
        if (elapsed_ms >= static_cast<uint64_t>(timeout_ms)) break;
        timeout_ms -= static_cast<int>(elapsed_ms);
        start = Loop::HrTime();
      }
      continue;
    }
    if ((r == -EBUSY || r == -EAGAIN) && busy_retries++ < 4) {
      // The CQ is backed up: make room, then submit again (no waiting:
      // we just got completions).
      Reap();
      wait_nr = 0;
      continue;
    }
    if (!reported_enter_error_ && r != -EBUSY && r != -EAGAIN) {
      reported_enter_error_ = true;
      fprintf(stderr, "ringjs:loop: io_uring_enter: %s\n", strerror(-r));
    }
    break;
  }
  RunMoreTaskWork();
  Reap();
  loop_->AddEvents(loop_->counters_.cqes_reaped - reaped_before, blocking);
  // Slots freed by the completions: stage waiting ops for the next enter.
  FillFromQueues();
}

void UringBackend::RunMoreTaskWork() {
  // With DEFER_TASKRUN, Linux 6.14+ runs at most 20 completions' task work per io_uring_enter
  // (IO_LOCAL_TW_DEFAULT_MAX) and leaves IORING_SQ_TASKRUN set when more waits. Without this,
  // 10k sockets hitting EOF at once took 500 turns of 20 callbacks each; now a turn collects
  // what the CQ can hold, so the per-turn costs (JS ticks, phases) are paid once per batch.
  if (!(setup_flags_ & IORING_SETUP_TASKRUN_FLAG)) return;
  for (unsigned round = 0; round < cq_entries_ / kLocalTaskWorkBatch; round++) {
    if (!(IO_URING_READ_ONCE(*ring_.sq.kflags) & IORING_SQ_TASKRUN)) return;
    if (io_uring_cq_ready(&ring_) + kLocalTaskWorkBatch > cq_entries_) return;
    if (Enter(Flush(), 0, 0, true) < 0) return;
  }
}

void UringBackend::Reap() {
  struct Cqe {
    uint64_t user_data;
    int32_t res;
    uint32_t flags;
  };
  Cqe batch[kReapBatch];
  overflow_ = false;
  for (int round = 0; round < kMaxReapRounds; round++) {
    unsigned head = *ring_.cq.khead;
    unsigned tail = io_uring_smp_load_acquire(ring_.cq.ktail);
    if (head == tail) break;
    unsigned n = 0;
    // Copy, then release the CQ slots before running callbacks.
    while (head != tail && n < kReapBatch) {
      io_uring_cqe* cqe =
          &ring_.cq.cqes[io_uring_cqe_index(&ring_, head, ring_.cq.ring_mask)];
      batch[n].user_data = cqe->user_data;
      batch[n].res = cqe->res;
      batch[n].flags = cqe->flags;
      n++;
      head++;
    }
    io_uring_smp_store_release(ring_.cq.khead, head);
    loop_->counters_.cqes_reaped += n;
    for (unsigned i = 0; i < n; i++)
      Dispatch(batch[i].user_data, batch[i].res, batch[i].flags);
  }
  // The kernel holds completions that did not fit: flush them next turn
  // (as libuv, to avoid starving the other phases).
  if (IO_URING_READ_ONCE(*ring_.sq.kflags) & IORING_SQ_CQ_OVERFLOW)
    overflow_ = true;
}

void UringBackend::Dispatch(uint64_t user_data, int32_t res, uint32_t flags) {
  switch (user_data & kTagMask) {
    case kTagCancel:
      in_flight_--;
      return;
    case kTagInternal:
      OnInternalCqe(reinterpret_cast<InternalOp*>(user_data & ~kTagMask), res,
                    flags);
      return;
    default:
      OnRequestCqe(reinterpret_cast<Request*>(user_data), res, flags);
  }
}

void UringBackend::ReturnBuffer(unsigned bid) {
  io_uring_buf_ring_add(buf_ring_, buffers_ + static_cast<size_t>(bid) * buf_size_,
                        buf_size_, static_cast<unsigned short>(bid),
                        io_uring_buf_ring_mask(buf_count_), 0);
  io_uring_buf_ring_advance(buf_ring_, 1);
}

void UringBackend::OnRequestCqe(Request* req, int32_t res, uint32_t flags) {
  bool more = (flags & IORING_CQE_F_MORE) != 0;
  bool has_buffer = (flags & IORING_CQE_F_BUFFER) != 0;
  unsigned bid = flags >> IORING_CQE_BUFFER_SHIFT;
  if (!more) {
    in_flight_--;
    if (CountsTowardCap(req)) user_in_flight_--;
  }
  if (shutting_down_) {
    if (has_buffer) ReturnBuffer(bid);
    if (!more) req->state_ = Request::State::kIdle;
    return;
  }
  switch (req->type_) {
    case OpType::kAccept:
      if (res >= 0 && !more) {
        // The kernel ended the multishot (e.g. CQ overflow): re-arm, unless
        // a cancel is on its way, in which case this is the last one.
        if (req->cancel_requested_)
          loop_->Defer(req, -ECANCELED);
        else
          Enqueue(req);
      }
      if (res >= 0 || more) {
        loop_->Complete(req, res, true);
        return;
      }
      loop_->Complete(req, res, false);
      return;
    case OpType::kRecv:
      if (res > 0) {
        if (!more) {
          if (req->cancel_requested_)
            loop_->Defer(req, -ECANCELED);
          else
            Enqueue(req);
        }
        req->recv_data_ =
            has_buffer ? buffers_ + static_cast<size_t>(bid) * buf_size_
                       : nullptr;
        loop_->Complete(req, res, true);
        if (has_buffer) ReturnBuffer(bid);
        return;
      }
      if (has_buffer) ReturnBuffer(bid);
      if (res == -ENOBUFS) {
        // The buffer ring ran dry; buffers come back as callbacks return.
        // Not an error for the stream: re-arm.
        loop_->counters_.enobufs++;
        if (more) return;
        if (req->cancel_requested_)
          loop_->Complete(req, -ECANCELED, false);
        else
          Enqueue(req);
        return;
      }
      if (more) return;  // Not expected: errors end the multishot.
      loop_->Complete(req, res, false);
      return;
    case OpType::kTimeout:
      loop_->Complete(req, res == -ETIME ? 0 : res, false);
      return;
    default:
      if (reject_ops_ & (1u << static_cast<unsigned>(req->type_))) res = -EINVAL;
      if ((res == -EINVAL || res == -EOPNOTSUPP) && IsPoolable(req) &&
          !req->cancel_requested_) {
        loop_->counters_.pool_fallbacks++;
        loop_->RunOnPool(req);
        return;
      }
      loop_->Complete(req, res, false);
  }
}

int UringBackend::MapPollEvents(int32_t res, int wanted) const {
  int events = 0;
  if (res & (POLLIN | POLLPRI)) events |= Poll::kReadable;
  if (res & POLLOUT) events |= Poll::kWritable;
  if (res & (POLLERR | POLLHUP))
    events |= Poll::kReadable | Poll::kWritable | Poll::kDisconnect;
  if (res & POLLRDHUP) events |= Poll::kDisconnect;
  return events & wanted & (Poll::kReadable | Poll::kWritable | Poll::kDisconnect);
}

void UringBackend::DeleteOp(InternalOp* op) {
  op->link.Unlink();
  op->all_link.Unlink();
  delete op;
}

void UringBackend::OnInternalCqe(InternalOp* op, int32_t res, uint32_t flags) {
  bool more = (flags & IORING_CQE_F_MORE) != 0;
  if (!more) {
    in_flight_--;
    op->state = InternalOp::State::kIdle;
  }
  if (op->kind == InternalOp::Kind::kWake) {
    if (shutting_down_) return;
    // Re-arm first so a Send() from a callback below is not missed.
    StageInternal(op);
    loop_->OnWakeup();
    return;
  }
  if (op->owner == nullptr || shutting_down_) {
    // Stopped while in the kernel: this was its last CQE.
    if (!more) {
      if (shutting_down_ && op->owner != nullptr)
        op->owner->backend_state_ = nullptr;
      DeleteOp(op);
    }
    return;
  }
  Poll* handle = op->owner;
  if (res < 0) {
    // The watch failed (e.g. -EBADF); it stays stopped until Stop/Start.
    op->state = more ? InternalOp::State::kKernel : InternalOp::State::kDispatching;
    handle->Dispatch(res, 0);
    if (op->owner == nullptr) {
      if (op->state != InternalOp::State::kKernel) DeleteOp(op);
      return;
    }
    if (!more) op->state = InternalOp::State::kIdle;
    return;
  }
  op->state = more ? InternalOp::State::kKernel : InternalOp::State::kDispatching;
  int events = MapPollEvents(res, handle->events_);
  if (events != 0) handle->Dispatch(0, events);
  if (op->owner == nullptr) {
    // Stopped from the callback; PollStop sent a cancel if it was in the
    // kernel, else it is ours to free.
    if (op->state != InternalOp::State::kKernel) DeleteOp(op);
    return;
  }
  if (!more) {
    // One-shot (level-triggered) watches re-arm after every event; a
    // multishot the kernel ended re-arms too.
    op->state = InternalOp::State::kIdle;
    StageInternal(op);
  }
}

int UringBackend::PollStart(Poll* handle) {
  struct stat st;
  if (fstat(handle->fd_, &st) < 0) return -errno;
  // Same answer as epoll: regular files are always "ready".
  if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return -EPERM;
  auto it = poll_fds_.find(handle->fd_);
  if (it != poll_fds_.end() && it->second != handle) return -EEXIST;
  poll_fds_[handle->fd_] = handle;
  InternalOp* op = new InternalOp();
  op->kind = InternalOp::Kind::kPoll;
  op->owner = handle;
  op->fd = handle->fd_;
  op->multishot = (handle->events_ & Poll::kEdgeTriggered) != 0;
  unsigned mask = 0;
  if (handle->events_ & Poll::kReadable) mask |= POLLIN;
  if (handle->events_ & Poll::kWritable) mask |= POLLOUT;
  if (handle->events_ & Poll::kDisconnect) mask |= POLLRDHUP;
  op->mask = mask;
  internal_all_.PushBack(&op->all_link);
  handle->backend_state_ = op;
  StageInternal(op);
  return 0;
}

void UringBackend::PollStop(Poll* handle) {
  InternalOp* op = static_cast<InternalOp*>(handle->backend_state_);
  if (op == nullptr) return;
  handle->backend_state_ = nullptr;
  op->owner = nullptr;
  auto it = poll_fds_.find(op->fd);
  if (it != poll_fds_.end() && it->second == handle) poll_fds_.erase(it);
  switch (op->state) {
    case InternalOp::State::kKernel:
      // Freed when its final CQE (-ECANCELED) arrives.
      QueueCancel(reinterpret_cast<uint64_t>(op) | kTagInternal);
      return;
    case InternalOp::State::kDispatching:
      return;  // OnInternalCqe frees it when the callback returns.
    case InternalOp::State::kQueued:
    case InternalOp::State::kIdle:
      DeleteOp(op);
      return;
  }
}

int UringBackend::Cancel(Request* req) {
  switch (req->state_) {
    case Request::State::kQueued:
      req->link_.Unlink();
      loop_->counters_.cancels++;
      loop_->Defer(req, -ECANCELED);
      return 0;
    case Request::State::kKernel:
      if (req->cancel_requested_) return -EALREADY;
      req->cancel_requested_ = true;
      QueueCancel(reinterpret_cast<uint64_t>(req));
      return 0;
    case Request::State::kIdle:
      return -ENOENT;
    default:
      return -EALREADY;
  }
}

}  // namespace ringjs::loop
