// libnode.so exports node's own, older llhttp; the executable must bind to our static 8.1.
#include <dlfcn.h>
#include <llhttp.h>

#include <cstring>

#include <gtest/gtest.h>

namespace {

TEST(Llhttp, HeaderIs81) {
  EXPECT_EQ(LLHTTP_VERSION_MAJOR, 8);
  EXPECT_EQ(LLHTTP_VERSION_MINOR, 1);
}

// llhttp 8.1 parses a request and reports the method through the linked library (a mismatched
// library with a different struct layout or enum table would fail here).
TEST(Llhttp, LinkedLibraryParsesLikeHeader) {
  llhttp_settings_t settings;
  llhttp_settings_init(&settings);
  llhttp_t parser;
  llhttp_init(&parser, HTTP_REQUEST, &settings);
  const char request[] = "GET /x HTTP/1.1\r\nHost: a\r\n\r\n";
  ASSERT_EQ(llhttp_execute(&parser, request, std::strlen(request)), HPE_OK);
  EXPECT_EQ(llhttp_get_method(&parser), HTTP_GET);
  EXPECT_STREQ(llhttp_status_name(HTTP_STATUS_NOT_FOUND), "NOT_FOUND");  // New in llhttp 8.
}

// The code our binary runs for llhttp_execute lives in our binary, not in libnode.so.
TEST(Llhttp, SymbolsComeFromOurStaticLibrary) {
  Dl_info info;
  ASSERT_NE(dladdr(reinterpret_cast<void*>(&llhttp_execute), &info), 0);
  ASSERT_NE(info.dli_fname, nullptr);
  EXPECT_EQ(std::strstr(info.dli_fname, "libnode"), nullptr) << info.dli_fname;
}

}  // namespace
