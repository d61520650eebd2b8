"""Chart › Responsibility Matrix…: functions × people, marked rows, load rows; a click shows the role;
the window follows edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tdorg.export.style import MATRIX_STATUS_COLOURS
from tdorg.model import Chart
from tdorg.model.matrix import SINGLE_PERSON, UNOWNED
from tdorg.ui.dialogs.matrix_dialog import MatrixDialog

from .charts import role


def _open(window) -> MatrixDialog:  # noqa: ANN001
    window.actions.matrix.trigger()
    dialog = window.matrix_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _row_of(dialog: MatrixDialog, label: str) -> int:
    """The row of a function by its label, whatever mark its heading carries."""
    model = dialog.model
    return next(r for r in range(model.rowCount())
                if model.headerData(r, Qt.Orientation.Vertical).split(" — ")[0] == label)


def _mark(dialog: MatrixDialog, label: str) -> str:
    heading = dialog.model.headerData(_row_of(dialog, label), Qt.Orientation.Vertical)
    return heading.split(" — ")[1] if " — " in heading else ""


def _column_of(dialog: MatrixDialog, heading: str) -> int:
    model = dialog.model
    return next(c for c in range(model.columnCount())
                if " ".join(model.headerData(c, Qt.Orientation.Horizontal).split()) == heading)


def _text(dialog: MatrixDialog, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
    return dialog.model.data(dialog.model.index(row, column), role)


def test_the_menu_opens_the_matrix_of_the_shown_chart(make_window) -> None:
    window = make_window("patrick-henry")
    chart_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Chart")
    assert window.actions.matrix in chart_menu.actions()
    dialog = _open(window)
    network = _row_of(dialog, "Network")
    cto = _column_of(dialog, "Director of Technology (CTO)")
    assistant = _column_of(dialog, "Assistant Director of Technology")
    assert (_text(dialog, network, cto), _text(dialog, network, assistant)) == ("L", "B")
    model = dialog.model
    servers = _row_of(dialog, "Servers")
    assert _mark(dialog, "Servers") == "unowned" and _mark(dialog, "Network") == ""  # in words…
    for column in range(model.columnCount()):  # …and in colour, across the row
        fill = _text(dialog, servers, column, Qt.ItemDataRole.BackgroundRole).color().name()
        assert fill == MATRIX_STATUS_COLOURS[UNOWNED][1].lower()
    assert "servers" in model.headerData(servers, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    repair = _row_of(dialog, "Device repair")
    assert _mark(dialog, "Device repair") == "one person"
    assert (_text(dialog, repair, 0, Qt.ItemDataRole.BackgroundRole).color().name()
            == MATRIX_STATUS_COLOURS[SINGLE_PERSON][1].lower())
    assert _text(dialog, network, cto, Qt.ItemDataRole.BackgroundRole) is None
    led = _row_of(dialog, "Functions led")
    assert _text(dialog, led, cto) == "3"
    assert _text(dialog, _row_of(dialog, "FTE"), cto) == "1"
    assert "unowned" in dialog.summary.text() and "resting on one person" in dialog.summary.text()


def test_clicking_a_cell_selects_and_centres_its_role(make_window, qtbot) -> None:
    window = make_window("patrick-henry")
    dialog = _open(window)
    row, column = _row_of(dialog, "Help desk"), _column_of(dialog, "Assistant Director of Technology")
    index = dialog.model.index(row, column)
    dialog.table.scrollTo(index)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=dialog.table.visualRect(index).center())
    assert window.scene.selected_role_ids() == ["asst"]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert window.scene.item("asst").sceneBoundingRect().adjusted(-400, -300, 400, 300).contains(centre)
    dialog.table.horizontalHeader().sectionClicked.emit(_column_of(dialog, "Director of Technology (CTO)"))
    assert window.scene.selected_role_ids() == ["dir"]


def test_the_matrix_follows_edits_undo_and_scenario_switches(make_window, qtbot) -> None:
    window = make_window("patrick-henry")
    dialog = _open(window)
    assert _mark(dialog, "Servers") == "unowned"
    window.editor.update("asst", {"leads": ("help_desk", "device_repair", "servers")}, "Leads")
    qtbot.waitUntil(lambda: _mark(dialog, "Servers") == "one person", timeout=2000)
    assert _text(dialog, _row_of(dialog, "Servers"), _column_of(dialog, "Assistant Director of Technology")) == "L"
    window.stack.undo()
    qtbot.waitUntil(lambda: _mark(dialog, "Servers") == "unowned", timeout=2000)
    first = window.chart
    window.sessions.switch(window.sessions.duplicate(name="Proposed"))
    assert window.chart is not first and dialog.chart is window.chart
    window.editor.update("asst", {"leads": ("help_desk", "device_repair", "servers")}, "Leads")
    qtbot.waitUntil(lambda: _mark(dialog, "Servers") == "one person", timeout=2000)
    window.sessions.switch(0)
    assert dialog.chart is first and _mark(dialog, "Servers") == "unowned"


def test_vacant_positions_have_their_own_marked_column(qtbot) -> None:
    chart = Chart(roles=[
        role("cto", "Director of Technology", "it_leader", None, person="Sam Ortiz", leads=("network",)),
        role("net", "Network Engineer", "network", "cto", vacant=True, backs_up=("network",)),
    ])
    chosen: list[list[str]] = []
    dialog = MatrixDialog(chosen.append)
    qtbot.addWidget(dialog)
    dialog.set_chart(chart)
    assert dialog.model.columnCount() == 0  # worked out when shown
    dialog.show()
    column = _column_of(dialog, "Network Engineer (vacant)")
    network = _row_of(dialog, "Network")
    assert _text(dialog, network, column) == "B" and _mark(dialog, "Network") == "one person"
    assert _text(dialog, _row_of(dialog, "Servers"), column) == ""
    assert _text(dialog, _row_of(dialog, "Help desk"), column, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Vacant position" in dialog.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "1 vacant position" in dialog.summary.text()
    dialog.table.clicked.emit(dialog.model.index(network, column))
    dialog.table.verticalHeader().sectionClicked.emit(network)
    assert chosen == [["net"], ["cto", "net"]]
    chart.update_role("net", vacant=False, person="Kim Hale")
    qtbot.waitUntil(lambda: _mark(dialog, "Network") == "", timeout=2000)


def test_a_closed_window_catches_up_when_opened_again(make_window) -> None:
    window = make_window("patrick-henry")
    dialog = _open(window)
    dialog.close()
    window.editor.update("asst", {"leads": ("help_desk", "device_repair", "servers")}, "Leads")
    assert _mark(dialog, "Servers") == "unowned"  # a closed window does not follow the chart
    window.actions.matrix.trigger()
    assert _mark(dialog, "Servers") == "one person"  # it catches up as soon as it shows


def test_a_click_on_a_role_deleted_a_moment_ago_selects_nothing(qtbot) -> None:
    chart = Chart(roles=[
        role("cto", "Director of Technology", "it_leader", None, person="Sam Ortiz", leads=("network",)),
        role("net", "Network Engineer", "network", "cto", person="Kim Hale", backs_up=("network",)),
    ])
    chosen: list[list[str]] = []
    dialog = MatrixDialog(chosen.append)
    qtbot.addWidget(dialog)
    dialog.set_chart(chart)
    dialog.show()
    index = dialog.model.index(_row_of(dialog, "Network"), _column_of(dialog, "Kim Hale"))
    chart.remove_role("net")
    dialog.table.clicked.emit(index)  # before the pause that refreshes the matrix
    assert chosen == []
    assert "Director of Technology" not in dialog.model.data(index, Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: dialog.model.columnCount() == 1, timeout=2000)
