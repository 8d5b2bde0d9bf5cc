"""/ustawienia — a staff user's own e-mail choices (the weekly digest)."""

from dashboard import web
from dashboard.ui import settings as settings_ui

settings_ui.render(web.require_actor())
