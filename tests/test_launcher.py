"""The ``tdorg`` program opens the editor bare or on one chart, and runs commands otherwise."""

from tdorg.launcher import wants_editor


def test_bare_program_and_a_single_chart_open_the_editor():
    assert wants_editor([])
    assert wants_editor(["district.tdorg"])
    assert wants_editor(["Sample.JSON"])


def test_commands_and_options_go_to_the_command_line():
    assert not wants_editor(["validate", "district.tdorg"])
    assert not wants_editor(["--help"])
    assert not wants_editor(["--version"])
    assert not wants_editor(["convert"])
