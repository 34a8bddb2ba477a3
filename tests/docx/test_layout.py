"""The Word form's layout against the template and the field registry."""

from procedures.docx.guidance import GUIDANCE
from procedures.docx.layout import CALL_CENTER_SECTION, LABELS, SECTIONS, SLOTS
from procedures.fields import FIELDS
from procedures.public import RESTRICTED_FIELDS
from tests.procedures.template_spec import template_fields


def test_every_key_of_the_format_is_in_exactly_one_section():
    keys = [slot.key for section in SECTIONS for slot in section.slots]
    assert sorted(keys) == sorted(row.key for row in FIELDS)
    assert len(keys) == len(set(keys)) == len(SLOTS)


def test_restricted_keys_and_only_they_are_in_the_call_center_section():
    for section in SECTIONS:
        for slot in section.slots:
            assert (slot.key in RESTRICTED_FIELDS) == (section.title == CALL_CENTER_SECTION)


def test_labels_are_told_apart_and_guidance_is_the_templates():
    assert len(set(LABELS.values())) == len(SLOTS)
    assert GUIDANCE["title"][0].endswith(
        "**Tytuł nie może zawierać więcej niż 160 znaków, włącznie ze spacjami.**"
    )


def test_the_template_s_starred_fields_are_the_call_center_section():
    starred = {key for key, restricted in template_fields().items() if restricted}
    (section,) = [s for s in SECTIONS if s.title == CALL_CENTER_SECTION]
    assert starred <= {slot.key for slot in section.slots}
