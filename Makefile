# SPDX-License-Identifier: GPL-2.0-or-later
# Convenience front end for meson/ninja; see README.md.
#   make          install missing Debian packages, configure, build
#   make check    the same, then every test suite, then the suites again in
#                 a build with AddressSanitizer and UBSan; prints the summary
#                 line "N passed, N failed" (also in build/test-summary.txt)
#   make demo     build and boot the default demo machine
#   make fuzz-tcg a long randomized JIT/interpreter/reference IR comparison
BUILD ?= build
SANBUILD ?= build-san
MESON_TEST_ARGS ?=
# Suites that run a second time under the sanitizers (see README.md).
SAN_SUITES ?= unit arch qtest tcg

export ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1
export MESON_TESTTHREADS ?= 2

.PHONY: all deps build build-san check check-fast check-san demo clean fuzz-tcg

all: build

deps:
	@scripts/install-deps --check >/dev/null 2>&1 || scripts/install-deps

$(BUILD)/build.ninja: | deps
	./configure --builddir=$(BUILD)

$(SANBUILD)/build.ninja: | deps
	./configure --builddir=$(SANBUILD) --sanitize

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

build-san: deps $(SANBUILD)/build.ninja
	ninja -C $(SANBUILD)

# Run everything; never stop half way so the summary counts every suite.
check: build build-san
	@rc=0; \
	meson test -C $(BUILD) --print-errorlogs $(MESON_TEST_ARGS) || rc=1; \
	meson test -C $(SANBUILD) --print-errorlogs \
	    $(foreach s,$(SAN_SUITES),--suite $(s)) $(MESON_TEST_ARGS) || rc=1; \
	python3 scripts/test-summary.py $(BUILD) $(SANBUILD) \
	    | tee $(BUILD)/test-summary.txt; \
	tail -n 1 $(BUILD)/test-summary.txt | grep -q ' 0 failed' || rc=1; \
	exit $$rc

# Only the normal build, for a quick round while developing.
check-fast: build
	meson test -C $(BUILD) --print-errorlogs $(MESON_TEST_ARGS); \
	rc=$$?; python3 scripts/test-summary.py $(BUILD); exit $$rc

# A longer randomized IR run (JIT, interpreter and reference evaluator
# compared): FUZZ_ITERS programs per seed; FUZZ_SEED=N for one seed.
FUZZ_ITERS ?= 50000
fuzz-tcg: build
	HEMU_TCG_FUZZ_ITERS=$(FUZZ_ITERS) $(if $(FUZZ_SEED),HEMU_TCG_FUZZ_SEED=$(FUZZ_SEED)) \
	    $(BUILD)/tests/unit/test-tcg-random

# The heterogeneous SoC demo (docs/user/hetero.md): an AArch64 program on
# -M hetero-virt hands FIR and checksum jobs to the Hexagon DSP's firmware
# through shared memory and the mailbox, checks every answer and exits
# with its status.  Both programs are built with clang-19/lld-19.
DEMO_DIR = $(BUILD)/demo/hetero
demo: build
	ninja -C $(BUILD) demo/hetero/hetero-arm.elf demo/hetero/hetero-dsp.elf
	$(BUILD)/hemu -M hetero-virt -semihosting -nographic -run-timeout 120 \
	    -kernel $(DEMO_DIR)/hetero-arm.elf \
	    -device loader,file=$(DEMO_DIR)/hetero-dsp.elf,cluster=dsp

clean:
	rm -rf $(BUILD) $(SANBUILD)
