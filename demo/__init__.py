"""Original demo content for `manage.py seed_demo`: the texts as data files (data/*.toml),
the pictures drawn in code (images.py), and the seeding through the services (seed.py)."""
