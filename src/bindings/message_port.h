// The thread-shared half of a message port: queues, sibling groups, and the messages themselves.
// No JS here beyond the serializer; the MessagePort object lives in messaging.cc.
#ifndef RINGJS_BINDINGS_MESSAGE_PORT_H_
#define RINGJS_BINDINGS_MESSAGE_PORT_H_

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bindings/messaging.h"
#include "v8.h"

namespace ringjs::messaging {

// What one postMessage carries from one isolate to another: V8's serialized bytes and what
// travels beside them (moved ArrayBuffer memory, shared memory, compiled wasm, ports).
struct Message {
  std::vector<uint8_t> payload;
  std::vector<std::shared_ptr<v8::BackingStore>> array_buffers;
  std::vector<std::shared_ptr<v8::BackingStore>> shared_buffers;
  std::vector<v8::CompiledWasmModule> wasm_modules;
  std::vector<std::shared_ptr<PortData>> ports;
  // Not a message: the other end of the channel closed.
  bool is_close = false;

  // A copy for another receiver of a broadcast (no transferred memory or ports).
  std::unique_ptr<Message> CloneForBroadcast() const;
};

// Who receives on a PortData: told (from any thread) that the queue has something.
class PortReceiver {
 public:
  virtual ~PortReceiver() = default;
  virtual void Wake() = 0;
};

class SiblingGroup;

// One end of a channel (or one member of a broadcast channel).
class PortData {
 public:
  PortData() = default;
  ~PortData();
  PortData(const PortData&) = delete;
  PortData& operator=(const PortData&) = delete;

  // Delivers to every other member of the group; dropped when there is none (closed channel).
  void Post(std::unique_ptr<Message> message);
  void Enqueue(std::unique_ptr<Message> message);
  // The next message, or nullptr. A close notice is returned too (the receiver acts on it).
  std::unique_ptr<Message> Dequeue();
  // The next message unless it is a close notice (receiveMessageOnPort).
  std::unique_ptr<Message> DequeueData();
  // The next message only if it is a close notice (a port not receiving still closes).
  std::unique_ptr<Message> DequeueClose();
  size_t QueueSize();
  // Removes every queued message (they are destroyed by the caller, outside any lock).
  std::deque<std::unique_ptr<Message>> TakeQueue();

  // The receiver is woken once now if messages are already waiting.
  void AttachReceiver(PortReceiver* receiver);
  void DetachReceiver();

  // Leaves the group: a pair's other end is sent a close notice.
  void Disentangle();
  // Whether both are ends of one channel (or members of one broadcast group).
  bool SharesGroupWith(PortData* other);

  static void Entangle(const std::shared_ptr<PortData>& a, const std::shared_ptr<PortData>& b);
  // Joins the broadcast group of that name (created on first use).
  static void JoinBroadcast(const std::shared_ptr<PortData>& data, const std::string& name);

 private:
  friend class SiblingGroup;
  std::mutex mutex_;
  std::deque<std::unique_ptr<Message>> queue_;
  PortReceiver* receiver_ = nullptr;
  std::shared_ptr<SiblingGroup> group_;  // Guarded by group_mutex_.
  std::mutex group_mutex_;
};

// Why a value could not be serialized; JS turns it into node's error.
enum class CloneErrorKind {
  kNone = 0,
  kDataClone,             // DOMException DataCloneError with `message`.
  kInvalidTransferObject, // TypeError ERR_INVALID_TRANSFER_OBJECT.
  kMissingTransferable,   // TypeError ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST.
};

struct CloneError {
  CloneErrorKind kind = CloneErrorKind::kNone;
  std::string message;
};

// Serializes `value` into `message`. The transfer list holds ArrayBuffers and MessagePort
// objects; on success they are detached (their memory or queue moves with the message).
// Returns false with *error set for a clone error, or false with a pending exception (a getter
// threw) and error->kind == kNone.
bool SerializeMessage(Environment* env, v8::Local<v8::Value> value,
                      v8::Local<v8::Array> transfer_list, v8::Local<v8::Object> source_port,
                      Message* message, CloneError* error);

// Rebuilds the value in `env`. Ports the message carried become MessagePort objects of `env`,
// appended to *ports.
v8::MaybeLocal<v8::Value> DeserializeMessage(Environment* env, Message* message,
                                             std::vector<v8::Local<v8::Object>>* ports);

// Provided by messaging.cc: whether `value` is a MessagePort object (open or not), its PortData
// (nullptr once closed or transferred), and giving it up for a transfer (the object closes).
bool IsMessagePort(v8::Local<v8::Value> value);
PortData* PortDataOf(v8::Local<v8::Value> value);
std::shared_ptr<PortData> DetachPort(v8::Local<v8::Value> value);

// Host objects made in JS (KeyObject, CryptoKey, X509Certificate, FileHandle): instances of the
// binding's HostObject base, so V8's serializer hands them to us. What they carry is decided in
// JS (lib/js/internal/worker/js_transferable.js), through hooks provided by messaging.cc:
bool IsJsHostObject(v8::Local<v8::Value> value);
// [deserializeInfo, data] for `object` (listed in the transfer list or not), or undefined when it
// must be transferred and was not listed. Empty with an exception pending when JS threw.
v8::MaybeLocal<v8::Value> WriteJsHostObject(Environment* env, v8::Local<v8::Object> object,
                                            bool listed);
// V8's deserializer runs no JS: it gets an empty HostObject (the shell), which becomes the
// object described by what WriteJsHostObject gave once the whole message is read.
v8::MaybeLocal<v8::Object> NewJsHostShell(Environment* env);
bool ReadJsHostObject(Environment* env, v8::Local<v8::Object> shell, v8::Local<v8::Value> info,
                      v8::Local<v8::Value> data);
// Once the message is made: the sender's transferred object lets go of what moved (`sent`:
// whether the message carries it, or it was only listed).
bool FinishJsHostTransfer(Environment* env, v8::Local<v8::Object> object, bool sent);

}  // namespace ringjs::messaging

#endif  // RINGJS_BINDINGS_MESSAGE_PORT_H_
