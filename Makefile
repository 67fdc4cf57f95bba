# Recurrent Neural Networks, graded: every command of the course.
# `make help` lists them. All run inside .venv, created on first use from requirements.txt.

VENV   := .venv
BIN    := $(CURDIR)/$(VENV)/bin
PYTHON := $(BIN)/python
# nbgrader runs `alembic` and `jupyter` by name: the environment's bin/ goes first on PATH.
export PATH := $(BIN):$(PATH)
STAMP  := $(VENV)/.installed

.PHONY: help setup demo release grade feedback export table check test test-quick bench bench-class bench-student seed-sweep \
	lint lab lab-instructor collect roster report clean

help:
	@echo "Learners:    make setup | make lab | make check NB=path/to/notebook.ipynb"
	@echo "Instructors: make release | make roster ROSTER=f.csv | make lab-instructor"
	@echo "             make collect | make grade | make feedback | make export | make table"
	@echo "             make report"
	@echo "Course:      make demo | make test | make test-quick | make bench | make bench-class"
	@echo "             make bench-student"
	@echo "             make lint | make clean"

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(PYTHON) -m rnngraded demo $(GRADE_FLAGS)

release: $(STAMP)
	$(PYTHON) -m rnngraded release

# UNSAFE=1 grades without the sandbox (when it cannot start); reports and grades.csv say so.
SANDBOX_FLAGS := $(if $(UNSAFE),--unsafe-no-sandbox)
# SCHEDULER=tcp://host:8786 grades on an existing Dask cluster (default: a local one, one worker
# per core, or WORKERS=N); FORCE=1 regrades submissions already graded.
GRADE_FLAGS := $(SANDBOX_FLAGS) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) \
	$(if $(WORKERS),--workers $(WORKERS)) $(if $(FORCE),--force)

grade: $(STAMP)
	$(PYTHON) -m rnngraded grade $(GRADE_FLAGS)

feedback: $(STAMP)
	$(PYTHON) -m rnngraded feedback

export: $(STAMP)
	$(PYTHON) -m rnngraded export

table: $(STAMP)
	$(PYTHON) -m rnngraded table

# class_report.html: the class at a glance (no network needed to read it).
report: $(STAMP)
	$(PYTHON) -m rnngraded report

check: $(STAMP)
	@test -n "$(NB)" || (echo "usage: make check NB=path/to/notebook.ipynb" && exit 2)
	$(PYTHON) -m rnngraded check "$(NB)" $(SANDBOX_FLAGS)

test: $(STAMP)
	$(PYTHON) -m pytest

# The suite without the tests marked slow (whole classes graded through nbgrader).
test-quick: $(STAMP)
	$(PYTHON) -m pytest -m "not slow"

# Autograde time of each chapter's reference answers, with and without the sandbox, as ratios
# to the import-only floor notebook measured in the same run; and a sandboxed kernel's start.
bench: $(STAMP)
	$(PYTHON) -m rnngraded bench

# A synthetic class (STUDENTS=40 x 5 chapters: correct, partly wrong, blank) graded by stock
# nbgrader (serial) and by make grade (2 workers, then 1 on a smaller class): both must give
# every submission the same score; prints both wall times and the speed-up. Takes over an hour.
bench-class: $(STAMP)
	$(PYTHON) -m rnngraded bench-class $(if $(STUDENTS),--students $(STUDENTS))

# Each chapter top to bottom as a learner runs it (reference answers, not under grading, one
# thread): seconds per chapter against the 180 s budget, the slowest cells; last line
# `slowest chapter: N s`. CHAPTERS="02_bptt 03_lstm_gru" runs only those.
bench-student: $(STAMP)
	$(PYTHON) -m rnngraded bench-student $(CHAPTERS)

# Each chapter's hidden tests on SEEDS=100 grading seeds for every variant in tests/variants:
# lists the bugs whose lost parts change with the seed and any correct answer that fails.
seed-sweep: $(STAMP)
	$(PYTHON) tests/seed_sweep.py $(CHAPTERS) $(if $(SEEDS),--seeds $(SEEDS))

lint: $(STAMP)
	$(PYTHON) -m ruff check .

# Learners work in work/: each chapter fetched from the course's exchange as the Assignment
# List does (a learner's copies are kept by later runs; not committed). Works as root too.
lab: $(STAMP)
	$(PYTHON) -m rnngraded lab

# The instructor's Lab at the course root: formgrader, Create Assignment.
lab-instructor: $(STAMP)
	$(PYTHON) -m rnngraded lab --instructor

# Submissions made from learners' Assignment Lists, from the exchange into submitted/.
collect: $(STAMP)
	$(PYTHON) -m rnngraded collect

# ROSTER=students.csv (id,first_name,last_name,email): names for formgrader and the reports.
roster: $(STAMP)
	@test -n "$(ROSTER)" || (echo "usage: make roster ROSTER=students.csv" && exit 2)
	$(PYTHON) -m rnngraded roster "$(ROSTER)"

clean:
	rm -rf submitted autograded/*/ feedback gradebook.db grades.csv exchange demo_roster.csv class_report.html
