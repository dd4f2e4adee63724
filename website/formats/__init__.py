"""Date and number formats where Django's own do not suit our readers (``FORMAT_MODULE_PATH``).

Django looks here first and falls back to its own locale formats for every name
not set here. English readers are Europeans, so English gets British formats;
Icelandic and Estonian lack date-and-time formats in Django and fell back to the
American ones ("12/04/2026 7:27 e.h.").
"""
