"""What the canvas draws: role boxes, reporting lines and dotted lines.

The items' classes load when first named here (``items.RoleItem``), as the first box is made: an empty canvas
does without them. Their plain values are in :mod:`.constants`."""

from ....lazy_imports import lazy_names

__getattr__ = lazy_names(__name__, {"role_item": ("RoleItem",), "edge_items": ("DottedLine", "ManagerLines",
                                                                              "reporting_lines"),
                                    "collapse_toggle": ("CollapseToggle",)})
