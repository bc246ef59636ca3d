from django.urls import path

from shinchoku.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/read/", views.notifications_read, name="read-all"),
    path("notifications/settings/", views.preference_edit, name="settings"),
    path("notifications/<int:pk>/", views.notification_detail, name="detail"),
]
