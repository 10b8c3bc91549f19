# dockertutor - a terminal course and exam trainer for Docker and Containers Basics.
#
#   make run      install missing build dependencies, build, open the course
#   make check    the same set-up, then every test (ends "N passed, N failed")
#   make          build ./dockertutor
#   make asan     every test under AddressSanitizer + UBSan, then valgrind
#   make fuzz     libFuzzer targets (clang); FUZZ_SECONDS=N runs each for N s
#   make bench    benchmarks, printed against their targets
#   make install / uninstall (PREFIX, DESTDIR), make clean

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/dockertutor
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
BUILD      ?= build
CC         ?= cc
PKG_CONFIG ?= pkg-config

WARN   := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wvla
ifneq ($(CI),)
WARN   += -Werror
endif
OPT    ?= -O2 -g
SAN    ?=
ifneq ($(SAN),)
OPT    := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif

# Flags come from pkg-config and are expanded when used, after the
# dependency step has run.
ENGINE_PC   = sqlite3 yaml-0.1
ENGINE_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(ENGINE_PC))
ENGINE_LIBS   = $(shell $(PKG_CONFIG) --libs $(ENGINE_PC)) -lm
# ncursesw's pkg-config adds its own feature macros; the project sets them once.
UI_CFLAGS     = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE -D_GNU_SOURCE,$(shell $(PKG_CONFIG) --cflags ncursesw))
UI_LIBS       = $(shell $(PKG_CONFIG) --libs ncursesw)
TEST_CFLAGS   = $(shell $(PKG_CONFIG) --cflags cmocka)
TEST_LIBS     = $(shell $(PKG_CONFIG) --libs cmocka)
VTERM_CFLAGS  = $(shell $(PKG_CONFIG) --cflags vterm)
VTERM_LIBS    = $(shell $(PKG_CONFIG) --libs vterm)

# V=1 shows every command.
Q := $(if $(V),,@)

CPPFLAGS_ALL = -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
               -DDT_DATADIR='"$(DATADIR)"'
CFLAGS_ALL   = -std=c11 $(WARN) $(OPT) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS)
LDFLAGS_ALL  = $(OPT) $(LDFLAGS)

ENGINE_DIRS := util text lint course quiz exercise store app
ENGINE_SRC  := $(foreach d,$(ENGINE_DIRS),$(wildcard src/$(d)/*.c))
FRONT_SRC   := src/main.c $(wildcard src/cli/*.c) $(wildcard src/ui/*.c)
MIGRATIONS  := $(sort $(wildcard data/migrations/*.sql))
GEN_SRC     := $(BUILD)/gen/migrations.c

ENGINE_OBJ  := $(ENGINE_SRC:%.c=$(BUILD)/%.o) $(GEN_SRC:.c=.o)
FRONT_OBJ   := $(FRONT_SRC:%.c=$(BUILD)/%.o)
ENGINE_LIB  := $(BUILD)/libdtengine.a
BIN         := dockertutor
ifneq ($(BUILD),build)
BIN         := $(BUILD)/dockertutor
endif

UNIT_SRC    := $(wildcard tests/unit/test_*.c)
UNIT_SUPPORT:= $(filter-out $(UNIT_SRC),$(wildcard tests/unit/*.c))
UNIT_BIN    := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC    := $(wildcard tests/fuzz/fuzz_*.c)
REPLAY_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/replay/%)
UI_TEST_SRC := $(wildcard tests/ui/*.c)
UI_TEST_BIN := $(if $(UI_TEST_SRC),$(BUILD)/tests/uitest)
BENCH_SRC   := $(wildcard tests/bench/bench_*.c)
BENCH_BIN   := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps deps-test run check test asan fuzz bench install uninstall clean tests-build
.DELETE_ON_ERROR:

all: $(BIN)

deps:
	@sh mk/deps.sh

deps-test:
	@sh mk/deps.sh --with-tests

run: deps
	@$(MAKE) --no-print-directory all
	./$(BIN)

check: deps-test
	@$(MAKE) --no-print-directory test

tests-build: $(BIN) $(UNIT_BIN) $(REPLAY_BIN) $(UI_TEST_BIN)

test: tests-build
	@DT_BIN=$(abspath $(BIN)) DT_BUILD=$(abspath $(BUILD)) sh tests/run.sh

asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 test
	@$(MAKE) --no-print-directory tests-build
	@DT_BIN=$(abspath $(BIN)) DT_BUILD=$(abspath $(BUILD)) sh tests/valgrind.sh

$(BIN): $(FRONT_OBJ) $(ENGINE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $(FRONT_OBJ) $(ENGINE_LIB) $(UI_LIBS) $(ENGINE_LIBS)

$(ENGINE_LIB): $(ENGINE_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/src/ui/%.o: src/ui/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) $(UI_CFLAGS) $(ENGINE_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) $(ENGINE_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/migrations.c: $(MIGRATIONS) mk/embed.sh
	@mkdir -p $(@D)
	@sh mk/embed.sh dt_migrations $(MIGRATIONS) > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(Q)$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(UNIT_SUPPORT) $(ENGINE_LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS_ALL) $(ENGINE_CFLAGS) $(TEST_CFLAGS) -Itests/unit -o $@ $< $(UNIT_SUPPORT) $(ENGINE_LIB) $(TEST_LIBS) $(ENGINE_LIBS)

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_ALL) $(ENGINE_CFLAGS) -o $@ $< tests/fuzz/replay.c $(ENGINE_LIB) $(ENGINE_LIBS)

$(BUILD)/tests/uitest: $(UI_TEST_SRC)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS_ALL) $(VTERM_CFLAGS) -o $@ $(UI_TEST_SRC) $(VTERM_LIBS) -lutil

FUZZ_CC ?= clang
fuzz: deps-test $(GEN_SRC)
	@mkdir -p $(BUILD)/fuzz
	@for f in $(FUZZ_SRC); do \
		n=$$(basename $$f .c); \
		echo "fuzz: building $$n"; \
		$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(CPPFLAGS_ALL) $(ENGINE_CFLAGS) \
			-o $(BUILD)/fuzz/$$n $$f $(ENGINE_SRC) $(GEN_SRC) $(ENGINE_LIBS) || exit 1; \
	done
	@if [ -n "$(FUZZ_SECONDS)" ]; then for f in $(FUZZ_SRC); do \
		n=$$(basename $$f .c); mkdir -p $(BUILD)/fuzz/corpus-$$n; \
		$(BUILD)/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(BUILD)/fuzz/ \
			$(BUILD)/fuzz/corpus-$$n tests/fuzz/corpus/$$n || exit 1; \
	done; fi

$(BUILD)/bench/%: tests/bench/%.c $(ENGINE_LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(CFLAGS_ALL) $(ENGINE_CFLAGS) -o $@ $< $(ENGINE_LIB) $(ENGINE_LIBS)

bench: deps-test
	@$(MAKE) --no-print-directory OPT="-O2" $(BIN) $(BENCH_BIN)
	@DT_BIN=$(abspath $(BIN)) DT_BUILD=$(abspath $(BUILD)) sh tests/bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/dockertutor
	cp -R content $(DESTDIR)$(DATADIR)/
	install -m 644 docs/dockertutor.1 $(DESTDIR)$(MANDIR)/man1/dockertutor.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dockertutor $(DESTDIR)$(MANDIR)/man1/dockertutor.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) dockertutor

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
