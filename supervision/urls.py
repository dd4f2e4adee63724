"""Group supervision on the site, under /<language>/supervision/."""

from django.urls import path

from supervision.views import certificates, groups, sessions

app_name = "supervision"

urlpatterns = [
    path("", groups.group_list, name="groups"),
    path("<int:group_id>/", groups.group_detail, name="group"),
    path("<int:group_id>/ground-rules/", groups.accept_rules, name="accept_rules"),
    path("<int:group_id>/attendance.csv", groups.attendance_export, name="attendance_export"),
    path("<int:group_id>/sessions/new/", sessions.new_session, name="new_session"),
    path("<int:group_id>/sessions/<int:session_id>/", sessions.session_detail, name="session"),
    path("<int:group_id>/sessions/<int:session_id>/edit/", sessions.edit_session, name="edit_session"),
    path(
        "<int:group_id>/sessions/<int:session_id>/attendance/",
        sessions.save_attendance,
        name="save_attendance",
    ),
    path("<int:group_id>/sessions/<int:session_id>/notes/", sessions.save_note, name="save_note"),
    path("<int:group_id>/certificate/", certificates.own_certificate, name="own_certificate"),
    path("<int:group_id>/certificates/", certificates.issue_certificate, name="issue_certificate"),
    path("<int:group_id>/certificates/<str:code>/", certificates.download, name="certificate"),
]
