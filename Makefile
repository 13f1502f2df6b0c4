SHELL := /bin/bash
# clawcheck — common tasks. `make test` is what CI runs.
GO       ?= go
BIN      ?= bin/clawcheck
PKGS     := ./...
FUZZTIME ?= 60s

.PHONY: all build run test unit conformance vet bench bench-reference fuzz update reference clean docs

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/clawcheck

# Audit the shipped example installation.
run:
	$(GO) run ./cmd/clawcheck security audit --state-dir examples/insecure-home/.openclaw

# Everything: vet, unit and fixture tests, the conformance corpus.
test: vet unit conformance

vet:
	@unformatted=$$(gofmt -l cmd internal); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)

# The SARIF schema comes from the npm registry (scripts/sarif-schema.sh) and
# tests validate every SARIF log against it; the HTML report is rendered in
# headless Chromium (scripts/chromium.sh installs Debian's package).
unit:
	schema=$$(scripts/sarif-schema.sh) && chromium=$$(scripts/chromium.sh) && \
		CLAWCHECK_SARIF_SCHEMA=$$schema CLAWCHECK_CHROMIUM=$$chromium $(GO) test -count=1 $(PKGS)

# Compares clawcheck with the reference's recorded findings and prints
# "conformance: R% recall, P% precision (matched/ref/ours)".
conformance:
	@$(GO) test -count=1 -run '^TestConformance$$' -v ./internal/conformance \
		| grep -v -e '^=== RUN' -e '^--- PASS' ; exit $${PIPESTATUS[0]}

# Rewrite fixture expectations and golden files from current behaviour
# (packages whose tests take -update); review the diff before committing.
update:
	$(GO) test -count=1 $$(grep -rl --include='*_test.go' -e 'checktest.Run' -e 'flag.Bool("update"' internal \
		| xargs -n1 dirname | sort -u | sed 's|^|./|') -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# Wall-clock time of clawcheck and the reference on a few corpus fixtures.
bench-reference:
	scripts/bench-reference.sh

# Each fuzz target for FUZZTIME.
fuzz:
	@for pkg in $$($(GO) list ./internal/...); do \
	  for fn in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$fn"; \
	    $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
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
