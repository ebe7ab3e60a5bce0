"""WSGI entry point: `gunicorn wsgi:app`, `waitress-serve wsgi:app`, `flask --app wsgi …`."""

import gc

from app import create_app

app = create_app()

# What a worker holds for its life (modules, models, routes, templates: some 240,000
# objects) leaves the collector's watch: otherwise each full collection a request sets off
# walks all of it again, 100 to 150 ms of CPU on a large hub's curriculum and candidate
# pages every few requests (docs/benchmarks.md). Garbage made later is collected as before.
gc.collect()
gc.freeze()
