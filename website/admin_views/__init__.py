"""Admin views of the website's translation workflow (wired up in ``website.wagtail_hooks``)."""
