"""``report --list`` and ``report --help``: the reports, their parameters, defaults and documented meaning, examples."""

from __future__ import annotations

import pytest

from analysis import cli
from analysis.report import parameters
from analysis.report import render as reports


def test_list_shows_every_parameter_with_its_default_and_meaning(capsys):
    assert cli.main(["report", "--list"]) == 0
    out = capsys.readouterr().out
    for name, path in reports.notebook_paths().items():
        assert f"\n{name}: " in out
        for parameter in parameters.declared(path).values():
            assert parameter.meaning and parameter.meaning in out, f"{name}: {parameter.name} has no documented meaning"
    assert "include_vague  bool    default true: keep figures given as words" in out
    assert "min_similarity  number  default 0.1" in out


def test_declared_kinds_choices_and_bounds_come_from_the_parameters_cell():
    declared = parameters.declared(reports.notebook_paths()["02_casualty_tolls"])
    assert declared["sides"].choices == ("armenian", "azerbaijani", "both", "other", "unspecified")
    assert [declared[n].kind for n in ("raw_dir", "gold_file", "date_from", "include_vague", "outlets")] == \
        ["folder", "file", "date", "bool", "list"]
    assert parameters.declared(reports.notebook_paths()["03_reporting_lag"])["min_similarity"].bounds == (0.0, 1.0)


def test_report_help_shows_examples(capsys):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "warcov report --list" in out and "-p date_from 2020-10-01" in out


@pytest.mark.parametrize("text, value", [("true", True), ("False", False), ("yes", "yes"), ("0", 0),
                                         ("2020-10-01", "2020-10-01"), ("[2020-10-01]", ["2020-10-01"]), ("null", None)])
def test_values_are_yaml_with_dates_as_text_and_only_true_false_as_booleans(text, value):
    assert parameters.parse_value(text) == value and type(parameters.parse_value(text)) is type(value)
