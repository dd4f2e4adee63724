"""Estonian: English source string → translation, per page of the demo and for the partners."""

from . import course, library, pages

CODE = "et"
PAGES = {**pages.PAGES, **library.PAGES, **course.PAGES}
PARTNERS = pages.PARTNERS
