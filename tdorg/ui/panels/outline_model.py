"""The chart as an item model for the outline panel: one row per role, in reporting order.

The model is lazy: a manager's rows are a copy of the chart's list of its
reports, made the first time the view asks for them, so a 5,000-role chart
opens without building anything for the managers nobody has expanded. The
copies are what the view has been told. After each change the chart
announces, the copies of the managers it touched are brought in step with the
chart as row moves, insertions and removals (a new title is a
``dataChanged``), so the view keeps expansion, selection and the current row
on the roles they belonged to. Only another chart (a scenario switch, an
opened document) resets the model.

Renaming in place and drag and drop go through the :class:`Editor`, one undo
step each; a refusal is the editor's message.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from tdorg.model.chart import ADDED, REMOVED, REORDERED, REPARENTED, UPDATED, Change, Chart
from tdorg.model.errors import EditError
from tdorg.model.plural import plural
from tdorg.model.role import Role
from tdorg.model.rules import Report, Severity
from tdorg.model.vocab import CATEGORIES

from ..editing.editor import Editor
from ..widgets import style
from ..widgets.role_type_drag import MIME_CATEGORY

#: Mime type of roles dragged inside the outline (payload: role ids, one a line).
MIME_ROLES = "application/x-tdorg-role-ids"

ROLE, HELD_BY, FINDINGS = range(3)
HEADERS = ("Role", "Held by", "Findings")
#: The noun of a finding of each severity, worst first.
FINDING_NOUNS = ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note"))

Index = QModelIndex | QPersistentModelIndex
Key = str | None  # a role, or None for the top of the chart
_ROW_KINDS = frozenset({ADDED, REMOVED, REPARENTED, REORDERED})
_ITEM = Qt.ItemDataRole


def findings_text(counts: dict[Severity, int]) -> str:
    """"1 error, 2 warnings"; empty without findings."""
    return ", ".join(plural(counts[s], noun) for s, noun in FINDING_NOUNS if counts.get(s))


class OutlineModel(QAbstractItemModel):
    """The roles of one chart as a tree; columns: title, who holds the role, its findings."""

    def __init__(self, editor: Editor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.chart: Chart | None = None
        #: True while the view is being told about a change of the chart.
        self.following = False
        self._unsubscribe = None
        self._rows: dict[Key, list[str]] = {}  # the reports the view knows of each manager it asked about
        self._manager: dict[str, Key] = {}  # the manager each of those rows sits under
        self._places: dict[str, int] = {}  # the row of each, as far as asked for since the rows last changed
        self._serials: dict[str, int] = {}  # an index's internal id per role
        self._ids: dict[int, str] = {}
        self._findings: dict[str, dict[Severity, int]] = {}

    # --- the chart ------------------------------------------------------------

    def set_chart(self, chart: Chart | None, report: Report | None = None) -> None:
        """Show ``chart`` (a reset: every row is new)."""
        self.beginResetModel()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.chart = chart
        self._rows = {}
        self._manager = {}
        self._places = {}
        self._findings = _count_findings(report)
        if chart is not None:
            self._unsubscribe = chart.subscribe(self._changed)
        self.endResetModel()

    def set_report(self, report: Report) -> None:
        """Show ``report``'s findings: only the rows whose counts changed are repainted."""
        old, self._findings = self._findings, _count_findings(report)
        for role_id in old.keys() | self._findings.keys():
            if old.get(role_id) != self._findings.get(role_id) and role_id in self._manager:
                self._row_changed(role_id)

    # --- lookups --------------------------------------------------------------

    def role_id(self, index: Index) -> str | None:
        return self._ids.get(index.internalId()) if index.isValid() else None

    def index_of(self, role_id: str, column: int = ROLE) -> QModelIndex:
        """The index of ``role_id``'s row (the rows above it are read from the chart if need be)."""
        chart = self.chart
        if chart is None or role_id not in chart:
            return QModelIndex()
        if role_id not in self._manager:
            for manager in [*reversed(list(chart.ancestors(role_id))), role_id]:
                self._reports(chart.roles[manager].reports_to)
        return self._index(role_id, column)

    def finding_counts(self, role_id: str) -> dict[Severity, int]:
        return self._findings.get(role_id, {})

    # --- QAbstractItemModel -----------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return len(HEADERS)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.column() > 0 or self.chart is None:
            return 0
        return len(self._reports(self.role_id(parent)))

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if self.chart is None or not 0 <= column < len(HEADERS) or parent.column() > 0:
            return QModelIndex()
        rows = self._reports(self.role_id(parent))
        if not 0 <= row < len(rows):
            return QModelIndex()
        return self.createIndex(row, column, self._serial(rows[row]))

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        role_id = self.role_id(index)
        manager = self._manager.get(role_id) if role_id is not None else None
        return QModelIndex() if manager is None else self._index(manager, ROLE)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _ITEM.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role in (_ITEM.DisplayRole, _ITEM.AccessibleTextRole):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # a drop between the top rows: a top-level role
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                 | Qt.ItemFlag.ItemIsDropEnabled)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == ROLE else flags

    def data(self, index: Index, role: int = _ITEM.DisplayRole) -> object:
        role_id = self.role_id(index)
        item = self.chart.roles.get(role_id) if self.chart is not None and role_id is not None else None
        if item is None:
            return None
        column = index.column()
        if role in (_ITEM.DisplayRole, _ITEM.EditRole):
            return (item.title, item.display_person(), findings_text(self.finding_counts(role_id)))[column]
        if role == _ITEM.DecorationRole:
            return self._decoration(item, column)
        if role == _ITEM.AccessibleTextRole:
            return (self.spoken(item), item.display_person(),
                    findings_text(self.finding_counts(role_id)) or "no findings")[column]
        if role == _ITEM.AccessibleDescriptionRole and column == ROLE:
            return self.described(item)
        if role == _ITEM.ToolTipRole:
            return f"{self.spoken(item)}\n{self.described(item)}"
        if column == HELD_BY and item.vacant:
            if role == _ITEM.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == _ITEM.ForegroundRole:
                return QColor(style.TEXT_MUTED)
        return None

    def setData(self, index: Index, value: object, role: int = _ITEM.EditRole) -> bool:  # noqa: N802
        """Rename a role (column "Role"): one undo step; a refused title is the editor's message."""
        role_id = self.role_id(index)
        if role != _ITEM.EditRole or index.column() != ROLE or self.chart is None or role_id not in self.chart:
            return False
        title = str(value).strip()
        if title == self.chart.role(role_id).title:
            return False
        try:
            self.editor.update(role_id, {"title": title}, "title")
        except EditError as error:
            self.editor.refuse(str(error))
            return False
        return True

    # --- words ------------------------------------------------------------------

    def spoken(self, role: Role) -> str:
        """What a screen reader says for a row: "Network Technician, vacant, reports to Director of
        Technology, 2 warnings"."""
        assert self.chart is not None
        held = "vacant" if role.vacant else (role.person or "no one named")
        manager = self.chart.roles.get(role.reports_to or "")
        line = f"reports to {manager.title}" if manager is not None else "top of the chart"
        findings = findings_text(self.finding_counts(role.id)) or "no findings"
        return f"{role.title}, {held}, {line}, {findings}"

    def described(self, role: Role) -> str:
        """The row's description: its role type and how many report to it."""
        assert self.chart is not None
        reports = self.chart.child_count(role.id)
        category = CATEGORIES.get(role.category, role.category)
        return f"{category}, {plural(reports, 'direct report') if reports else 'no direct reports'}"

    def _decoration(self, item: Role, column: int) -> object:
        if column == ROLE:
            return style.category_icon(item.category)
        counts = self.finding_counts(item.id)
        if column == FINDINGS and counts:
            return style.severity_icon(max(counts))
        return None

    # --- drag and drop --------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_ROLES, MIME_CATEGORY]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = list(dict.fromkeys(r for r in (self.role_id(i) for i in indexes) if r is not None))
        mime = QMimeData()
        mime.setData(MIME_ROLES, QByteArray("\n".join(ids).encode("utf-8")))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction  # roles moved; role types (copied) from the palette

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        """Roles dropped on a row report to it (between rows: to that row's manager, at that place);
        a role type from the palette adds a new role there."""
        manager = self.role_id(parent)
        place = row if row >= 0 else None
        if data.hasFormat(MIME_CATEGORY):
            category = bytes(data.data(MIME_CATEGORY).data()).decode("utf-8", "replace")
            return self.editor.add_role(category, manager, place) is not None
        if not data.hasFormat(MIME_ROLES) or self.chart is None:
            return False
        ids = [r for r in bytes(data.data(MIME_ROLES).data()).decode("utf-8", "replace").split("\n") if r in self.chart]
        problem = self.editor.move_problem(ids, manager)
        if problem is not None:
            self.editor.refuse(problem)
            return False
        return bool(ids) and self.editor.move(ids, manager, place)

    # --- rows the view knows ----------------------------------------------------------

    def _serial(self, role_id: str) -> int:
        serial = self._serials.get(role_id)
        if serial is None:
            serial = self._serials[role_id] = len(self._serials) + 1
            self._ids[serial] = role_id
        return serial

    def _reports(self, key: Key) -> list[str]:
        """The rows under ``key``, read from the chart the first time they are asked for.

        Reports the view still knows elsewhere (a change is being followed) are left out:
        following the change moves them in.
        """
        rows = self._rows.get(key)
        if rows is None:
            chart = self.chart
            known = chart is not None and (key is None or key in chart)
            rows = [r for r in chart.children(key) if r not in self._manager] if known else []
            self._rows[key] = rows
            for role_id in rows:
                self._manager[role_id] = key
        return rows

    def _index(self, role_id: str, column: int) -> QModelIndex:
        manager = self._manager.get(role_id, "")
        if manager == "":
            return QModelIndex()
        return self.createIndex(self._place(role_id), column, self._serial(role_id))

    def _place(self, role_id: str) -> int:
        """The row of ``role_id`` among its manager's (remembered until the rows change: views ask often)."""
        place = self._places.get(role_id)
        if place is None:
            place = self._places[role_id] = self._rows[self._manager[role_id]].index(role_id)
        return place

    def _parent_index(self, key: Key) -> QModelIndex:
        return QModelIndex() if key is None else self._index(key, ROLE)

    def _row_changed(self, role_id: str) -> None:
        first = self._index(role_id, ROLE)
        self.dataChanged.emit(first, first.siblingAtColumn(FINDINGS))

    # --- following the chart ---------------------------------------------------------------

    def _changed(self, change: Change) -> None:
        self.following = True
        try:
            if change.kind == UPDATED:
                self._updated(change)
            elif change.kind in _ROW_KINDS:
                self._follow(change.role_ids)
        finally:
            self.following = False

    def _updated(self, change: Change) -> None:
        for role_id in change.role_ids:
            if role_id in self._manager:
                self._row_changed(role_id)
            reports = self._rows.get(role_id)
            if reports and "title" in change.fields:  # their "reports to …" names it
                self.dataChanged.emit(self.index_of(reports[0]), self.index_of(reports[-1]))

    def _follow(self, role_ids: tuple[str, ...]) -> None:
        """Tell the view how the rows under the managers of ``role_ids`` changed."""
        chart = self.chart
        assert chart is not None
        queue: list[Key] = []
        for role_id in role_ids:
            if role_id in self._manager:
                queue.append(self._manager[role_id])
            if role_id in chart:
                queue.extend((chart.roles[role_id].reports_to, role_id))
        queue = list(dict.fromkeys(queue))
        for key in queue:  # grows while rows are moved or inserted under other managers
            if key is None or (key in chart and key in self._manager):  # not gone, and the view has a row for it
                self._reports(key)
                self._follow_rows(key, queue)

    def _follow_rows(self, key: Key, queue: list[Key]) -> None:
        """Make the rows under ``key`` the chart's reports of ``key``, in its order."""
        assert self.chart is not None
        rows = self._rows[key]
        reports = self.chart.children(key)
        staying = set(reports)
        for place, role_id in enumerate(reports):  # new roles first: rows moving under them keep their state
            if role_id not in self._manager:
                self._insert_row(role_id, key, min(place, len(rows)), queue)
        for place, role_id in enumerate(reports):
            while place < len(rows) and rows[place] not in staying:
                self._send_away(key, place, queue)
            if place < len(rows) and rows[place] == role_id:
                continue
            if role_id in self._manager:
                self._move_row(role_id, key, place)
            else:  # its row was removed with a deleted role's, out of view
                self._insert_row(role_id, key, place, queue)
        while len(rows) > len(reports):
            self._send_away(key, len(reports), queue)

    def _insert_row(self, role_id: str, key: Key, place: int, queue: list[Key]) -> None:
        assert self.chart is not None
        self.beginInsertRows(self._parent_index(key), place, place)
        self._put(role_id, key, place)
        self._rows[role_id] = []
        self.endInsertRows()
        if self.chart.child_count(role_id):
            queue.append(role_id)

    def _send_away(self, key: Key, place: int, queue: list[Key]) -> None:
        """The row at ``place`` under ``key`` is no longer a report of ``key``: move it under its new manager
        (and that manager on ``queue``, to put it in order there), or remove it. A deleted role's rows
        move out first, to their new manager's (``key``'s, for the reports a deletion moves up)."""
        assert self.chart is not None
        chart, role_id = self.chart, self._rows[key][place]
        if role_id in chart:
            manager = chart.roles[role_id].reports_to
            if manager is None or manager in self._manager:
                at = min(chart.index_among_siblings(role_id), len(self._reports(manager)))
                self._move_row(role_id, manager, at)
                queue.append(manager)
                return
        else:
            while self._rows.get(role_id):
                self._send_away(role_id, 0, queue)
            place = self._place(role_id)
        self.beginRemoveRows(self._parent_index(key), place, place)
        self._take(key, place)
        self._forget(role_id)
        self.endRemoveRows()

    def _move_row(self, role_id: str, key: Key, place: int) -> None:
        source = self._manager[role_id]
        old = self._place(role_id)
        if self.beginMoveRows(self._parent_index(source), old, old, self._parent_index(key), place):
            self._take(source, old)
            self._put(role_id, key, place)
            self.endMoveRows()
            return
        self.beginRemoveRows(self._parent_index(source), old, old)  # a move Qt cannot express
        self._take(source, old)
        self._forget(role_id)
        self.endRemoveRows()
        self.beginInsertRows(self._parent_index(key), place, place)
        self._put(role_id, key, place)
        self.endInsertRows()

    def _put(self, role_id: str, key: Key, place: int) -> None:
        self._rows[key].insert(place, role_id)
        self._manager[role_id] = key
        self._places.clear()

    def _take(self, key: Key, place: int) -> None:
        self._rows[key].pop(place)
        self._places.clear()

    def _forget(self, role_id: str) -> None:
        """Drop ``role_id`` and the rows the view knew under it."""
        stack = [role_id]
        while stack:
            current = stack.pop()
            self._manager.pop(current, None)
            stack.extend(self._rows.pop(current, ()))


def _count_findings(report: Report | None) -> dict[str, dict[Severity, int]]:
    counts: dict[str, dict[Severity, int]] = {}
    for finding in report.findings if report is not None else ():
        for role_id in finding.role_ids:
            per_role = counts.setdefault(role_id, {})
            per_role[finding.severity] = per_role.get(finding.severity, 0) + 1
    return counts
