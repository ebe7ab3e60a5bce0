"""Search words that may name a patient: never searched, stored or logged.

A search is a GET: its words travel in the URL, which servers write to their access logs.
The gate reads the words before anything runs (refused as a form is, with the panel), and
the servers' access logs get request paths without their query strings."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound
from app.extensions import db
from app.programs.models import TopicStatus
from app.programs.operations import add_topics
from app.search import operations as search_operations
from app.teaching.models import SavedSearch
from tests.conftest import sign_in
from tests.search.conftest import Library, _library
from tests.support.searches import REFUSED_CLINICAL_SEARCHES, clinical_searches

NAMED = "John Smith hepatitis"


@pytest.fixture
def library(worlds, make_user) -> Library:
    return worlds(__name__, lambda: _library(make_user))


@pytest.fixture
def searches_run(monkeypatch) -> list[str]:
    """The queries that reached the index (`prepare` is the first thing a search asks of it)."""
    reached: list[str] = []
    real = search_operations.prepare

    def watched():
        reached.append("prepare")
        return real()

    monkeypatch.setattr(search_operations, "prepare", watched)
    return reached


def _audit_and_saved() -> tuple[int | None, int | None]:
    return (
        db.session.scalar(select(func.count()).select_from(AuditEvent)),
        db.session.scalar(select(func.count()).select_from(SavedSearch)),
    )


def test_search_page_refuses_words_naming_a_patient_and_runs_nothing(
    library: Library, client, caplog, searches_run
) -> None:
    sign_in(client, library.presenter)
    before = _audit_and_saved()
    caplog.set_level(logging.DEBUG)
    page = client.get("/search?" + urlencode({"q": NAMED}))
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert "Nothing was searched: the words may identify a patient." in html
    assert 'class="deid-panel"' in html and 'name="accept_finding"' in html
    assert "result-list" not in html and "Save this search" not in html
    assert searches_run == []
    assert _audit_and_saved() == before
    assert "Smith" not in caplog.text
    # Words without identifiers are searched as before.
    assert client.get("/search?q=cirrhosis").status_code == 200
    assert searches_run == ["prepare"]


def test_api_search_refuses_words_naming_a_patient_naming_the_field(
    library: Library, client, caplog, searches_run
) -> None:
    token = create_token(library.presenter, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    caplog.set_level(logging.DEBUG)
    response = client.get("/api/v1/search?" + urlencode({"q": NAMED}), headers=headers)
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "identifiers_found" and body["field"] == "q"
    assert "Smith" not in response.get_data(as_text=True)
    assert [f["category"] for f in body["findings"]] == ["NAME"]
    assert searches_run == [] and "Smith" not in caplog.text

    # Marked "not an identifier" with a reason, the words are searched.
    finding = body["findings"][0]
    key = f"q|{finding['start']}|{finding['end']}|NAME|{finding['digest']}"
    args = {"q": NAMED, "accept_finding": key, f"reason|{key}": "other"}
    response = client.get("/api/v1/search?" + urlencode(args), headers=headers)
    assert response.status_code == 200, response.get_json()
    assert searches_run == ["prepare"]


def test_the_cli_refuses_words_naming_a_patient(library: Library, app, searches_run) -> None:
    out = app.test_cli_runner().invoke(args=["search", "--as", library.presenter.email, NAMED])
    assert out.exit_code != 0
    assert "Possible patient identifiers in q" in out.output and "Smith" not in out.output
    assert searches_run == []


def _served(app, path: str, caplog) -> str:
    """What the dev server (werkzeug, `flask run`) logs for a request of `path`."""
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            urlopen(f"http://127.0.0.1:{server.server_port}{path}").read()  # noqa: S310
            thread.join(timeout=30)
    finally:
        server.server_close()
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")


def test_the_dev_servers_access_log_leaves_out_query_strings(app, caplog) -> None:
    sent_back = "/search?" + urlencode({"q": NAMED})
    logged = _served(app, "/sign-in?" + urlencode({"next": sent_back}), caplog)
    assert "GET /sign-in HTTP/1.1" in logged
    assert "Smith" not in logged and "q=" not in logged


def test_gunicorns_access_log_leaves_out_query_strings_referers_and_redirects(app) -> None:
    glogging = pytest.importorskip("gunicorn.glogging")
    from gunicorn.config import Config  # type: ignore[import-untyped]

    config = Config()
    config.set("accesslog", "-")
    # The operator's format with every atom that can carry a query string.
    config.set(
        "access_log_format",
        "%(r)s|%(q)s|%(f)s|%({referer}i)s|%({location}o)s|%({raw_uri}e)s|%({query_string}e)s",
    )
    logger = glogging.Logger(config)
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("gunicorn.access").addHandler(handler)
    query = urlencode({"q": NAMED})
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/search?{query}",
        "PATH_INFO": "/search",
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://casebook.example/search?{query}",
    }
    response = SimpleNamespace(
        status="303 See Other", sent=0, headers=[("Location", f"/search?{query}")]
    )
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    try:
        logger.access(response, request, environ, timedelta(milliseconds=5))
    finally:
        logging.getLogger("gunicorn.access").removeHandler(handler)
    assert len(lines) == 1
    assert "GET /search HTTP/1.1" in lines[0] and "https://casebook.example/search" in lines[0]
    assert "Smith" not in lines[0] and "q=" not in lines[0]


def test_gunicorns_error_log_leaves_out_query_strings(app) -> None:
    # A request that fails outside the app's own handlers (a client gone mid-response, a
    # fault while streaming) is logged by the worker with its URI, query string and all.
    glogging = pytest.importorskip("gunicorn.glogging")
    from gunicorn.config import Config

    logger = glogging.Logger(Config())
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("gunicorn.error").addHandler(handler)
    uri = "/search?" + urlencode({"q": NAMED})
    try:
        try:
            raise ConnectionResetError
        except ConnectionResetError:
            # What gunicorn's worker logs (`Worker.handle_error`) for such a request.
            logger.exception("Error handling request %s %s", "GET", uri)
    finally:
        logging.getLogger("gunicorn.error").removeHandler(handler)
    assert lines == ["Error handling request GET /search"]


@pytest.mark.parametrize(
    "words", ["Tommy John surgery", "sister mary joseph nodule", "Mayo Clinic criteria"]
)
def test_clinical_names_the_gate_reads_as_a_persons_are_searched(
    library: Library, client, searches_run, words: str
) -> None:
    sign_in(client, library.presenter)
    assert client.get("/search?" + urlencode({"q": words})).status_code == 200
    assert searches_run == ["prepare"]


@pytest.mark.parametrize(
    "words",
    [
        "Tommy John",  # the name alone may be a patient's
        "Tommy John surgery John Smith",
        "Tommy John surgery MRN 4829173",
        "John Smith surgery",
    ],
)
def test_a_clinical_name_lets_no_other_identifier_through(
    library: Library, client, searches_run, words: str
) -> None:
    sign_in(client, library.presenter)
    assert client.get("/search?" + urlencode({"q": words})).status_code == 422
    assert searches_run == []


def test_a_saved_search_whose_words_were_marked_opens_without_refusal(
    library: Library, client, searches_run
) -> None:
    # Saved with a finding of its words marked "not an identifier", a search opens with
    # that mark: the author is not asked again each time, and nothing else is let through.
    from app.deid.gate import Acceptance, IdentifiersFound, finding_digest
    from app.teaching import operations as teaching

    words = "Charles Bonnet"
    query = urlencode({"q": words})
    with pytest.raises(IdentifiersFound) as refused:
        teaching.save_search(library.presenter, "Hallucinations", query)
    finding = refused.value.findings[0]
    assert finding.field == "q"
    mark = Acceptance(
        "q",
        finding.start,
        finding.end,
        "clinical_term",
        category=finding.category,
        digest=finding_digest(words[finding.start : finding.end]),
    )
    saved = teaching.save_search(library.presenter, "Hallucinations", query, accepted=[mark])
    db.session.commit()
    sign_in(client, library.presenter)
    opened = client.get(f"/my/searches/{saved.id}", follow_redirects=True)
    assert opened.status_code == 200
    assert searches_run == ["prepare"]


@pytest.mark.parametrize(
    "words",
    [
        "john smith hepatitis",
        "victor martinez",
        "smith, john",
        "dr smith",
        "john-smith",
        # a field's syntax in the words: the value is still read as words
        "topic:john-smith",
        "cirrhosis topic:smith-john",
    ],
)
def test_lower_case_names_are_refused_on_the_page_the_api_and_the_cli(
    library: Library, client, app, searches_run, words: str
) -> None:
    sign_in(client, library.presenter)
    page = client.get("/search?" + urlencode({"q": words}))
    assert page.status_code == 422
    assert "Nothing was searched: the words may identify a patient." in page.get_data(as_text=True)
    token = create_token(library.presenter, "test", actor=SYSTEM)
    db.session.commit()
    response = client.get(
        "/api/v1/search?" + urlencode({"q": words}), headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 422
    assert [f["category"] for f in response.get_json()["findings"]] == ["NAME"]
    out = app.test_cli_runner().invoke(args=["search", "--as", library.presenter.email, words])
    assert out.exit_code != 0 and "Possible patient identifiers in q" in out.output
    assert searches_run == []


def test_a_lower_case_name_marked_not_an_identifier_is_searched(
    library: Library, client, searches_run
) -> None:
    sign_in(client, library.presenter)
    words = "charles bonnet"  # an eponym without its head noun reads as a name
    token = create_token(library.presenter, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    body = client.get("/api/v1/search?" + urlencode({"q": words}), headers=headers).get_json()
    finding = body["findings"][0]
    key = f"q|{finding['start']}|{finding['end']}|NAME|{finding['digest']}"
    args = {"q": words, "accept_finding": key, f"reason|{key}": "clinical_term"}
    assert client.get("/api/v1/search?" + urlencode(args), headers=headers).status_code == 200
    assert searches_run == ["prepare"]


def test_clinical_searches_with_names_in_them_are_not_refused() -> None:
    """The clinical searches of eval/search/gate/clinical.txt, whose words are often also
    people's names: none is refused but the false alarms already counted there."""
    from app.search.words import guard_words

    refused = []
    for words in clinical_searches():
        try:
            guard_words({"q": words}, actor=SYSTEM)
        except IdentifiersFound:
            refused.append(words)
    assert set(refused) <= REFUSED_CLINICAL_SEARCHES, sorted(
        set(refused) - REFUSED_CLINICAL_SEARCHES
    )


def test_saving_a_search_of_a_clinical_name_asks_for_no_tick(
    library: Library, client, searches_run
) -> None:
    # The search page searches "Tommy John surgery" untouched and offers to save it under
    # its words: saving reads them as the search did, by the same gate.
    from app.deid.models import DeidOverride

    sign_in(client, library.presenter)
    words = "Tommy John surgery"
    assert client.get("/search?" + urlencode({"q": words})).status_code == 200
    saved = client.post("/my/searches", data={"name": words, "query": urlencode({"q": words})})
    assert saved.status_code == 303
    [kept] = db.session.scalars(select(SavedSearch)).all()
    assert kept.name == words
    # Nothing was marked by its author: no override kept, none audited.
    assert db.session.scalars(select(DeidOverride)).all() == []
    assert not db.session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "deid.finding_overridden")
    )
    renamed = client.post(f"/my/searches/{kept.id}/rename", data={"name": "Tommy John injury"})
    assert renamed.status_code == 303


@pytest.mark.parametrize(
    "name, words",
    [
        ("Elbow", "Tommy John surgery John Smith"),  # the allowance lets nothing else through
        ("Elbow", "john smith elbow"),
        ("john smith", "Tommy John surgery"),  # the name is read as search words too
    ],
)
def test_saving_a_search_naming_a_patient_is_refused(
    library: Library, client, name: str, words: str
) -> None:
    sign_in(client, library.presenter)
    before = _audit_and_saved()
    refused = client.post("/my/searches", data={"name": name, "query": urlencode({"q": words})})
    assert refused.status_code == 422
    assert _audit_and_saved() == before


# Request lines a client can send with a search's words unescaped: the raw spaces break the
# line, and the server's message about it quotes what it could not read.
MALFORMED = [
    b"GET /search?q=John Smith hepatitis HTTP/1.1\r\nHost: casebook\r\n\r\n",
    b"GET /search?q=John Smith hepatitis\r\n\r\n",
    b"GET search?q=John Smith hepatitis HTTP/1.1\r\n\r\n",
    b"GET /search?q=John\x00Smith+hepatitis HTTP/1.1\r\n\r\n",
    b"GET /search?q=John Smith",  # the client gone before the line ends
]


@pytest.mark.parametrize("raw", MALFORMED)
def test_gunicorns_error_log_leaves_out_a_malformed_requests_words(app, raw: bytes) -> None:
    # gunicorn's own parser reads the request and its worker's `handle_error` logs the
    # refusal ("Invalid request from ip=…: Invalid HTTP Version: 'Smith hepatitis
    # HTTP/1.1'"), as a worker does, through gunicorn's logger at debug level.
    import socket

    glogging = pytest.importorskip("gunicorn.glogging")
    from gunicorn import http
    from gunicorn.config import Config
    from gunicorn.workers.base import Worker  # type: ignore[import-untyped]

    config = Config()
    config.set("loglevel", "debug")
    worker = SimpleNamespace(log=glogging.Logger(config), cfg=config)
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("gunicorn.error").addHandler(handler)
    client, server = socket.socketpair()
    try:
        client.sendall(raw)
        client.shutdown(socket.SHUT_WR)
        try:
            next(http.get_parser(config, server, ("10.0.0.1", 5000)))
        except http.errors.NoMoreData as gone:  # what the sync worker logs for it
            worker.log.debug("Ignored premature client disconnection. %s", gone)
        except Exception as refused:  # noqa: BLE001 - whatever the parser raises
            Worker.handle_error(worker, None, server, ("10.0.0.1", 5000), refused)
        else:
            pytest.fail("the request should not parse")
    finally:
        logging.getLogger("gunicorn.error").removeHandler(handler)
        client.close()
        server.close()
    assert len(lines) == 1
    assert lines[0].startswith(("Invalid request from ip=10.0.0.1: ", "Ignored premature"))
    assert "Smith" not in lines[0] and "hepatitis" not in lines[0] and "q=" not in lines[0]


@pytest.mark.parametrize("raw", MALFORMED[:3])
def test_the_dev_servers_log_leaves_out_a_malformed_requests_words(app, caplog, raw) -> None:
    import socket

    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            with socket.create_connection(("127.0.0.1", server.server_port)) as client:
                client.sendall(raw)
                client.shutdown(socket.SHUT_WR)
                assert b"400" in client.recv(4096)
            thread.join(timeout=30)
    finally:
        server.server_close()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")
    assert " 400 " in logged or "code 400" in logged
    assert "Smith" not in logged and "hepatitis" not in logged and "q=" not in logged


@pytest.mark.parametrize("name", ["topic", "program", "type", "status"])
def test_saving_a_search_refuses_a_lower_case_name_in_its_filters(
    library: Library, name: str
) -> None:
    # A saved search keeps its filters as typed and shows them again: they are its words too.
    from app.teaching import operations as teaching

    before = _audit_and_saved()
    with pytest.raises(IdentifiersFound) as refused:
        teaching.save_search(
            library.presenter, "Liver", urlencode({"q": "hepatitis", name: "victor martinez"})
        )
    assert [f.field for f in refused.value.findings] == [name]
    assert _audit_and_saved() == before


@pytest.mark.parametrize(
    "query", ["q=o'brien+patrick+hepatitis", "q=patrick+o'brien", 'q="a"+smith']
)
def test_the_dev_servers_access_log_leaves_out_a_query_with_quotes(app, caplog, query) -> None:
    # Browsers send an apostrophe in a query string as it is ("o'brien"), and a client may
    # send a double quote so too: neither ends the query string in the log.
    logged = _served(app, "/sign-in?" + query, caplog)
    assert "GET /sign-in HTTP/1.1" in logged
    assert "brien" not in logged and "smith" not in logged and "q=" not in logged


@pytest.mark.parametrize("topic", ["John Smith", "john-smith"])
def test_search_page_refuses_a_filter_value_naming_a_patient(
    library: Library, client, caplog, searches_run, topic: str
) -> None:
    # A filter's value is typed as freely as the words (a URL edited): it would be the
    # facet counts' cache key and be shown again.
    sign_in(client, library.presenter)
    caplog.set_level(logging.DEBUG)
    page = client.get("/search?" + urlencode({"q": "cirrhosis", "topic": topic}))
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert "Nothing was searched: the words may identify a patient." in html
    assert 'class="deid-panel"' in html and "Topic" in html
    # Kept in the form, so ticking "Not an identifier" searches it.
    assert f'name="topic" value="{topic}"' in html
    assert searches_run == [] and "Smith" not in caplog.text


def test_api_search_refuses_a_filter_value_naming_a_patient_naming_the_field(
    library: Library, client, searches_run
) -> None:
    token = create_token(library.presenter, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.get("/api/v1/search?program=hcv&topic=john-smith", headers=headers)
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "identifiers_found" and body["field"] == "topic"
    assert searches_run == []

    finding = body["findings"][0]
    key = f"topic|{finding['start']}|{finding['end']}|NAME|{finding['digest']}"
    args = {
        "program": "hcv",
        "topic": "john-smith",
        "accept_finding": key,
        f"reason|{key}": "other",
    }
    response = client.get("/api/v1/search?" + urlencode(args), headers=headers)
    assert response.status_code == 200, response.get_json()
    assert searches_run == ["prepare"]


def test_the_cli_refuses_a_program_value_naming_a_patient(
    library: Library, app, searches_run
) -> None:
    out = app.test_cli_runner().invoke(
        args=["search", "--as", library.presenter.email, "--program", "john-smith", "cirrhosis"]
    )
    assert out.exit_code != 0
    assert "Possible patient identifiers in program" in out.output
    assert searches_run == []


def test_a_facet_link_to_an_accepted_topic_with_a_persons_name_is_searched(
    library: Library, client, searches_run
) -> None:
    # The vocabulary passed the gate when it was named; a proposed topic's name is read
    # again, since whether it exists is no outsider's to learn.
    add_topics(["Treacher Collins"], status=TopicStatus.ACCEPTED)
    db.session.commit()
    sign_in(client, library.presenter)
    assert client.get("/search?topic=treacher-collins").status_code == 200
    assert searches_run == ["prepare"]
    assert client.get("/search?topic=stewart-treves").status_code == 422


def test_similar_cases_to_typed_text_refuse_text_naming_a_patient(
    library: Library, monkeypatch
) -> None:
    from app.search import similar

    reached: list[str] = []
    monkeypatch.setattr(similar, "prepare", lambda: reached.append("prepare"))
    with pytest.raises(IdentifiersFound) as refused:
        similar.similar_cases(
            library.presenter, text="Seen John Smith, MRN 4417832, for cirrhosis."
        )
    assert {f.field for f in refused.value.findings} == {"text"} and reached == []
    assert similar.similar_cases(library.presenter, text="cirrhosis genotype 3") == []
    assert reached == ["prepare"]


def test_a_saved_searchs_filters_are_read_as_the_search_page_reads_them(
    library: Library,
) -> None:
    from app.teaching.operations import save_search

    add_topics(["Treacher Collins"], status=TopicStatus.ACCEPTED)
    db.session.commit()
    before = _audit_and_saved()
    with pytest.raises(IdentifiersFound) as refused:
        save_search(library.presenter, "Liver", "q=cirrhosis&topic=john-smith")
    assert [f.field for f in refused.value.findings] == ["topic"]
    assert _audit_and_saved() == before
    # An accepted topic beside it is the vocabulary: the finding keeps its place.
    with pytest.raises(IdentifiersFound) as refused:
        save_search(library.presenter, "Liver", "topic=treacher-collins,john-smith")
    [finding] = refused.value.findings
    assert (finding.field, finding.start, finding.end) == ("topic", 17, 27)
    saved = save_search(library.presenter, "Ears", "topic=treacher-collins")
    assert saved.query == "topic=treacher-collins"


# Arabic-Indic digits: the gate reads them as digits ("portal hypertension
# ١٢٣٤٥٦٧٨" is refused as words), a slug leaves them out ("portal-hypertension").
RECORD_NUMBER = "١٢٣٤٥٦٧٨"


@pytest.mark.parametrize(
    "topic", [f"Portal Hypertension {RECORD_NUMBER}", f"portal-hypertension-{RECORD_NUMBER}"]
)
def test_a_topic_filter_is_the_vocabulary_only_when_nothing_else_is_typed_with_it(
    library: Library, client, searches_run, topic: str
) -> None:
    add_topics(["Portal Hypertension"], status=TopicStatus.ACCEPTED)
    db.session.commit()
    sign_in(client, library.presenter)
    assert (
        client.get(
            "/search?" + urlencode({"q": f"portal hypertension {RECORD_NUMBER}"})
        ).status_code
        == 422
    )
    page = client.get("/search?" + urlencode({"q": "cirrhosis", "topic": topic}))
    assert page.status_code == 422
    assert searches_run == []
    for spelt in ("Portal Hypertension", "portal-hypertension", " PORTAL  hypertension "):
        assert client.get("/search?" + urlencode({"topic": spelt})).status_code == 200
    assert len(searches_run) == 3


def test_a_saved_search_keeps_no_text_typed_beside_an_accepted_topic(library: Library) -> None:
    from app.teaching.operations import save_search

    add_topics(["Portal Hypertension"], status=TopicStatus.ACCEPTED)
    db.session.commit()
    before = _audit_and_saved()
    with pytest.raises(IdentifiersFound) as refused:
        save_search(library.presenter, "Liver", "topic=" + f"portal hypertension {RECORD_NUMBER}")
    assert [f.field for f in refused.value.findings] == ["topic"]
    assert _audit_and_saved() == before


def test_a_saved_search_keeps_its_settings_as_the_search_page_reads_them(
    library: Library,
) -> None:
    # Sort, case, years and the two switches are not words: the page reads them as a
    # choice, an id, a year or a yes/no, and falls back to its default otherwise. Kept as
    # typed, a name in one was stored (the prose detector leaves a lower-case name alone).
    from app.teaching.operations import save_search

    typed = "olga ivanova"
    query = "&".join(
        f"{name}={typed}" for name in ("sort", "case", "year_from", "year_to", "group", "correct")
    )
    saved = save_search(library.presenter, "Liver", f"q=cirrhosis&{query}")
    assert saved.query == "q=cirrhosis"
    kept = save_search(
        library.presenter,
        "Kept",
        "q=cirrhosis&year_from=2019&year_to=2030&sort=oldest&case=12&group=no&correct=false",
    )
    assert kept.query == (
        "q=cirrhosis&year_from=2019&year_to=2030&sort=oldest&case=12&group=no&correct=false"
    )
