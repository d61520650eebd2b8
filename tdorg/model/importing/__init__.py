"""Importing roles from spreadsheets (CSV and Excel) and writing them back.

The steps a dialog or the command line drives, each a plain function:

1. :func:`read_table` reads a sheet (CSV, .xlsx, .xlsm, .xls, .ods) into a :class:`Table` (headers, rows
   with their sheet row numbers);
2. :func:`guess_mapping` proposes a :class:`ColumnMapping` from the headers,
   which the user may change (:meth:`ColumnMapping.with_column`,
   :func:`apply_overrides`);
3. :func:`plan_import` turns the rows into an :class:`ImportPlan`: roles for
   the good rows and a :class:`RowProblem` for every row that has one;
4. :meth:`ImportPlan.chart` builds the chart of the good rows (or of every
   row, repaired), or the caller imports nothing.

:func:`write_roles_csv` and :func:`write_roles_xlsx` write a chart's roles
back to a spreadsheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazy_imports import lazy_names

if TYPE_CHECKING:
    from .categories import guess_category
    from .columns import FIELD_LABELS, ColumnMapping, Mapping, apply_overrides, field_named, guess_mapping
    from .errors import MappingError, SpreadsheetError
    from .plan import ImportPlan, PlannedRow, plan_import
    from .roles_export import neutralise, write_roles_csv, write_roles_xlsx
    from .rows import RowProblem
    from .table import TABLE_EXTENSIONS, Table, TableRow, read_table
    from .workbook_table import workbook_sheets

#: Where each public name lives: importing one step (``importing.table``) does not load the others.
__getattr__ = lazy_names(__name__, {
    "categories": ("guess_category",),
    "columns": ("FIELD_LABELS", "ColumnMapping", "Mapping", "apply_overrides", "field_named", "guess_mapping"),
    "errors": ("MappingError", "SpreadsheetError"),
    "plan": ("ImportPlan", "PlannedRow", "plan_import"),
    "roles_export": ("neutralise", "write_roles_csv", "write_roles_xlsx"),
    "rows": ("RowProblem",),
    "table": ("TABLE_EXTENSIONS", "Table", "TableRow", "read_table"),
    "workbook_table": ("workbook_sheets",),
})

__all__ = [
    "FIELD_LABELS",
    "ColumnMapping",
    "ImportPlan",
    "Mapping",
    "MappingError",
    "PlannedRow",
    "RowProblem",
    "SpreadsheetError",
    "TABLE_EXTENSIONS",
    "Table",
    "TableRow",
    "apply_overrides",
    "field_named",
    "guess_category",
    "guess_mapping",
    "neutralise",
    "plan_import",
    "read_table",
    "workbook_sheets",
    "write_roles_csv",
    "write_roles_xlsx",
]
