"""Reading a rendered page as structure: tables by rows and cells, text as a reader would see it."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def parse(html: str | bytes) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def words(node: Tag) -> str:
    """The node's text with the white space a browser would fold."""
    return " ".join(node.get_text(" ").split())


def table_rows(table: Tag, section: str = "tbody") -> list[list[str]]:
    """Each row of the table's section as the words of its header and data cells, in order."""
    body = table.find(section) or table
    return [
        [words(cell) for cell in row.find_all(["th", "td"], recursive=False)] for row in body.find_all("tr")
    ]
