from django.http import HttpResponse


def home(request):
    return HttpResponse("home")


article_detail = section_detail = tag_detail = author_detail = home
