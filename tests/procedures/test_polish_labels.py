"""Admin screens say Polish sentences: plural forms, accusative choosers, no English."""

import pytest
from django.urls import reverse

from tests.english_words import find_english
from tests.factories import DepartmentFactory, EmployeeFactory

pytestmark = pytest.mark.django_db


def test_snippet_listing_counts_departments_in_polish(superuser_client):
    DepartmentFactory.create_batch(21)
    response = superuser_client.get(reverse("wagtailsnippets_procedures_department:list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "21 komórek" in content
    assert "21 komórki" not in content


def test_snippet_listing_counts_employees_in_polish(superuser_client):
    EmployeeFactory.create_batch(5)
    response = superuser_client.get(reverse("wagtailsnippets_procedures_employee:list"))
    content = response.content.decode()
    assert "5 pracowników" in content
    assert "pracownicy</div>" not in content


def test_department_chooser_says_choose_in_the_accusative(superuser_client):
    DepartmentFactory()
    response = superuser_client.get(reverse("wagtailsnippetchoosers_procedures_department:choose"))
    assert response.status_code == 200
    title = response.json()["html"]
    assert "Wybierz komórkę" in title
    assert "Wybierz komórka" not in title


def test_employee_chooser_widget_buttons_are_in_the_accusative():
    from procedures.labels import PolishSnippetChooser
    from procedures.models import Employee

    widget = PolishSnippetChooser(Employee)
    assert widget.choose_one_text == "Wybierz pracownika"
    assert widget.choose_another_text == "Zmień pracownika"


def test_find_english_finds_whole_words_only():
    assert find_english("1-21 of 21 Compare") == ["of", "Compare"]
    assert find_english("Porównanie, offline, Tomasz") == []
