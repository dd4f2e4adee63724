"""Admin wiring of the LMS; each area registers its views from its own hooks module."""
