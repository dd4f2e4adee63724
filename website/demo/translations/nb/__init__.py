"""Norwegian Bokmål: English source string → translation, per page of the demo and for the partners."""

from . import library, pages

CODE = "nb"
PAGES = {**pages.PAGES, **library.PAGES}
PARTNERS = pages.PARTNERS
