"""``run_scheduler``: heartbeat after each good round, survives a bad one, gives up on many."""

import io
import logging
import time
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from procedures.models import SchedulerHeartbeat
from procedures.workflow.management.commands.run_scheduler import Command

DOWN = OperationalError("the connection is closed")


def run(*args):
    call_command("run_scheduler", *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_a_round_records_the_heartbeat(db):
    assert SchedulerHeartbeat.age() is None
    run("--once")
    beat = SchedulerHeartbeat.objects.get()
    assert beat.published == 0 and beat.unpublished == 0
    assert SchedulerHeartbeat.age() < 60


def test_a_failed_round_is_logged_with_its_traceback_and_records_no_heartbeat(db, caplog):
    with (
        mock.patch(
            "procedures.workflow.management.commands.run_scheduler.run_once", side_effect=DOWN
        ),
        caplog.at_level(logging.ERROR, logger="procedures.scheduler"),
        pytest.raises(CommandError),  # --once: the failure is the exit status (for cron)
    ):
        run("--once")
    [record] = caplog.records
    assert record.exc_info[1] is DOWN
    assert not SchedulerHeartbeat.objects.exists()


def test_exits_after_max_failures_in_a_row_and_a_success_resets_the_count(db):
    rounds = [DOWN, DOWN, (0, 0), DOWN, DOWN, DOWN, (0, 0)]
    with (
        mock.patch(
            "procedures.workflow.management.commands.run_scheduler.run_once", side_effect=rounds
        ) as run_once,
        pytest.raises(CommandError, match="3 nieudanych rund z rzędu"),
    ):
        run("--interval", "0", "--max-failures", "3")
    assert run_once.call_count == 6
    assert SchedulerHeartbeat.objects.exists()  # the one good round beat


def watchdog_abort(seconds_running):
    """The watchdog's one look at a round running for ``seconds_running`` seconds, with a
    limit of 10: the mocked ``abort`` it called or not."""
    command = Command()
    command.stopping = mock.Mock(wait=mock.Mock(side_effect=[False, True]))
    command.round_started = time.monotonic() - seconds_running
    with mock.patch.object(command, "abort") as abort:
        command.watch(max_silence=10)
    return abort


def test_a_hung_round_ends_the_process():
    watchdog_abort(11).assert_called_once_with(1)


def test_a_slow_round_within_the_limit_is_left_alone():
    watchdog_abort(5).assert_not_called()
