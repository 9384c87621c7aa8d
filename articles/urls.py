from django.urls import path, re_path

from . import views

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    re_path(
        r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<slug>[-\w]+)/$",
        views.article_detail,
        name="article",
    ),
    path("sections/<str:slug>/", views.section_detail, name="section"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("authors/<str:slug>/", views.author_detail, name="author"),
]
