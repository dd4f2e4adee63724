"""Swedish: English source string → translation, per page of the demo and for the partners."""

from . import library, pages

CODE = "sv"
PAGES = {**pages.PAGES, **library.PAGES}
PARTNERS = pages.PARTNERS
