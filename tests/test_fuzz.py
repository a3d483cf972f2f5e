"""Generated malformed inputs (tests/fuzz/cases.py) → exit 0, 1 or 2, no traceback, nothing left after exit 1.

A few hundred cases per run; tools/fuzz.py runs the same strategies for as
long as wanted.
"""

from __future__ import annotations

from fuzz.cases import Case, attendee_csv, event_yaml, importer_input, run_case
from hypothesis import HealthCheck, given, settings


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )


def _fine(case: Case) -> None:
    outcome = run_case(case)
    assert outcome.code in (0, 1, 2), f"{case.describe()} → {outcome.code}: {outcome.detail}"


@fuzz(150)
@given(event_yaml())
def test_event_yaml_never_crashes(case):
    _fine(case)


@fuzz(150)
@given(importer_input())
def test_importer_inputs_never_crash(case):
    _fine(case)


@fuzz(60)
@given(attendee_csv())
def test_attendee_csvs_never_crash(case):
    _fine(case)


def test_a_crash_is_noticed():
    """The harness itself: a case whose command does not exist is not counted as fine."""
    outcome = run_case(Case("meta", "cli", {}, ["no-such-command"], ""))
    assert outcome.code == 2  # click's usage error: fine, and told apart from 0 and 1
