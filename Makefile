# Workforce: `make run` serves the app on an embedded PostgreSQL with demo data; `make test` runs every test.
SHELL := /bin/bash
PORT ?= 5080
DATA_DIR ?= $(CURDIR)/.data/postgres
HOST := dotnet run --project api/Host --no-build --

.PHONY: run test bench migrate fmt build prerequisites clean

run: prerequisites build
	$(HOST) --urls http://127.0.0.1:$(PORT) --Demo:Seed=true --Database:DataDirectory=$(DATA_DIR)

test: prerequisites
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

clean:
	dotnet clean Workforce.slnx --nologo -v q
	rm -rf .test-results
