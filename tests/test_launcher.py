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


def test_the_frozen_apps_graphviz_child_draws_without_the_export_package(tmp_path):
    import subprocess
    import sys

    source = tmp_path / "chart.gv"
    source.write_text('digraph { a -> b [label="reports to"] }', encoding="utf-8")
    code = ("import sys\nfrom tdorg.launcher import main\nstatus = main(sys.argv[1:])\n"
            "assert 'tdorg.export' not in sys.modules\nsys.exit(status)")
    done = subprocess.run([sys.executable, "-c", code, "--graphviz-child", "--engine=dot", "--format=svg", str(source)],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert b"<svg" in done.stdout and b"reports to" in done.stdout


def test_the_frozen_app_starts_its_graphviz_child_through_the_launcher(monkeypatch):
    import sys

    from tdorg import launcher
    from tdorg.export.graphviz import renderer

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert renderer.child_command() == [sys.executable, launcher.GRAPHVIZ_CHILD]
