"""The chart as a PDF: its pages and sheets, their Typst composition, and the accessibility check of the result."""
