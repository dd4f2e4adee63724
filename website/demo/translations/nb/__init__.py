"""Norwegian Bokmål: English source string → translation, per page of the demo and for the partners."""

from . import course, library, pages

CODE = "nb"
PAGES = {**pages.PAGES, **library.PAGES, **course.PAGES}
PARTNERS = pages.PARTNERS
