"""File › Export…: the export dialog and its background job."""
