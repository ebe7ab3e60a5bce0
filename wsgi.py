"""WSGI entry point: `gunicorn wsgi:app`, `waitress-serve wsgi:app`, `flask --app wsgi …`."""

from app import create_app
from app.serving import settle_for_serving

app = create_app()
settle_for_serving()
