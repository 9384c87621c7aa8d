"""The article form shows each person what they may change and nothing more.

The newsroom policy (articles/policy.py) decides on the server what a save may change; the
form asks the same policy, field by field, and shows the rest read-only: a translator sees
the story's shared fields, the source text and the languages they do not translate as
text, with inputs only for their own languages (and those languages' captions of placed
items). A browser then never sends a field the server would refuse. A POST that sends one
anyway was crafted: the whole save is refused, with the policy's message, and nothing of it
is written.
"""

from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst

from newsroom.languages import columns, language_name

from .. import policy
from .rendered import ReadOnlyTextFormMixin, is_rich_text

# A placed item's fields other than its captions: changing any of them changes "placements".
PLACEMENT_FIELDS = ("image", "embed", "accepted_gaps")


def refused_names(user, article, names) -> list[str]:
    """The names among `names` (as policy.check_change takes them) that `user` may not
    change in `article`."""
    if article is None or article.pk is None:
        return []  # A new story is its writer's: the add permission decides.
    refused = []
    for name in names:
        try:
            policy.check_change(by=user, article=article, changed={name})
        except PermissionDenied:
            refused.append(name)
    return refused


def stored(request, obj):
    """The article as stored, once per request: the policy judges a write against it, not
    against a form's instance already carrying the posted values."""
    if obj is None or obj.pk is None:
        return None
    cache = request.__dict__.setdefault("_newsroom_stored", {})
    if obj.pk not in cache:
        cache[obj.pk] = type(obj)._default_manager.get(pk=obj.pk)
    return cache[obj.pk]


def _posted(request, name: str, prefix: str = "") -> bool:
    """Whether the POST carries field `name` (a split date and time as name_0 and name_1)."""
    keys = (name, f"{name}_0", f"{name}_1")
    if not prefix:
        return any(key in request.POST for key in keys)
    start = f"{prefix}-"
    return any(
        key.startswith(start) and key.split("-", 2)[-1] in keys
        for key in request.POST
        if key.count("-") == 2
    )


class RoleFieldsMixin:
    """ArticleAdmin mixin: the fields the policy refuses the user are read-only."""

    def role_read_only(self, request, obj) -> list[str]:
        """The article form's fields `request.user` may not change in `obj`."""
        if obj is None or obj.pk is None:
            return []
        cache = request.__dict__.setdefault("_newsroom_read_only", {})
        if obj.pk not in cache:
            cache[obj.pk] = refused_names(
                request.user, stored(request, obj), self.form._meta.fields
            )
        return cache[obj.pk]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields + [f for f in self.role_read_only(request, obj) if f not in fields]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A rich-text field shown read-only (the policy's, or a view-only user's) is shown as
        # the story it is, not as its HTML source (rendered.py).
        names = set(self.get_readonly_fields(request, obj))
        if change and not self.has_change_permission(request, obj):
            names |= {f.name for f in self.model._meta.fields}
        rich = sorted(name for name in names if is_rich_text(self.model, name))
        if not rich:
            return form
        return type(form.__name__, (ReadOnlyTextFormMixin, form), {"read_only_text": rich})

    def get_prepopulated_fields(self, request, obj=None):
        # A slug typed from its title only where both can be typed in.
        read_only = set(self.role_read_only(request, obj))
        return {
            field: sources
            for field, sources in super().get_prepopulated_fields(request, obj).items()
            if field not in read_only and not read_only.intersection(sources)
        }

    def refuse_read_only_posts(self, request, obj, formsets) -> None:
        """Refuse the save (the policy's refusal, through save_through) when the POST sends a
        field the form showed read-only."""
        sent = [name for name in self.role_read_only(request, obj) if _posted(request, name)]
        for formset in formsets:
            read_only = getattr(formset, "newsroom_read_only", None)
            if read_only:
                sent += [
                    policy_name
                    for field, policy_name in read_only.items()
                    if _posted(request, field, formset.prefix)
                ]
            for form in formset.forms:
                # A row's disabled field (VariantRoleMixin): a browser never sends it.
                for field, policy_name in getattr(form, "newsroom_read_only", {}).items():
                    if form.add_prefix(field) in request.POST:
                        sent.append(policy_name)
        if sent:
            self.save_through(
                lambda: policy.check_change(
                    by=request.user, article=stored(request, obj), changed=set(sent)
                )
            )


class PlacementRoleMixin:
    """PlacementInline mixin: a translator captions placed items in their languages only;
    the item itself (picture, video, gaps, removal) is the editors'."""

    def _refused(self, request, obj) -> dict[str, str]:
        """{form field: the name the policy refuses} for `request.user` on `obj`."""
        if obj is None or obj.pk is None:
            return {}
        cache = request.__dict__.setdefault("_newsroom_placements_read_only", {})
        if obj.pk not in cache:
            names = {field: "placements" for field in PLACEMENT_FIELDS}
            names.update({name: name for name in columns(policy.CAPTION)})
            refused = set(refused_names(request.user, stored(request, obj), set(names.values())))
            if "placements" in refused:
                names["DELETE"] = "placements"
            cache[obj.pk] = {field: name for field, name in names.items() if name in refused}
        return cache[obj.pk]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        refused = [field for field in self._refused(request, obj) if field != "DELETE"]
        return fields + [f for f in refused if f not in fields]

    def has_delete_permission(self, request, obj=None):
        if "DELETE" in self._refused(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # What refuse_read_only_posts looks for in the POST.
        formset.newsroom_read_only = self._refused(request, obj)
        return formset


class VariantRoleMixin:
    """ArticleVariantInline mixin: the state of a language version the user may not move
    (a translator's other languages, the source) is shown but cannot be changed."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        user, article = request.user, stored(request, obj)

        class RoleFormSet(formset):
            def _construct_form(self, i, **form_kwargs):
                form = super()._construct_form(i, **form_kwargs)
                language = form.instance.language
                if "state" in form.fields and language:
                    # A table cell has no label of its own: the select names its language.
                    state = capfirst(form.fields["state"].label)
                    form.fields["state"].widget.attrs["aria-label"] = (
                        f"{state} ({language_name(language)})"
                    )
                name = f"{policy.VARIANT}_{language}"
                if "state" in form.fields and refused_names(user, article, [name]):
                    # A disabled field keeps its stored value whatever is posted.
                    form.fields["state"].disabled = True
                    form.newsroom_read_only = {"state": name}
                return form

        RoleFormSet.__name__ = formset.__name__
        return RoleFormSet
