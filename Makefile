# Versus: `make run` serves the site, `make test` runs every test. `make help` lists all.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# uv installs the locked dependencies and, where the machine lacks one, a Python 3.12+.
# If uv is not on the PATH, it is installed into .tools/ with the machine's Python.
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check uv

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: install
install: $(UV) ## Create .venv with the locked dependencies and compile translations
	$(UV) sync --locked
	$(MANAGE) compiletranslations

.PHONY: migrate
migrate: install ## Apply database migrations
	$(MANAGE) migrate --no-input

.PHONY: demo
demo: migrate ## Load the demo pages and accounts (development only, idempotent)
	$(MANAGE) seed_demo

# The server, the task worker (emails, PDFs, Stripe follow-ups, scheduled jobs) and
# the scheduler, on SQLite; Ctrl-C stops all three (scripts/run.py).
.PHONY: run
run: demo ## Set everything up, then serve the site and its admin on http://127.0.0.1:8000
	@echo ""
	@echo "  Versus:  http://$(HOST):$(PORT)/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/  (redaction@example.org)"
	@echo "  Readers: lecteur@example.org, abonne@example.org"
	@echo "  Password for all demo accounts: versus-demo"
	@echo "  With the task worker and the scheduler; Ctrl-C stops all three."
	@echo ""
	TASKS_BACKEND=database $(PYTHON) scripts/run.py $(HOST):$(PORT)

.PHONY: test
test: install ## Set everything up, then run the whole test suite (browser tests included)
	$(PYTHON) -m pytest $(PYTEST_ARGS)

# Each stage (polls, seat rush, webhook storm, several servers, page reads, newsletter) replaces
# only its own section of docs/benchmarks.md, and runs even when one before it fails,
# so that the report stays whole.
.PHONY: bench
bench: install ## Polls, seat rush, webhook storm, several servers behind nginx, page reads, newsletter: docs/benchmarks.md
	status=0; \
	$(PYTHON) -m tests.bench.polls || status=1; \
	$(PYTHON) -m tests.bench.seats || status=1; \
	$(PYTHON) -m tests.bench.storm || status=1; \
	$(PYTHON) -m tests.bench.cluster || status=1; \
	$(PYTHON) -m tests.bench.reads || status=1; \
	$(PYTHON) -m tests.bench.newsletter || status=1; \
	exit $$status

.PHONY: cluster
cluster: install ## Two gunicorn servers behind nginx (apt-get install nginx): what must be shared is shared
	$(PYTHON) -m tests.bench.cluster

.PHONY: reads
reads: install ## Page reads against the static file, with the demo content and 10,000 debates
	$(PYTHON) -m tests.bench.reads

.PHONY: bench-newsletter
bench-newsletter: install ## One issue to 50,000 readers (NEWSLETTER_BENCH_RECIPIENTS), a worker killed halfway: none twice, none missed
	$(PYTHON) -m tests.bench.newsletter

.PHONY: storm
storm: install ## Stripe webhook storm against production settings (PostgreSQL, Redis); fails on any mismatch
	$(PYTHON) -m tests.bench.storm

.PHONY: lint
lint: install ## ruff, import layering, template formatting, Django checks and missing migrations
	$(PYTHON) -m ruff check .
	.venv/bin/lint-imports --no-cache
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m djlint templates --check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

.PHONY: format
format: install ## Rewrite Python and templates in the house style
	$(PYTHON) -m ruff check --fix .
	$(PYTHON) -m ruff format .
	$(PYTHON) -m djlint templates --reformat --quiet || true

.PHONY: messages
messages: install ## Extract translatable strings into locale/fr/LC_MESSAGES/django.po
	$(MANAGE) makemessages -l fr --no-obsolete -i ".venv/*" -i ".tools/*" -i "var/*"

.PHONY: clean
clean: ## Remove the virtualenv, tools and local data (database, media, mail)
	rm -rf .venv .tools var
