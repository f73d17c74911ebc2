// Sockets: multishot accept, connect, multishot recv over the buffer ring
// (ENOBUFS never surfaces), send, sendmsg, cancellation, EOF.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "loop_test_util.h"

namespace ringjs::loop::test {
namespace {

using NetTest = LoopTest;

int ListenLoopback(struct sockaddr_in* addr) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  EXPECT_GE(fd, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  memset(addr, 0, sizeof(*addr));
  addr->sin_family = AF_INET;
  addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr->sin_port = 0;
  EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(addr), sizeof(*addr)), 0);
  EXPECT_EQ(listen(fd, 128), 0);
  socklen_t len = sizeof(*addr);
  EXPECT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(addr), &len), 0);
  return fd;
}

int NewTcpSocket() {
  return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

TEST_P(NetTest, TcpRoundTrip) {
  Loop* loop = loop_.get();
  struct sockaddr_in addr;
  int listen_fd = ListenLoopback(&addr);
  int client_fd = NewTcpSocket();
  ASSERT_GE(client_fd, 0);

  std::vector<std::string> log;
  int server_fd = -1;
  std::string server_got, client_got;
  Request accept_req, connect_req, server_recv, server_send, client_send,
      client_recv;
  const char kHello[] = "hello";
  const char kWorld[] = "world";

  server_recv.cb = [&](int64_t r) {
    if (r > 0) {
      server_got.append(server_recv.buffer(), static_cast<size_t>(r));
      EXPECT_TRUE(server_recv.has_more());
      if (server_got == kHello) {
        ASSERT_EQ(loop->Send(&server_send, server_fd, kWorld, 5, 0), 0);
      }
      return;
    }
    EXPECT_FALSE(server_recv.has_more());
    EXPECT_EQ(r, 0);  // EOF after the client closed.
    log.push_back("server eof");
    close(server_fd);
    loop->Cancel(&accept_req);
  };
  server_send.cb = [&](int64_t r) {
    EXPECT_EQ(r, 5);
    log.push_back("server sent");
  };
  accept_req.cb = [&](int64_t r) {
    if (!accept_req.has_more()) {
      EXPECT_EQ(r, -ECANCELED);
      log.push_back("accept done");
      return;
    }
    ASSERT_GE(r, 0);
    EXPECT_EQ(server_fd, -1);
    server_fd = static_cast<int>(r);
    EXPECT_NE(fcntl(server_fd, F_GETFL) & O_NONBLOCK, 0);
    EXPECT_NE(fcntl(server_fd, F_GETFD) & FD_CLOEXEC, 0);
    log.push_back("accepted");
    ASSERT_EQ(loop->Recv(&server_recv, server_fd), 0);
  };
  client_recv.cb = [&](int64_t r) {
    if (r > 0) {
      client_got.append(client_recv.buffer(), static_cast<size_t>(r));
      if (client_got == kWorld) loop->Cancel(&client_recv);
      return;
    }
    EXPECT_EQ(r, -ECANCELED);
    EXPECT_FALSE(client_recv.has_more());
    log.push_back("client recv cancelled");
    close(client_fd);
  };
  client_send.cb = [&](int64_t r) {
    EXPECT_EQ(r, 5);
    log.push_back("client sent");
  };
  connect_req.cb = [&](int64_t r) {
    ASSERT_EQ(r, 0);
    log.push_back("connected");
    ASSERT_EQ(loop->Recv(&client_recv, client_fd), 0);
    ASSERT_EQ(loop->Send(&client_send, client_fd, kHello, 5, 0), 0);
  };

  ASSERT_EQ(loop->Accept(&accept_req, listen_fd), 0);
  ASSERT_EQ(loop->Connect(&connect_req, client_fd,
                          reinterpret_cast<sockaddr*>(&addr), sizeof(addr)),
            0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(server_got, kHello);
  EXPECT_EQ(client_got, kWorld);
  // Order between the two peers' events varies; each must be there once.
  for (const char* event : {"accepted", "connected", "client sent",
                            "server sent", "client recv cancelled",
                            "server eof", "accept done"}) {
    EXPECT_EQ(std::count(log.begin(), log.end(), event), 1) << event;
  }
  EXPECT_EQ(log.back(), "accept done");
  EXPECT_EQ(loop->ops_in_flight(), 0u);
  close(listen_fd);
}

TEST_P(NetTest, OneAcceptManyConnections) {
  Loop* loop = loop_.get();
  struct sockaddr_in addr;
  int listen_fd = ListenLoopback(&addr);
  const int n = 5;
  std::vector<int> clients, accepted;
  for (int i = 0; i < n; i++) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    // Blocking connects complete against the backlog without accept().
    ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    clients.push_back(fd);
  }
  Request accept_req;
  int final_result = 1;
  accept_req.cb = [&](int64_t r) {
    if (!accept_req.has_more()) {
      final_result = static_cast<int>(r);
      return;
    }
    accepted.push_back(static_cast<int>(r));
    if (accepted.size() == static_cast<size_t>(n)) loop->Cancel(&accept_req);
  };
  ASSERT_EQ(loop->Accept(&accept_req, listen_fd), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(accepted.size(), static_cast<size_t>(n));
  EXPECT_EQ(final_result, -ECANCELED);
  for (int fd : accepted) close(fd);
  for (int fd : clients) close(fd);
  close(listen_fd);
}

TEST_P(NetTest, UnrefdAcceptLetsLoopExit) {
  Loop* loop = loop_.get();
  struct sockaddr_in addr;
  int listen_fd = ListenLoopback(&addr);
  Request accept_req;
  int64_t last = 1;
  accept_req.cb = [&](int64_t r) { last = r; };
  ASSERT_EQ(loop->Accept(&accept_req, listen_fd), 0);
  loop->SetRequestRef(&accept_req, false);
  EXPECT_FALSE(loop->Run());
  EXPECT_TRUE(accept_req.in_flight());
  ASSERT_EQ(loop->Cancel(&accept_req), 0);
  loop->Run();
  EXPECT_EQ(last, -ECANCELED);
  EXPECT_FALSE(accept_req.in_flight());
  close(listen_fd);
}

TEST_P(NetTest, ConnectRefused) {
  Loop* loop = loop_.get();
  struct sockaddr_in addr;
  int listen_fd = ListenLoopback(&addr);
  close(listen_fd);  // Nobody listens on addr now.
  int fd = NewTcpSocket();
  Request req;
  int64_t result = 1;
  req.cb = [&](int64_t r) { result = r; };
  ASSERT_EQ(loop->Connect(&req, fd, reinterpret_cast<sockaddr*>(&addr),
                          sizeof(addr)),
            0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(result, -ECONNREFUSED);
  close(fd);
}

TEST_P(NetTest, SendmsgGathersAndRecvSeesEof) {
  Loop* loop = loop_.get();
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                       sv),
            0);
  char a[] = "scatter-", b[] = "gather";
  struct iovec iov[2] = {{a, 8}, {b, 6}};
  struct msghdr msg = {};
  msg.msg_iov = iov;
  msg.msg_iovlen = 2;
  Request send_req, recv_req;
  std::string got;
  int64_t sent = -1, end = 1;
  send_req.cb = [&](int64_t r) {
    sent = r;
    shutdown(sv[0], SHUT_WR);
  };
  recv_req.cb = [&](int64_t r) {
    if (r > 0) {
      got.append(recv_req.buffer(), static_cast<size_t>(r));
      return;
    }
    end = r;
  };
  ASSERT_EQ(loop->Recv(&recv_req, sv[1]), 0);
  ASSERT_EQ(loop->Sendmsg(&send_req, sv[0], &msg, 0), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(sent, 14);
  EXPECT_EQ(got, "scatter-gather");
  EXPECT_EQ(end, 0);
  close(sv[0]);
  close(sv[1]);
}

TEST_P(NetTest, DryBufferRingIsNotAnError) {
  LoopOptions options;
  options.recv_buffer_count = 2;
  options.recv_buffer_size = 64;
  std::unique_ptr<Loop> loop = NewLoop(options);
  ASSERT_NE(loop, nullptr);
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                       sv),
            0);
  // All of it is queued before the recv starts, so two 64-byte buffers run
  // dry at once.
  std::string payload;
  for (int i = 0; i < 16384; i++) payload.push_back(static_cast<char>('A' + i % 23));
  ASSERT_EQ(write(sv[0], payload.data(), payload.size()),
            static_cast<ssize_t>(payload.size()));
  shutdown(sv[0], SHUT_WR);
  Request recv_req;
  std::string got;
  std::vector<int64_t> non_data;
  recv_req.cb = [&](int64_t r) {
    if (r > 0) {
      got.append(recv_req.buffer(), static_cast<size_t>(r));
      return;
    }
    non_data.push_back(r);
  };
  ASSERT_EQ(loop->Recv(&recv_req, sv[1]), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(got.size(), payload.size());
  EXPECT_TRUE(got == payload);
  EXPECT_EQ(non_data, std::vector<int64_t>{0});  // Only the EOF.
  if (IsUring()) {
    EXPECT_GT(loop->counters().enobufs, 0u);
  }
  close(sv[0]);
  close(sv[1]);
}

TEST_P(NetTest, ReadAndWriteOpsWorkOnSockets) {
  Loop* loop = loop_.get();
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                       sv),
            0);
  char in[16] = {};
  Request read_req, write_req;
  int64_t read_result = -1, write_result = -1;
  read_req.cb = [&](int64_t r) { read_result = r; };
  write_req.cb = [&](int64_t r) { write_result = r; };
  ASSERT_EQ(loop->Read(&read_req, sv[1], in, sizeof(in), -1), 0);
  ASSERT_EQ(loop->Write(&write_req, sv[0], "ping", 4, -1), 0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(write_result, 4);
  EXPECT_EQ(read_result, 4);
  EXPECT_EQ(std::string(in, 4), "ping");
  close(sv[0]);
  close(sv[1]);
}

TEST_P(NetTest, SendsOnOneSocketStayInOrder) {
  Loop* loop = loop_.get();
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                       sv),
            0);
  // Chained: each send starts from the previous one's callback, as a stream
  // with one write in flight does.
  const int n = 50;
  std::vector<std::string> chunks;
  for (int i = 0; i < n; i++) chunks.push_back("<" + std::to_string(i) + ">");
  Request send_req, recv_req;
  int next = 0;
  std::string got, expected;
  for (const std::string& c : chunks) expected += c;
  send_req.cb = [&](int64_t r) {
    ASSERT_EQ(r, static_cast<int64_t>(chunks[next].size()));
    if (++next < n) {
      ASSERT_EQ(loop->Send(&send_req, sv[0], chunks[next].data(),
                           chunks[next].size(), 0),
                0);
    } else {
      shutdown(sv[0], SHUT_WR);
    }
  };
  recv_req.cb = [&](int64_t r) {
    if (r > 0) got.append(recv_req.buffer(), static_cast<size_t>(r));
  };
  ASSERT_EQ(loop->Recv(&recv_req, sv[1]), 0);
  ASSERT_EQ(loop->Send(&send_req, sv[0], chunks[0].data(), chunks[0].size(), 0),
            0);
  EXPECT_FALSE(loop->Run());
  EXPECT_EQ(got, expected);
  close(sv[0]);
  close(sv[1]);
}

RINGJS_BOTH_BACKENDS(NetTest);

}  // namespace
}  // namespace ringjs::loop::test
