"""The apps depend one way: articles on media, audit and demo on both, nothing on demo, and
the project's kernel (languages, events, pages, permissions) on no app. Read from the source,
by walking the imports of every module of each app, and the models it looks up by name
(`apps.get_model("audit", "AuditEntry")` is a dependency too, one that no import shows)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("articles", "media", "audit", "demo")
KERNEL = ("languages", "events", "pages", "permissions")

# Which app may import which; anything else is a wrong-way dependency.
ALLOWED = {
    "articles": {"media"},
    "media": set(),
    "audit": {"articles", "media"},
    "demo": {"articles", "media"},
}


def looked_up_apps(tree: ast.AST) -> set[str]:
    """The apps whose models a module looks up by name: get_model("audit", "AuditEntry")
    or get_model("audit.AuditEntry")."""
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "get_model"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value.split(".")[0])
    return names


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports (relative imports stay inside its own), and
    outside migrations (whose own graph tests/newsroom/test_migration_graph.py checks) the
    apps whose models it looks up by name."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set() if "migrations" in path.parts else looked_up_apps(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def app_imports(app: str) -> dict[str, set[str]]:
    """For each module of `app`: the other apps it imports."""
    return {
        str(path.relative_to(ROOT)): (imported_packages(path) & set(APPS)) - {app}
        for path in (ROOT / app).rglob("*.py")
    }


def test_each_app_imports_only_the_apps_below_it():
    wrong = {
        module: sorted(imports - ALLOWED[app])
        for app in APPS
        for module, imports in app_imports(app).items()
        if imports - ALLOWED[app]
    }

    assert wrong == {}


def test_the_apps_import_graph_has_no_cycle():
    graph = {app: set().union(*app_imports(app).values()) for app in APPS}

    # Kahn's algorithm: peel off apps that import nothing left; a cycle is what remains.
    remaining = dict(graph)
    while leaves := [app for app, imports in remaining.items() if not imports & remaining.keys()]:
        for app in leaves:
            del remaining[app]

    assert graph["articles"] == {"media"}  # the walk does see the one allowed dependency
    assert remaining == {}


def test_nothing_outside_the_demo_imports_it():
    importers = [
        str(path.relative_to(ROOT))
        for package in ("newsroom", "articles", "media", "audit")
        for path in (ROOT / package).rglob("*.py")
        if "demo" in imported_packages(path)
    ]

    assert importers == []


def test_the_project_kernel_imports_no_app():
    wrong = {
        name: sorted(imported_packages(ROOT / "newsroom" / f"{name}.py") & set(APPS))
        for name in KERNEL
    }

    assert wrong == dict.fromkeys(KERNEL, [])
