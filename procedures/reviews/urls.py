"""Admin URLs of the review cycle, under /admin/przeglady/ (namespace ``reviews``)."""

from django.urls import path

from procedures.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.ReviewReportView.as_view(), name="report"),
    path("wyniki/", views.ReviewReportView.as_view(results_only=True), name="report_results"),
    path("<int:page_id>/aktualny/", views.confirm_current, name="confirm"),
    path("<int:page_id>/termin/", views.set_review_date, name="set_date"),
]
