"""Delivering interactive content (H5P, SCORM) to learners, isolated from the site.

Package files, players and the endpoints the players talk to live under /content/,
on ``CONTENT_ORIGIN`` when it is set. The browser reaches them through a one-use launch
link that starts a content session: its signed token in the URL and a partitioned cookie
on the content origin (``lms.content.access``, ``lms.content.launch``), never the site's
session cookie, so they work on a separate origin and in a sandboxed frame alike.
"""
