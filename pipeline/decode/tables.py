"""tables: the data tables of a saved page, as :class:`~pipeline.model.Table` values.

The HTML extractor prints a table as lines, one per row with its cells joined by a
space; this module reads the same ``<table>`` elements for what those lines lose — which
text is which cell, the row and column spans, the header rows and the caption — so that
structure can put the table back in place of its row lines
(:func:`pipeline.structure.tables.find_tables` matches the rows to the lines by text).

A data table is an innermost ``<table>`` (layout tables hold other tables or whole
articles) with two rows or more, two columns somewhere, and no cell longer than
:data:`CELL_MAX` characters.  Whether its rows are content or page chrome is not decided
here: a table whose lines the extractor or the cleaning rules dropped matches nothing.
"""

from __future__ import annotations

import re

from bs4 import Tag

from pipeline.model import Cell, Table

CELL_MAX = 200  # a longer "cell" is a layout box holding paragraphs
SPAN_MAX = 1000  # doc-tree's bound on rowspan/colspan
_WHITESPACE = re.compile(r"\s+")


def _text(tag: Tag) -> str:
    return _WHITESPACE.sub(" ", tag.get_text(" ")).strip()


def _span(cell: Tag, name: str) -> int:
    value = str(cell.get(name, "1")).strip()
    return min(max(int(value), 1), SPAN_MAX) if value.isdigit() else 1


def _table(table: Tag) -> Table | None:
    rows: list[tuple[Cell, ...]] = []
    header = 0
    header_open = True  # still in the leading rows of <th> cells or <thead>
    for tr in table.find_all("tr"):
        cells = [c for c in tr.find_all(["td", "th"], recursive=False) if isinstance(c, Tag)]
        if not cells:
            continue
        row = tuple(Cell(_text(c), _span(c, "rowspan"), _span(c, "colspan")) for c in cells)
        if any(len(c.text) > CELL_MAX for c in row):
            return None
        in_head = tr.find_parent("thead") is not None or all(c.name == "th" for c in cells)
        if header_open and in_head:
            header += 1
        else:
            header_open = False
        rows.append(row)
    if len(rows) < 2 or max(sum(c.colspan for c in r) for r in rows) < 2:
        return None
    if not any(c.text for r in rows for c in r):
        return None
    caption = table.find("caption")
    return Table(tuple(rows), min(header, len(rows) - 1), _text(caption) if isinstance(caption, Tag) else "")


def data_tables(root: Tag) -> tuple[Table, ...]:
    """The data tables under ``root``, in document order.

    >>> from bs4 import BeautifulSoup
    >>> soup = BeautifulSoup("<table><tr><th>日期</th><th>值班</th></tr><tr><td>3月6日</td>"
    ...                      "<td rowspan=2>张三</td></tr><tr><td>3月7日</td></tr></table>", "html.parser")
    >>> [t] = data_tables(soup)
    >>> t.header_rows, [[(c.text, c.rowspan) for c in r] for r in t.rows]
    (1, [[('日期', 1), ('值班', 1)], [('3月6日', 1), ('张三', 2)], [('3月7日', 1)]])
    """
    out = []
    for table in root.find_all("table"):
        if isinstance(table, Tag) and table.find("table") is None:
            found = _table(table)
            if found is not None:
                out.append(found)
    return tuple(out)
