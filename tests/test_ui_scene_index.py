"""The canvas keeps a spatial index: hit tests find the right box after edits move boxes."""

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QGraphicsScene

from tdorg.ui.canvas.items.role_item import BOX_HEIGHT, BOX_WIDTH

CENTRE = QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2)


def _every_box_is_found_where_the_layout_puts_it(scene) -> None:
    for role_id, item in scene.role_items().items():
        x, y = scene.layout.positions[role_id]
        assert (item.pos().x(), item.pos().y()) == (x, y)
        assert scene.role_at(QPointF(x, y) + CENTRE) == role_id


def test_the_scene_uses_a_bsp_tree_index(window):
    assert window.scene.itemIndexMethod() == QGraphicsScene.ItemIndexMethod.BspTreeIndex


def test_hit_tests_follow_the_boxes_a_reparent_and_its_undo_move(window):
    scene, chart = window.scene, window.chart
    _every_box_is_found_where_the_layout_puts_it(scene)  # the index is built and queried
    old = scene.layout.positions["hd"]
    assert window.editor.move(["hd"], "ism")
    scene.flush()
    QApplication.processEvents()
    assert scene.layout.positions["hd"] != old
    _every_box_is_found_where_the_layout_puts_it(scene)
    assert scene.role_at(QPointF(*old) + CENTRE) != "hd"
    window.stack.undo()
    scene.flush()
    QApplication.processEvents()
    assert chart.role("hd").reports_to == "tsm"
    assert scene.layout.positions["hd"] == old
    _every_box_is_found_where_the_layout_puts_it(scene)
