# Thin wrapper over CMake: `make run` and `make test` do all set-up on a fresh Debian 12 machine.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test test-uring test-epoll compat bench clean

all: build

deps:
	@sh deps/install-packages.sh

$(BUILD)/build.ninja: CMakeLists.txt deps/*.cmake
	@$(MAKE) --no-print-directory deps
	cmake -S . -B $(BUILD) -G Ninja

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/ringjs examples/hello.js

# Every test: GoogleTest suites and the JS suite, under io_uring and under the epoll fallback.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(BUILD) && RINGJS_IO_URING=0 ctest --output-on-failure -j $(JOBS) -L js

compat: build
	sh test/node/run.sh

bench: build
	sh bench/startup.sh

clean:
	rm -rf $(BUILD)
