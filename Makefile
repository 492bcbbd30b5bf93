# Two commands for a new machine: `make html` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PELICAN := $(PY) -m pelican
INSTALLED := $(VENV)/.installed
OUTPUT := output
GROUPS ?= 250

# LANG is also the shell's locale variable: use it only when it was given
# on the command line (make translate KEY=x LANG=el).
lang_option = $(if $(filter command line,$(origin LANG)),--lang $(LANG))
# ...and keep it out of the commands' environment, where it would name a
# locale.
unexport LANG

.PHONY: html fonts clean serve devserver publish rsync_upload github test bench status translate translations import-comments

$(INSTALLED): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The search index is Pagefind's, built over the site once Pelican has
# written it.
html: $(INSTALLED)
	$(PELICAN) content -o $(OUTPUT) -s pelicanconf.py --fatal errors
	$(PY) -m plugins.search index $(OUTPUT) --cache .cache/search-index

# The theme's web fonts, from the Noto release named in the script (README
# "Typography"). Their output is committed: a build needs no font tools.
fonts: $(INSTALLED)
	$(PY) themes/mmr/fonts/make_fonts.py

clean:
	rm -rf $(OUTPUT) .cache

serve: $(INSTALLED)
	$(PELICAN) --listen -o $(OUTPUT) -s pelicanconf.py

devserver: $(INSTALLED)
	$(PELICAN) content -o $(OUTPUT) -s pelicanconf.py --autoreload --listen

# The site's address: SITEURL=... on the command line, else publishconf.py's.
site_url = $(or $(SITEURL),$(shell $(PY) -m plugins.hosting setting SITEURL))

publish: $(INSTALLED)
	@test -n "$(site_url)" || { echo "make publish: give the site's address, e.g. make publish SITEURL=https://example.org (or set SITEURL in publishconf.py)"; exit 2; }
	$(PELICAN) content -o $(OUTPUT) -s publishconf.py -e 'SITEURL="$(site_url)"' --fatal warnings
	$(PY) -m plugins.search index $(OUTPUT) --cache .cache/search-index

# Deploying (README "Publishing"): each verb builds with publishconf.py
# first, and a build that fails or warns stops make before anything is
# sent. Settings come from publishconf.py unless given here.
deploy_options = --output $(OUTPUT) $(if $(DRY_RUN),--dry-run)

rsync_upload: publish
	$(PY) -m plugins.hosting rsync $(deploy_options) $(if $(RSYNC_TARGET),--target '$(RSYNC_TARGET)') $(if $(SSH_PORT),--ssh-port $(SSH_PORT))

github: publish
	$(PY) -m plugins.hosting git $(deploy_options) $(if $(PAGES_REMOTE),--remote '$(PAGES_REMOTE)') $(if $(PAGES_BRANCH),--branch '$(PAGES_BRANCH)') $(if $(PAGES_CNAME),--cname '$(PAGES_CNAME)')

# axe-core for the browser accessibility test, pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: the accessibility test will be skipped (a failure under CI=true)"; fi

test: $(INSTALLED) node_modules/.package-lock.json
	$(PY) -m pytest

bench: $(INSTALLED)
	$(PY) -m bench --groups $(GROUPS)

status: $(INSTALLED)
	@$(PY) -m plugins.variants status $(if $(FORMAT),--format $(FORMAT))

translate: $(INSTALLED)
	@test -n "$(KEY)" -a -n "$(lang_option)" || { echo "make translate: name the article and the new language, e.g. make translate KEY=is-it-engagement LANG=el"; exit 2; }
	$(PY) -m plugins.variants translate --key $(KEY) $(lang_option)

translations: $(INSTALLED)
	$(PY) -m plugins.localisation update-catalogs

import-comments: $(INSTALLED)
	@test -n "$(SOURCE)" -a -n "$(FORMAT)" || { echo "make import-comments: give SOURCE=<file> FORMAT=<wxr|disqus|html|seed> [LANG=<lang>] [MAP=<file.csv>] [DRY_RUN=1] [REPORT=<report.json>]"; exit 2; }
	$(PY) -m plugins.comments import --source $(SOURCE) --format $(FORMAT) $(lang_option) $(if $(MAP),--map $(MAP)) $(if $(DRY_RUN),--dry-run) $(if $(REPORT),--report $(REPORT))
