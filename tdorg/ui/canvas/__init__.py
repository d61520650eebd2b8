"""The chart canvas: the scene that observes a chart, the view, the mouse and keyboard gestures, its menu and find bar."""
