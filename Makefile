# Two commands for a new machine: `make html` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
# Pelican's plain log handler: one line per message, never wrapped at the
# terminal's (or a CI log's 80) columns, so a file name stays whole.
PELICAN := $(PY) -m pelican --log-handler plain
INSTALLED := $(VENV)/.installed
OUTPUT := output
GROUPS ?= 250 1000

# LANG is also the shell's locale variable: use it only when it was given
# on the command line (make translate KEY=x LANG=el).
lang_option = $(if $(filter command line,$(origin LANG)),--lang $(LANG))
# ...and keep it out of the commands' environment, where it would name a
# locale.
unexport LANG

# Values given on make's command line reach the commands verbatim, through
# the environment, and recipes quote them as shell variables ("$$NAME"):
# pasted into a recipe, an apostrophe would end the quoting and run what
# follows, a $ would be expanded and a space would split an argument.
passed_verbatim := SITEURL RSYNC_TARGET SSH_PORT PAGES_REMOTE PAGES_BRANCH PAGES_CNAME SOURCE FORMAT MAP REPORT PORT \
  SETTINGS LISTEN APPROVE REJECT PURGE_NAME OUT KEY FROM
$(foreach name,$(passed_verbatim),$(eval override $(name) := $$(value $(name))))
export $(passed_verbatim)

.PHONY: html fonts clean serve devserver publish rsync_upload github test bench status translate translated diff translations import-comments comments-server comments-queue moderate

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

# Rebuilds the site and its search index on every save, serves it, and
# reloads the browser (plugins/devserver). PORT=8001 for another port: a
# value given on make's command line is in the recipe's environment, and
# is quoted from there. The plain log handler: one line per message.
devserver: $(INSTALLED)
	$(PY) -m plugins.devserver content -o $(OUTPUT) -s pelicanconf.py --log-handler plain $(if $(PORT),-p "$$PORT")

# The site's address: SITEURL=... on the command line, else publishconf.py's,
# checked (a web address, no credentials) and normalised before Pelican
# reads it.
publish: $(INSTALLED)
	site_url=$$($(PY) -m plugins.hosting site-url) || exit 2; \
	$(PELICAN) content -o $(OUTPUT) -s publishconf.py -e "$$site_url" --fatal warnings
	$(PY) -m plugins.search index $(OUTPUT) --cache .cache/search-index

# Deploying (README "Publishing"): each verb builds with publishconf.py
# first, and a build that fails or warns stops make before anything is
# sent. Settings come from publishconf.py unless given here.
deploy_options = --output $(OUTPUT) $(if $(DRY_RUN),--dry-run)

rsync_upload: publish
	$(PY) -m plugins.hosting rsync $(deploy_options) $(if $(RSYNC_TARGET),--target "$$RSYNC_TARGET") $(if $(SSH_PORT),--ssh-port "$$SSH_PORT")

github: publish
	$(PY) -m plugins.hosting git $(deploy_options) $(if $(PAGES_REMOTE),--remote "$$PAGES_REMOTE") $(if $(PAGES_BRANCH),--branch "$$PAGES_BRANCH") $(if $(PAGES_CNAME),--cname "$$PAGES_CNAME")

# axe-core for the browser accessibility test, pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund; \
	else echo "npm not found: the accessibility test will be skipped (a failure under CI=true)"; fi

# The tests marked alone measure this machine's speed (Lighthouse): they run
# after the rest, in one process; both parts run whichever fails.
test: $(INSTALLED) node_modules/.package-lock.json
	$(PY) -m pytest -m "not alone"; status=$$?; $(PY) -m pytest -m alone -n 0 && exit $$status

bench: $(INSTALLED)
	$(PY) -m bench --groups $(GROUPS)

# FORMAT=html writes the translators' dashboard to .cache/translation-status.html (or OUT=<file>).
status: $(INSTALLED)
	@$(PY) -m plugins.variants status $(if $(FORMAT),--format "$$FORMAT") $(if $(OUT),--output "$$OUT")

translate: $(INSTALLED)
	@test -n "$(KEY)" -a -n "$(lang_option)" || { echo "make translate: name the article and the new language, e.g. make translate KEY=is-it-engagement LANG=el"; exit 2; }
	$(PY) -m plugins.variants translate --key "$$KEY" $(lang_option)

translated: $(INSTALLED)
	@test -n "$(KEY)" -a -n "$(lang_option)" || { echo "make translated: name the article and the translation's language, e.g. make translated KEY=is-it-engagement LANG=it [FROM=cy]"; exit 2; }
	@$(PY) -m plugins.variants translated --key "$$KEY" $(lang_option) $(if $(FROM),--from "$$FROM")

diff: $(INSTALLED)
	@test -n "$(KEY)" -a -n "$(lang_option)" || { echo "make diff: name the article and the translation's language, e.g. make diff KEY=is-it-engagement LANG=it"; exit 2; }
	@$(PY) -m plugins.variants diff --key "$$KEY" $(lang_option)

translations: $(INSTALLED)
	$(PY) -m plugins.localisation update-catalogs

import-comments: $(INSTALLED)
	@test -n "$(SOURCE)" -a -n "$(FORMAT)" || { echo "make import-comments: give SOURCE=<file> FORMAT=<wxr|disqus|html|seed> [LANG=<lang>] [MAP=<file.csv>] [DRY_RUN=1] [REPORT=<report.json>]"; exit 2; }
	$(PY) -m plugins.comments import --source "$$SOURCE" --format "$$FORMAT" $(lang_option) $(if $(MAP),--map "$$MAP") $(if $(DRY_RUN),--dry-run) $(if $(REPORT),--report "$$REPORT")

# Taking comments (README "Taking comments"): the intake server, its queue,
# and moderation into content/comments/. They read publishconf.py (the
# server's links back need the published SITEURL) unless SETTINGS= says.
intake = $(PY) -m plugins.comments.intake --settings "$${SETTINGS:-publishconf.py}"

comments-server: $(INSTALLED)
	$(intake) serve $(if $(LISTEN),--listen "$$LISTEN")

comments-queue: $(INSTALLED)
	@$(intake) queue

moderate: $(INSTALLED)
	@test -n "$$APPROVE$$REJECT$$PURGE_NAME" || { echo 'make moderate: give APPROVE="1 2" and/or REJECT="3" (numbers from make comments-queue), or PURGE_NAME="A Name"'; exit 2; }
	$(intake) moderate $(if $(APPROVE),--approve $$APPROVE) $(if $(REJECT),--reject $$REJECT) $(if $(PURGE_NAME),--purge-name "$$PURGE_NAME")
