# Libraries from Debian's -dev packages (installed by install-packages.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(URING REQUIRED IMPORTED_TARGET liburing)
pkg_check_modules(CARES REQUIRED IMPORTED_TARGET libcares)
pkg_check_modules(BROTLI REQUIRED IMPORTED_TARGET libbrotlienc libbrotlidec)
find_package(OpenSSL 3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(GTest REQUIRED)
