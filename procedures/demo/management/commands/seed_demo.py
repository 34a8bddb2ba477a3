"""``manage.py seed_demo``: a complete demo site, safe to run again.

The content is data (see procedures.demo.content): the organisation and the site's pages
are created from JSON, and the procedures are imported from an interchange-format file by
the same importer as ``manage.py import_procedures --publish``.

Everything is matched by a natural key (slug, name, procedure code, username), so a second
run creates nothing and leaves what editors changed in the meantime alone. The only thing it
resets is the demo accounts' password, so the printed one always works, except the
administrator's: that account gets a random password when it is created (printed once) and
is never reset to a published one.

Accounts that must confirm logins with a one-time code (procedures.logins) get a TOTP
device; their secrets are printed, and ``manage.py demo_code <username>`` prints the
current code. The command refuses to run unless ``DEMO_DATA_ALLOWED`` is on (development
and test settings only).
"""

import secrets
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from procedures.demo import content
from procedures.demo.changes import seed_change_notes
from procedures.demo.feedback import seed_helpfulness_votes
from procedures.demo.requests import seed_update_requests
from procedures.demo.reviews import seed_review_states
from procedures.interchange.importer import Importer, iter_records
from procedures.links import agree_with_base_url
from procedures.logins.two_factor import demo_device, requires_two_factor, secret_of
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    Employee,
    Office,
    OrganisationalUnit,
    ProcedureIndexPage,
    ProcedurePage,
    RelatedProcedure,
)
from procedures.rich_text import canonicalise
from procedures.workflow.scheduling import unpublish_expired


class Command(BaseCommand):
    help = (
        "Create the demo site: home page, categories, units and departments, offices, staff, "
        "the real procedures of the city of Łódź and one demo account per role. Idempotent."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError(
                "seed_demo nie działa z ustawieniami produkcyjnymi: tworzy konta z "
                "opublikowanymi hasłami. / seed_demo refuses to run under these settings "
                f"({settings.SETTINGS_MODULE}): it creates accounts with published passwords; "
                "use cms.settings.dev."
            )
        self.tally = defaultdict(lambda: [0, 0])
        self.passwords = {}
        self.devices = {}
        with transaction.atomic():
            admin = self.seed_users()
            index = self.seed_site()
            self.seed_categories()
            departments = self.seed_organisation()
            self.seed_offices(departments)
            self.seed_employees(departments)
            self.seed_eform_platforms()
            self.seed_procedures(index, admin)
            self.seed_editorial_states(departments)
            seed_update_requests(self.stdout)
            seed_helpfulness_votes(self.stdout)
            seed_change_notes(self.stdout)
        # After the publications' commit, which sets their own review dates.
        with transaction.atomic():
            seed_review_states(self.stdout)
        self.print_summary()
        self.print_users()

    # --- Bookkeeping ------------------------------------------------------------------------

    def count(self, label, created):
        self.tally[label][0 if created else 1] += 1

    # --- Accounts ---------------------------------------------------------------------------

    def seed_users(self):
        """One account per role, password reset to the demo one on every run.

        The administrator is the exception: a new one gets a random password, an existing
        one keeps the password it has.
        """
        user_model = get_user_model()
        admin = None
        for username, group_name, superuser in content.USERS:
            user, created = user_model.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.is_active = True
            user.is_superuser = superuser
            user.is_staff = superuser
            if not superuser:
                self.passwords[username] = content.DEMO_PASSWORD
            elif created:
                self.passwords[username] = secrets.token_urlsafe(12)
            if username in self.passwords:
                user.set_password(self.passwords[username])
            user.save()
            if group_name:
                try:
                    group = Group.objects.get(name=group_name)
                except Group.DoesNotExist as error:
                    raise CommandError(
                        f"Group {group_name!r} is missing; run `manage.py migrate` first."
                    ) from error
                user.groups.add(group)
            if superuser:
                admin = user
            if requires_two_factor(user):
                self.devices[username] = demo_device(user)
            self.count("users", created)
        return admin

    # --- Site -------------------------------------------------------------------------------

    def seed_site(self):
        """The home page as the default site's root, with the procedure index and the
        information page under it (texts from data/site.json)."""
        pages = content.SITE["pages"]
        home = self.published_child(
            Page.get_first_root_node(),
            HomePage.objects.first(),
            HomePage(**pages["home"]),
            "home page",
        )

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        # Wagtail's links (page.full_url in notification e-mails) name the same address as
        # WAGTAILADMIN_BASE_URL, which `make demo` derives from PORT.
        moved = agree_with_base_url(site)
        if site.pk is None or site.root_page_id != home.pk or moved:
            site.root_page = home
            site.site_name = content.SITE["site_name"]
            site.save()
        self.remove_welcome_page()

        index = self.published_child(
            home,
            ProcedureIndexPage.objects.first(),
            ProcedureIndexPage(**pages["index"]),
            "procedure index page",
        )
        self.published_child(
            home,
            StandardPage.objects.filter(slug=pages["about"]["slug"]).first(),
            StandardPage(**pages["about"]),
            "information page",
        )
        return index

    def published_child(self, parent, existing, page, label):
        """``existing`` when there is one; otherwise ``page`` added under ``parent`` and
        published, stored as the editor saves it."""
        self.count(label, existing is None)
        if existing is not None:
            return existing
        page.live = False
        canonicalise(page)  # see procedures.rich_text: saving it unchanged shows no change
        page = parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def remove_welcome_page(self):
        """Delete Wagtail's initial "Welcome to your new Wagtail site!" page.

        It is a plain ``Page`` under the root with no children; once no site points at it,
        nothing else uses it.
        """
        welcome_pages = Page.objects.filter(
            depth=2,
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
            sites_rooted_here__isnull=True,
        )
        for page in welcome_pages:
            self.stdout.write(f"Removed Wagtail's initial page “{page.title}”.")
            page.delete()

    # --- Organisation ----------------------------------------------------------------------

    def seed_categories(self):
        """The categories, in the order shown on the portal."""
        for position, data in enumerate(content.ORGANISATION["categories"], start=1):
            _category, created = Category.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "sort_order": position,
                },
            )
            self.count("categories", created)

    def seed_organisation(self):
        """Units and their departments; returns the departments by (unit, department) name."""
        units = {}
        for data in content.ORGANISATION["units"]:
            units[data["name"]], created = OrganisationalUnit.objects.get_or_create(
                name=data["name"], defaults={"short_name": data["short_name"]}
            )
            self.count("units", created)
        departments = {}
        for data in content.ORGANISATION["departments"]:
            department, created = Department.objects.get_or_create(
                unit=units[data["unit"]],
                name=data["name"],
                defaults={"short_name": data["short_name"]},
            )
            departments[(data["unit"], data["name"])] = department
            self.count("departments", created)
        return departments

    def seed_offices(self, departments):
        """Places where residents handle matters; procedures name them by name and address."""
        for data in content.ORGANISATION["offices"]:
            _office, created = Office.objects.get_or_create(
                name=data["name"],
                address=data["address"],
                defaults={
                    "department": departments[(data["unit"], data["department"])],
                    "details": data["details"],
                    "phones": data["phones"],
                },
            )
            self.count("offices", created)

    def seed_employees(self, departments):
        """Staff (fictional); procedures name them as owners, authors and contacts."""
        for data in content.ORGANISATION["employees"]:
            _employee, created = Employee.objects.get_or_create(
                name=data["name"],
                department=departments[(data["unit"], data["department"])],
                defaults={"position": data["position"], "phone": data["phone"]},
            )
            self.count("employees", created)

    def seed_eform_platforms(self):
        """E-service platforms with their addresses (the import would create them bare)."""
        for data in content.ORGANISATION["eform_platforms"]:
            _platform, created = EFormPlatform.objects.get_or_create(
                name=data["name"], defaults={"url": data["url"]}
            )
            self.count("vocabulary: e-service platforms", created)

    # --- Editorial states ---------------------------------------------------------------------

    def seed_editorial_states(self, departments):
        """What the workflow looks like in use: the editor's department, a procedure in
        moderation, a version scheduled for next week and a withdrawn procedure."""
        users = get_user_model().objects
        editor = users.get(username="redaktor")
        moderator = users.get(username="moderator")
        departments[content.EDITOR_DEPARTMENT].editors.add(editor)

        in_review = ProcedurePage.objects.filter(code=content.IN_REVIEW_CODE).first()
        if in_review and not in_review.workflow_in_progress:
            draft = in_review.get_latest_revision_as_object()
            draft.summary = draft.summary.replace("Łodzi", "Łodzi (zmiana do akceptacji)", 1)
            draft.save_revision(user=editor, log_action=True)
            in_review.get_workflow().start(in_review, editor)
        self.count("procedure in moderation", bool(in_review))

        scheduled = ProcedurePage.objects.filter(code=content.SCHEDULED_CODE).first()
        if scheduled and not scheduled.revisions.filter(approved_go_live_at__isnull=False):
            draft = scheduled.get_latest_revision_as_object()
            draft.go_live_at = timezone.now() + timedelta(days=7)
            draft.additional_info += content.SCHEDULED_NOTE
            canonicalise(draft)
            draft.save_revision(user=moderator, log_action=True).publish(user=moderator)
        self.count("version scheduled for next week", bool(scheduled))

        withdrawn = ProcedurePage.objects.filter(code=content.WITHDRAWN_CODE).first()
        if withdrawn and not withdrawn.expired:
            draft = withdrawn.get_latest_revision_as_object()
            draft.expire_at = timezone.now() - timedelta(days=1)
            draft.save_revision(user=moderator, log_action=True).publish(user=moderator)
            unpublish_expired()
        self.count("withdrawn procedure", bool(withdrawn))

    # --- Procedures -------------------------------------------------------------------------

    def seed_procedures(self, index, admin):
        """Import the demo procedures not in the database yet, published, as
        ``manage.py import_procedures --publish --user admin`` imports a file.

        Procedures already there are left as they are, editors' changes included.
        """
        codes = [record["code"] for record in content.PROCEDURES]
        existing = set(ProcedurePage.objects.filter(code__in=codes).values_list("code", flat=True))
        self.tally["procedures"][1] += len(existing)
        missing = (
            record
            for record in iter_records(content.PROCEDURES_FILE)
            if record.get("code") not in existing
        )
        importer = Importer(content.DATA_DIR, publish=True, user=admin, parent=index)
        outcomes = importer.run(missing)
        rejected = [outcome for outcome in outcomes if outcome.status == "rejected"]
        if rejected:
            raise CommandError(
                "\n".join(
                    f"Demo procedure {outcome.code} is invalid: "
                    + "; ".join(f"{path}: {message}" for path, message in outcome.errors)
                    for outcome in rejected
                )
            )
        added = [outcome.page_id for outcome in outcomes]
        if not added:
            return
        ProcedurePage.objects.filter(pk__in=added).update(owner=admin)
        self.tally["procedures"][0] += len(added)
        self.tally["related procedure links"][0] += RelatedProcedure.objects.filter(
            page_id__in=added
        ).count()

    # --- Output -----------------------------------------------------------------------------

    def print_summary(self):
        self.stdout.write(self.style.MIGRATE_HEADING("Demo data: created / already present"))
        for label, (created, present) in self.tally.items():
            self.stdout.write(f"  {label:<34} {created:>4} created {present:>4} present")

    def print_users(self):
        self.stdout.write(self.style.MIGRATE_HEADING("Demo accounts (log in at /admin/)"))
        rows = [("username", "role", "password", "one-time code (TOTP) secret")] + [
            (
                username,
                group or "superuser",
                self.passwords.get(username, "(unchanged: the one set before)"),
                secret_of(self.devices[username]) if username in self.devices else "-",
            )
            for username, group, _superuser in content.USERS
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
        if self.devices:
            self.stdout.write(
                "Accounts with a secret confirm each login with a one-time code: add the "
                "secret to an authenticator app, or run `manage.py demo_code <username>`."
            )
