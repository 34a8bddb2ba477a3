"""What the model's validation tells an editor, by field."""

import pytest
from django.core.exceptions import ValidationError


def errors_of(page):
    """The messages ``page.full_clean()`` refuses ``page`` with, by field name."""
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict
