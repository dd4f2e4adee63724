"""Shared fixtures: the multilingual site, translated pages and users; which tests run where.

The site (nine locales, a home page per language, one editor group per language) is built once
per test database, right after migrating, and every test's transaction rolls back to it. Tests
that need more pages add them in their own transaction.
"""

from __future__ import annotations

import gc
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connections
from django.db.models.signals import pre_save
from django.utils import translation

from tests import factories
from tests.migrated_template import test_databases_from_templates
from tests.module_data import built_for_the_module, fresh, module_items
from tests.requirements import on_ci
from tests.rollback_state import keep_for_rollback
from tests.xdist_modules import ModuleDataScheduling, note_shared_modules
from website.models import HomePage
from website.site_setup import SiteStructure, editor_group_name, set_up_site
from website.translating import translate

#: Skips that CI accepts: no Elasticsearch server can be installed on these machines.
ALLOWED_CI_SKIP = "ELASTICSEARCH_URL is not set"


def _serialise_for_rollback() -> None:
    """Let ``serialized_rollback`` tests restore the site too, not only what the migrations made."""
    for connection in connections.all(initialized_only=True):
        if connection.settings_dict["TEST"].get("SERIALIZE", True):
            keep_for_rollback(connection)


_templates_in_use = ExitStack()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """Runs before the test databases are made: they are copies of a migrated template from here on."""
    _templates_in_use.enter_context(test_databases_from_templates())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    _templates_in_use.close()  # a test's own ``migrate`` runs the migrations
    with django_db_blocker.unblock():
        set_up_site()
        _serialise_for_rollback()


@pytest.fixture(autouse=True)
def source_language():
    """Every test starts in the source language: a language one test activates must not leak into the next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def new_content_generation():
    """What website.page_cache keeps per generation (menus, outlines, the routing's site and home)
    must not outlive a test: its rows are rolled back, which no signal reports."""
    from website import page_cache

    page_cache.new_generation()


def site_structure() -> SiteStructure:
    """The site as ``set_up_site`` left it, read back; built again where a flush removed it."""
    source = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return set_up_site()
    # Three queries, not one per language: about 800 tests ask for the site.
    translations = source.get_translations(inclusive=True).select_related("locale")
    homes = {page.locale.language_code: page for page in translations}
    names = {editor_group_name(code): code for code in homes}
    groups = {names[group.name]: group for group in Group.objects.filter(name__in=names)}
    assert groups.keys() == homes.keys(), "set_up_site makes an editor group for every language"
    return SiteStructure(homes=homes, editor_groups=groups)


@pytest.fixture
def site(db) -> SiteStructure:
    """Locales for every language, a home page per language, one editor group per language."""
    return site_structure()


@pytest.fixture
def home(site):
    """The source-language (English) home page."""
    return site.homes[settings.LANGUAGE_CODE].specific


def _translate_home(home) -> dict:
    return {code: translate(home, code, {"Nordpeer": "Nordpeer"}) for code in ("nb", "sv")}


@pytest.fixture(scope="module")
def module_translated_home(request, django_db_setup, django_db_blocker):
    """The translations below made once for a module whose every test asks for them (two
    translations and publications are 0.1 s a test); None elsewhere: there they would be live
    for the tests that did not ask."""
    if not all("translated_home" in item.fixturenames for item in module_items(request)):
        yield None
        return
    yield from built_for_the_module(
        request,
        django_db_blocker,
        lambda: _translate_home(factories.source_home()),
    )


@pytest.fixture
def translated_home(module_translated_home, site, home):
    """The home page translated into Norwegian and Swedish and published."""
    if module_translated_home is None:
        return _translate_home(home)
    return {code: fresh(page) for code, page in module_translated_home.items()}


@pytest.fixture
def material(home):
    return factories.make_material(home, "What peer support workers do")


@pytest.fixture
def wagtail_bookkeeping():
    """Wagtail's admin search and reference index kept up to date, for the tests that read them."""
    from tests.suite_tasks import SuiteTaskBackend

    SuiteTaskBackend.run_wagtail_bookkeeping = True
    yield
    SuiteTaskBackend.run_wagtail_bookkeeping = False


@pytest.fixture
def translate_page():
    """``translate_page(page, "nb", {"source": "translation"})`` through wagtail-localize."""
    return translate


@pytest.fixture
def editor_of(site):
    """``editor_of("sv")``: a new user in that language's editor group from ``set_up_site``."""

    def make(language_code: str):
        return factories.make_user(groups=(site.editor_groups[language_code],))

    return make


# --- One path writes learning records ----------------------------------------------------
REPO = Path(__file__).resolve().parents[1]
#: Who may save a statement or lesson progress: the one progress path, and tests setting up state.
RECORD_WRITERS = ("lms/progress.py", "tests/")
#: The models' own ``save`` (and its compiled form) is the write itself, not its caller.
RECORD_MODELS = ("lms/models/records.py", "website/compiled_query.py")


class RecordWrittenOutsideProgressPath(AssertionError):
    pass


def guard_record_write(sender, **kwargs) -> None:
    """Refuse a save whose nearest project caller is not lms/progress.py (DESIGN.md, the learning flow)."""
    frame = sys._getframe(1)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.is_relative_to(REPO) and ".venv" not in path.parts:
            caller = path.relative_to(REPO).as_posix()
            if caller.startswith(RECORD_WRITERS):
                return
            if caller in RECORD_MODELS:
                frame = frame.f_back
                continue
            raise RecordWrittenOutsideProgressPath(
                f"{sender.__name__} saved from {caller}:{frame.f_lineno}, not through lms/progress.py"
            )
        frame = frame.f_back


@pytest.fixture(scope="session", autouse=True)
def only_the_progress_path_writes_records():
    from lms.models import LearningStatement, LessonProgress

    for model in (LearningStatement, LessonProgress):
        pre_save.connect(guard_record_write, sender=model, weak=False, dispatch_uid=f"guard-{model.__name__}")
    yield
    for model in (LearningStatement, LessonProgress):
        pre_save.disconnect(sender=model, dispatch_uid=f"guard-{model.__name__}")


# --- Which tests run where -----------------------------------------------------------------
# `postgres`: depends on the database vendor (concurrency, full-text search, query counts,
# constraints, NUL and encodings, the production smoke test); `make test` runs these again on
# PostgreSQL. `postgres_only`: cannot run on SQLite at all; left out (not skipped) there.


#: Whole modules that depend on the vendor (tests elsewhere carry the marker themselves).
POSTGRES_MODULES = {
    # Row locks, conditional updates and JSON fields under the one progress path.
    "lms/test_progress_state_machine.py",
    "lms/test_api_statements.py",
    "lms/test_scorm_commits.py",
    "lms/test_teacher_marks_done.py",
    # Unique constraints and cascades. (Of the teacher dashboard and the certificates only the
    # aggregates, date arithmetic, query count and constraint depend on the vendor: marked there.)
    "lms/test_bulk_enrolment.py",
    "lms/test_data_export_and_erasure.py",
    # What PostgreSQL refuses and SQLite stores: NUL, lengths, encodings.
    "placements/test_bad_input_changes_nothing.py",
    "supervision/test_bad_input.py",
    "website/test_admin_bad_input.py",
    # Full-text search: the embedded backend is PostgreSQL's own there.
    "search/test_backend_contract.py",
    "search/test_relevance.py",
    "search/test_hostile_queries.py",
    "search/test_indexing_follows_publishing.py",
    # Query counts and migrations.
    "website/test_query_counts.py",
    "website/test_migrations.py",
}
TESTS_DIR = REPO / "tests"


def _on_postgresql() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_configure(config):
    # A test process makes many short-lived objects and keeps its code: the garbage collector's
    # passes run less often and, once the tests are collected, skip the code (frozen). In one
    # process, tests/lms spent 2.5 s of its 90 s collecting garbage, 1.35 s after; the most memory
    # it held went from 289 to 294 MB.
    gc.set_threshold(10_000, 20, 10)


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()


def pytest_xdist_make_scheduler(config, log):
    """Modules that build their data once go whole to one worker (tests/xdist_modules.py)."""
    return ModuleDataScheduling(config, log)


def _flushes_the_site(item) -> bool:
    """A transactional test without serialised rollback: its flush would leave the next tests no site."""
    mark = item.get_closest_marker("django_db")
    return bool(mark and mark.kwargs.get("transaction") and not mark.kwargs.get("serialized_rollback"))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    flushing = [item.nodeid for item in items if _flushes_the_site(item)]
    if flushing:
        raise pytest.UsageError(
            "Transactional tests need serialized_rollback=True, so the site built once per database "
            "survives their flush: " + ", ".join(flushing)
        )
    for item in items:
        if item.path.relative_to(TESTS_DIR).as_posix() in POSTGRES_MODULES:
            item.add_marker(pytest.mark.postgres)
    note_shared_modules(items)
    if _on_postgresql():
        return
    kept, left_out = [], []
    for item in items:
        (left_out if item.get_closest_marker("postgres_only") else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


def _skips(terminalreporter) -> list:
    return terminalreporter.stats.get("skipped", [])


def _reason(report) -> str:
    return str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skips = _skips(terminalreporter)
    elastic = [report for report in skips if ALLOWED_CI_SKIP in _reason(report)]
    if elastic:
        terminalreporter.write_line(
            f"{len(elastic)} skipped: the Elasticsearch half of the search backend contract "
            "(ELASTICSEARCH_URL is not set; no Elasticsearch server can be installed on this machine)."
        )
    if on_ci():
        quiet = [report for report in skips if ALLOWED_CI_SKIP not in _reason(report)]
        for report in quiet:
            terminalreporter.write_line(f"CI does not accept this skip: {report.nodeid}: {_reason(report)}")


def pytest_sessionfinish(session, exitstatus):
    """On CI every skip but Elasticsearch's fails the run: a skip there hides a broken machine."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if not on_ci() or reporter is None or exitstatus != 0:
        return
    if any(ALLOWED_CI_SKIP not in _reason(report) for report in _skips(reporter)):
        session.exitstatus = 1
