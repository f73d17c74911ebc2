#include <errno.h>

#include <string>

#include "runtime/binding.h"
#include "v8_environment.h"

namespace ringjs::test {
namespace {

TEST(ErrnoTable, MatchesLibuvNamesAndMessages) {
  EXPECT_STREQ(ErrnoName(-ENOENT), "ENOENT");
  EXPECT_STREQ(ErrnoMessage(-ENOENT), "no such file or directory");
  EXPECT_STREQ(ErrnoName(-EADDRINUSE), "EADDRINUSE");
  EXPECT_STREQ(ErrnoMessage(-EACCES), "permission denied");
  EXPECT_STREQ(ErrnoName(-99999), "UNKNOWN");
}

TEST(ErrnoTable, EveryEntryIsNamed) {
  for (size_t i = 0; i < ErrnoTableSize(); i++) {
    const char* name;
    const char* message;
    int err = ErrnoTableEntry(i, &name, &message);
    EXPECT_LT(err, 0);
    EXPECT_STREQ(ErrnoName(err), name);
    EXPECT_GT(std::string(message).size(), 0u);
  }
}

}  // namespace
}  // namespace ringjs::test
