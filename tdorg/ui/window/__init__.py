"""The application shell: the main window, its menus and toolbar (one table of actions), the status line."""
