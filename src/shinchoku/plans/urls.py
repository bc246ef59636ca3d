from django.urls import path

from shinchoku.plans import views

app_name = "plans"
urlpatterns: list = []
