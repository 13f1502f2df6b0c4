SHELL := /bin/bash
# clawcheck — common tasks. `make test` is what CI runs.
GO       ?= go
BIN      ?= bin/clawcheck
PKGS     := ./...
FUZZTIME ?= 60s
# Each fuzz target's share of `make test`.
# A count, not a duration: with a duration, Go 1.26's fuzz coordinator can
# fail a clean run with "context deadline exceeded" as time runs out
# (go.dev/issue/75804), which would make CI flaky.
FUZZTIME_SHORT ?= 2000x

.PHONY: all build run test unit difftest conformance vet bench bench-reference fuzz fuzz-short update reference clean docs

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/clawcheck

# Audit the shipped example installation.
run:
	$(GO) run ./cmd/clawcheck security audit --state-dir examples/insecure-home/.openclaw

# Everything: vet, unit and fixture tests (the hostile-input suite among
# them), every fuzz target briefly, the conformance corpus.
test: vet unit fuzz-short difftest conformance

vet:
	@unformatted=$$(gofmt -l cmd internal); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)
	GOOS=windows $(GO) build ./...
	GOOS=windows $(GO) vet ./internal/fix/...

# The SARIF schema comes from the npm registry (scripts/sarif-schema.sh) and
# tests validate every SARIF log against it; the HTML report is rendered in
# headless Chromium (scripts/chromium.sh installs Debian's package).
unit:
	schema=$$(scripts/sarif-schema.sh) && chromium=$$(scripts/chromium.sh) && \
		CLAWCHECK_SARIF_SCHEMA=$$schema CLAWCHECK_CHROMIUM=$$chromium $(GO) test -count=1 $(PKGS)

# Differential tests against the reference (installed first; it needs the npm
# registry once): DIFF_CASES generated JSON5 documents plus mutated corpus
# configs through the reference's json5 package, and the loader corpus plus
# DIFF_LOADER_CASES generated include trees through the reference's
# `config get`; and TestRealGateway, which starts a real
# gateway from the 2026.4.14 reference on a free loopback port and compares
# clawcheck's --deep probe with the reference's (about a minute).
# CLAWCHECK_DIFFTEST=require turns a missing reference into a failure
# instead of a skip.
REFERENCE_CACHE ?= $(or $(CLAWCHECK_REFERENCE_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/clawcheck-reference)
DIFF_CASES      ?= 10000
DIFF_LOADER_CASES ?= 16
difftest:
	CLAWCHECK_REFERENCE_CACHE=$(REFERENCE_CACHE) scripts/reference.sh install 2026.4.14 >/dev/null
	CLAWCHECK_REFERENCE_CACHE=$(REFERENCE_CACHE) scripts/reference.sh install 2026.9.6 >/dev/null
	CLAWCHECK_REFERENCE_CACHE=$(REFERENCE_CACHE) CLAWCHECK_DIFFTEST=require CLAWCHECK_DIFFTEST_CASES=$(DIFF_CASES) \
		CLAWCHECK_DIFFTEST_LOADER_CASES=$(DIFF_LOADER_CASES) $(GO) test -count=1 -run '^TestDifferential|^TestJSON5Driver$$|^TestRealGateway$$' ./internal/difftest ./internal/json5 ./internal/config ./internal/probe

# Compares clawcheck with the reference's recorded findings and prints
# "conformance: R% recall, P% precision (matched/ref/ours)"; then compares
# what remains after clawcheck's --fix with what remained after the
# reference's own --fix (expect-fix-* files).
conformance:
	@$(GO) test -count=1 -run '^TestConformance(AfterFix)?$$' -v ./internal/conformance \
		| grep -v -e '^=== RUN' -e '^ *--- PASS' ; exit $${PIPESTATUS[0]}

# Rewrite fixture expectations and golden files from current behaviour
# (packages whose tests take -update); review the diff before committing.
update:
	$(GO) test -count=1 $$(grep -rl --include='*_test.go' -e 'checktest.Run' -e 'flag.Bool("update"' internal \
		| xargs -n1 dirname | sort -u | sed 's|^|./|') -update

# Go benchmarks, then the --deep comparison with the reference on a
# generated 20,000-file installation (installs the reference on first use).
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	scripts/bench-deep.sh

# Wall-clock time of clawcheck and the reference on a few corpus fixtures.
bench-reference:
	scripts/bench-reference.sh

# Each fuzz target for FUZZTIME (the differential one compares with the
# reference when it is installed), after a larger differential run.
fuzz:
	@if CLAWCHECK_REFERENCE_CACHE=$(REFERENCE_CACHE) scripts/reference.sh path 2026.4.14 >/dev/null; then \
	  $(MAKE) difftest DIFF_CASES=200000 DIFF_LOADER_CASES=200 || exit 1; fi
	@for pkg in $$($(GO) list ./internal/...); do \
	  for fn in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$fn"; \
	    CLAWCHECK_REFERENCE_CACHE=$(REFERENCE_CACHE) $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Every fuzz target for FUZZTIME_SHORT executions: a smoke run that keeps the targets
# and their seed corpora working; `make fuzz` searches for longer.
fuzz-short:
	@for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' internal | xargs -n1 dirname | sort -u); do \
	  for fn in $$(grep -h '^func Fuzz' $$dir/*_test.go | sed 's/^func \(Fuzz[A-Za-z0-9_]*\).*/\1/' | sort); do \
	    echo "fuzz-short ./$$dir $$fn"; \
	    $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME_SHORT) ./$$dir 2>&1 \
	      | grep -v -e '^fuzz: elapsed' -e '^PASS$$' -e '^ok '; [ $${PIPESTATUS[0]} -eq 0 ] || exit 1; \
	  done; \
	done

# Regenerate docs/checks.md from the check registry.
docs:
	$(GO) run ./cmd/clawcheck checks --format markdown > docs/checks.md

# Install the reference implementation (upstream OpenClaw) into the cache.
reference:
	scripts/reference.sh install 2026.4.14
	scripts/reference.sh install 2026.9.6

clean:
	rm -rf bin
