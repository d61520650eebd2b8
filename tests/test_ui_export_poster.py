"""File › Export… offers the poster's size, only when a poster is chosen."""

from tdorg.ui.exporting.export_dialog import ExportDialog


def test_poster_size_is_offered_with_a_poster_and_remembered(qtbot) -> None:
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    assert dialog.options().poster_scale == 100
    assert not dialog.poster_scale.isEnabled()
    dialog.fit.setCurrentIndex(dialog.fit.findData("poster"))
    assert dialog.poster_scale.isEnabled()
    dialog.poster_scale.setCurrentIndex(dialog.poster_scale.findData("50"))
    assert (dialog.options().fit, dialog.options().poster_scale) == ("poster", 50.0)
    again = ExportDialog(remembered=dialog.remembered())
    qtbot.addWidget(again)
    assert again.options().poster_scale == 50.0 and again.poster_scale.isEnabled()
