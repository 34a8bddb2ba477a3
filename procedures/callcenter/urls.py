"""Routes of the Call Center reading view (/call-center/...)."""

urlpatterns = []
