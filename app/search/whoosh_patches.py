"""Two narrow speed-ups of Whoosh 2.7.5's segment writing, applied when app.search loads.

Writing a segment, Whoosh looks up the field length of every posting's document through the
column reader (a seek and a read per posting: about a third of the commit time measured
here). `DecodedLengths` decodes each field's length column once into a list and answers the
same calls from it, with the same values. Nothing else about the index format changes;
readers are untouched.
"""

from __future__ import annotations

from whoosh.codec import base
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [None] + [byte_to_length(i) for i in range(1, 256)]


class DecodedLengths:
    """A W3PerDocReader's doc_field_length from lists decoded once per field."""

    def __init__(self, reader: W3PerDocReader) -> None:
        self._reader = reader
        self._fields: dict[str, list | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):
        values = self._fields.get(fieldname, False)
        if values is False:
            column = self._reader._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            values = None if column is None else [_LENGTH_OF_BYTE[b] for b in column]
            self._fields[fieldname] = values
        if not isinstance(values, list):  # None: the field has no lengths
            return default
        return values[docnum]

    def __getattr__(self, name: str):
        return getattr(self._reader, name)


_original_add_postings = base.FieldWriter.add_postings


def _add_postings(self, schema, lengths, items):
    if isinstance(lengths, W3PerDocReader):
        lengths = DecodedLengths(lengths)
    return _original_add_postings(self, schema, lengths, items)


def install() -> None:
    if base.FieldWriter.add_postings is not _add_postings:
        base.FieldWriter.add_postings = _add_postings
