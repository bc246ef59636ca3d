from django.urls import path

from shinchoku.accounts import passwords, views

app_name = "accounts"
urlpatterns = [
    # Under workflow/ for the people who bookmarked it.
    path("workflow/login/", views.SignInView.as_view(), name="login"),
    path("accounts/code/", views.code, name="code"),
    path("accounts/two-factor/", views.two_factor, name="two-factor"),
    path(
        "accounts/password/",
        passwords.PasswordChangeView.as_view(),
        name="password-change",
    ),
    path(
        "accounts/set-password/<uidb64>/<token>/",
        passwords.SetPasswordView.as_view(),
        name="set-password",
    ),
]
