"""The command line's standard output and error, made safe before anything is printed.

- On a console whose encoding cannot hold a character (``LANG=C``,
  ``PYTHONIOENCODING=ascii``, a Windows code page), the character is written
  as its nearest plain form (“quotes” → "quotes", — → -, → → ->, é → e), never
  raising ``UnicodeEncodeError``.
- When the reader of the output goes away (``tdorg import … | head -1``), the
  rest of the output is dropped and the command still finishes its work.
- With standard error closed (``2>&-``), messages are dropped instead of
  landing in standard output.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import unicodedata

ERRORS = "tdorg-plain"

_PLAIN = str.maketrans({
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "—": "-", "–": "-", "−": "-", "‐": "-", "…": "...", "→": "->", "←": "<-", "↔": "<->",
    "›": ">", "‹": "<", "·": "*", "•": "*", "×": "x", "≤": "<=", "≥": ">=", "≠": "!=",
    "✓": "ok", "✗": "x", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def _plain(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the unencodable characters as the nearest text the encoding can hold."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in unicodedata.normalize("NFKD", error.object[error.start:error.end].translate(_PLAIN)):
        try:
            char.encode(error.encoding)
            out.append(char)
        except UnicodeEncodeError:
            out.append("" if unicodedata.combining(char) else "?")
    return "".join(out), error.end


codecs.register_error(ERRORS, _plain)


class _Output(io.TextIOWrapper):
    """A standard stream that stops writing, without failing, once its reader has gone."""

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except BrokenPipeError:
            self._reader_gone()
            return len(text)

    def flush(self) -> None:
        try:
            super().flush()
        except BrokenPipeError:
            self._reader_gone()

    def _reader_gone(self) -> None:
        """Point the stream's file at the null device, so what is still buffered goes nowhere."""
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.fileno())
            os.close(devnull)
            super().flush()
        except (OSError, ValueError):
            pass


def prepare_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` safe for any text (see the module's description)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # closed when the program started
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
        elif stream is getattr(sys, f"__{name}__") and isinstance(stream, io.TextIOWrapper):
            stream.flush()
            setattr(sys, name, _Output(stream.buffer, encoding=stream.encoding, errors=ERRORS,
                                       line_buffering=stream.line_buffering, write_through=stream.write_through))
        elif isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors=ERRORS)


def print_json(data: object) -> None:
    """``data`` as indented JSON on standard output, its text as written (``json`` loads on the first use)."""
    import json

    print(json.dumps(data, indent=2, ensure_ascii=False))
