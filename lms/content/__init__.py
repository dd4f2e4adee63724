"""Delivering interactive content (H5P, SCORM) to learners, isolated from the site.

Package files, players and the endpoints the players talk to live under /content/,
on ``CONTENT_ORIGIN`` when it is set. The browser reaches them with signed links
(``lms.content.access``), not with the site's session cookie, so they work on a
separate origin and in a sandboxed frame alike.
"""
