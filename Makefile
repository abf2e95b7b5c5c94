# Workforce: `make run` serves the app on an embedded PostgreSQL with demo data; `make test` runs every test.
SHELL := /bin/bash
PORT ?= 5080
DATA_DIR ?= $(CURDIR)/.data/postgres
# The built Host, run in place of the recipe's shell (not under dotnet run), so that a signal to make's process group (a
# service manager's SIGTERM, Ctrl+C) reaches it directly and make waits until it has stopped its embedded database.
HOST := cd api/Host && exec dotnet bin/Debug/net10.0/Workforce.Host.dll

.PHONY: run test bench migrate fmt build admin-ui prerequisites node-prerequisites browser-prerequisites docker-prerequisites clean

run: prerequisites build admin-ui
	$(HOST) --urls http://127.0.0.1:$(PORT) --Demo:Seed=true --OpenApi:SwaggerUi=true --Database:DataDirectory=$(DATA_DIR)

# The admin web app, built into admin-ui/dist, which the Host serves at / (npm ci only when the lock file changed).
admin-ui: node-prerequisites
	@cd admin-ui && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent

test: prerequisites browser-prerequisites docker-prerequisites
	@tests/run-all.sh

# Import, list and paging throughput and the API's memory against their baselines, and a congress's secret ballot:
# a table, also in .bench-results/latest.md. ONLY=workers or ONLY=ballots runs one part (e.g. make bench ONLY=ballots REPRESENTATIVES=500).
ROWS ?= 1000000
REPRESENTATIVES ?= 3000
ONLY ?=
bench: prerequisites
	dotnet publish api/Host -c Release -o .bench/host --nologo -clp:ErrorsOnly
	dotnet run --project tests/Benchmarks -c Release -- --host .bench/host/Workforce.Host.dll --work .bench \
		--out .bench-results/latest.md --rows $(ROWS) --small-rows $$(( $(ROWS) / 10 )) \
		--representatives $(REPRESENTATIVES) $(if $(ONLY),--only $(ONLY))

migrate: prerequisites build
	$(HOST) migrate --Database:DataDirectory=$(DATA_DIR)

build:
	dotnet build Workforce.slnx --nologo -clp:ErrorsOnly

fmt:
	dotnet format Workforce.slnx

# The command-line client for scripted imports, as bin/workforce (needs the .NET runtime to run).
.PHONY: cli
cli:
	dotnet publish api/Cli -c Release -o bin --nologo -clp:ErrorsOnly

# The PostgreSQL server binaries the embedded database runs on; installed when missing and we may.
prerequisites:
	@command -v dotnet >/dev/null || { echo "Install the .NET 10 SDK: https://dot.net"; exit 1; }
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing PostgreSQL server binaries..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
		else \
			echo "Install the PostgreSQL server binaries: sudo apt-get install postgresql"; exit 1; \
		fi; \
	fi

# A Docker engine, which the .NET tests start their PostgreSQL servers in (Testcontainers): Debian's docker.io installed
# when missing and its daemon started when none answers, when we may (a DOCKER_HOST of the caller's is left as it is).
docker-prerequisites:
	@if ! docker info >/dev/null 2>&1; then \
		if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null || [ -n "$${DOCKER_HOST:-}" ]; then \
			echo "Start a Docker engine for the .NET tests (sudo apt-get install docker.io; sudo dockerd)"; exit 1; \
		fi; \
		if ! command -v dockerd >/dev/null; then \
			echo "Installing Docker (docker.io) for the .NET tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null; \
		fi; \
		if ! docker info >/dev/null 2>&1; then \
			echo "Starting dockerd (its log: /var/log/dockerd.log)..."; \
			setsid dockerd >>/var/log/dockerd.log 2>&1 </dev/null & \
			for _ in $$(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done; \
			docker info >/dev/null 2>&1 || { echo "dockerd did not start; see /var/log/dockerd.log"; exit 1; }; \
		fi; \
	fi

# Node.js with npm, which builds the admin web app; installed when missing and we may.
node-prerequisites:
	@command -v npm >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Node.js and npm for the admin web app..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
		else \
			echo "Install Node.js 20 or later with npm: sudo apt-get install nodejs npm"; exit 1; \
		fi; \
	}

# What the browser tests (tests/e2e) run on: Node.js with npm, and Debian's Chromium with a Chinese font (playwright-core
# drives it and never downloads a browser of its own); installed when missing and we may.
browser-prerequisites:
	@need=""; \
	command -v npm >/dev/null || need=" nodejs npm"; \
	[ -x /usr/bin/chromium ] || need="$$need chromium"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || need="$$need fonts-wqy-microhei"; \
	if [ -n "$$need" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing$$need for the browser tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null; \
		else \
			echo "Install for the browser tests: sudo apt-get install$$need (Node.js 20 or later)"; exit 1; \
		fi; \
	fi

clean:
	dotnet clean Workforce.slnx --nologo -v q
	rm -rf .test-results
