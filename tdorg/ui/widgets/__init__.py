"""The editor's look and the small input widgets every room uses."""
